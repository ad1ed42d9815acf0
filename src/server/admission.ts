import type { FastifyInstance } from 'fastify';

/**
 * First come, first served on the embedded database (issue 10 item 4, a full hall). PGlite is one
 * connection on the main thread: every request's statements queue on it, and when 200 phones scan
 * at once each request's five statements are interleaved with everyone else's, so all of them
 * finish late together (processor sharing). Here at most `slots` API requests are past their
 * arrival at a time and the rest wait in arrival order, so a scan waits for those before it and
 * then runs nearly alone. A few slots, not one: a long request (a plan's compile, an import)
 * takes one and the others keep moving. A request is admitted once its body has arrived (a slow
 * phone's upload holds no slot) and an upload (multipart, read in its handler) is never held
 * back; the health check never waits.
 */
export function admitInTurn(app: FastifyInstance, slots: number): void {
  let inside = 0;
  const waiting: (() => void)[] = [];
  const leave = () => {
    const next = waiting.shift();
    if (next) next();
    else inside--;
  };
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health') || request.headers['content-type']?.startsWith('multipart/')) return;
    if (inside < slots) inside++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    // Left once, when the answer is sent or the connection closes, whatever happened.
    reply.raw.once('close', leave);
  });
}
