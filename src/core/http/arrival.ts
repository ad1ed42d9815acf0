import type { FastifyRequest } from 'fastify';

// When a request reached the server, stamped before anything waits (session lookup, the
// database queue): a QR scan is judged at that moment, not when its turn comes in a full hall.
const arrivals = new WeakMap<FastifyRequest, Date>();

export function stampArrival(request: FastifyRequest, at: Date): void {
  arrivals.set(request, at);
}

/** The moment the request arrived (falls back to `now` for requests built without the stamp). */
export const arrivalOf = (request: FastifyRequest, now: () => Date): Date => arrivals.get(request) ?? now();
