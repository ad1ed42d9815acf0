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
    // The client may leave at any moment: before this hook (its connection already closed), while
    // it waits in line, or while it is served. Its slot is given back exactly once, whichever it
    // was; a request whose client left still runs when its turn comes (its body has arrived and
    // may change data) but holds no slot, so a phone that gave up never blocks the line.
    if (reply.raw.destroyed) return;
    const turn: { state: 'waiting' | 'inside' | 'gone' } = { state: 'waiting' };
    reply.raw.once('close', () => {
      if (turn.state === 'inside') leave();
      turn.state = 'gone';
    });
    if (inside < slots) inside++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    if (turn.state === 'gone') leave();
    else turn.state = 'inside';
  });
}
