import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { admitInTurn } from './admission';

// Issue 10 item 4: on the embedded database a burst of requests is served first come, first
// served, a few at a time, instead of all of them sharing the one connection and finishing late
// together (docs/PERFORMANCE.md, "First come, first served").
describe('admitInTurn (src/server/admission.ts)', () => {
  function appWithGate(slots: number) {
    // Real sockets in one test: closing must not wait for the client's idle keep-alive connections.
    const app = Fastify({ forceCloseConnections: true });
    admitInTurn(app, slots);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    app.get('/api/work/:n', async (request) => {
      const n = Number((request.params as { n: string }).n);
      running++;
      most = Math.max(most, running);
      started.push(n);
      await new Promise<void>((resolve) => gates.push(resolve));
      running--;
      return { n };
    });
    app.get('/api/health', async () => ({ status: 'ok' }));
    return { app, started, gates, most: () => most };
  }
  const settle = () => new Promise((r) => setTimeout(r, 20));

  it('issue 10: at most `slots` requests are at work; the others start in arrival order as slots free', async () => {
    const { app, started, gates, most } = appWithGate(2);
    await app.ready();
    const answers = [0, 1, 2, 3, 4].map((n) => app.inject({ method: 'GET', url: `/api/work/${n}` }));
    await settle();
    expect(started).toEqual([0, 1]);
    gates.shift()!();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    // Everything left finishes, in order, never more than two at once.
    while (started.length < 5 || gates.length) {
      gates.shift()?.();
      await settle();
    }
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most()).toBe(2);
    expect((await Promise.all(answers)).map((r) => r.json().n)).toEqual([0, 1, 2, 3, 4]);
    await app.close();
  });

  it('issue 10: the health check is answered while every slot is taken; a refused request frees its slot', async () => {
    const { app, started, gates } = appWithGate(1);
    await app.ready();
    const busy = app.inject({ method: 'GET', url: '/api/work/1' });
    await settle();
    expect(started).toEqual([1]);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    // An unknown route waits its turn, answers 404 and gives its slot back.
    const unknown = app.inject({ method: 'GET', url: '/api/nothing' });
    gates.shift()!();
    expect((await busy).statusCode).toBe(200);
    expect((await unknown).statusCode).toBe(404);
    const next = app.inject({ method: 'GET', url: '/api/work/2' });
    await settle();
    expect(started).toEqual([1, 2]);
    gates.shift()!();
    expect((await next).statusCode).toBe(200);
    await app.close();
  });

  it('issue 10: a client that leaves while it waits in line, or before its turn is asked, never keeps a slot', async () => {
    const { app, started, gates } = appWithGate(1);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const url = (n: number) => `http://127.0.0.1:${port}/api/work/${n}`;
    const busy = fetch(url(1));
    await settle();
    expect(started).toEqual([1]);
    // Two phones give up while they wait behind the first.
    const leaving = [2, 3].map((n) => {
      const abort = new AbortController();
      const answer = fetch(url(n), { signal: abort.signal }).catch((e: Error) => e.name);
      return { abort, answer };
    });
    await settle();
    for (const phone of leaving) phone.abort.abort();
    expect(await Promise.all(leaving.map((p) => p.answer))).toEqual(['AbortError', 'AbortError']);
    await settle();
    gates.shift()!();
    expect((await busy).status).toBe(200);
    // Their bodies had arrived: they still run, one after the other, and hold no slot afterwards.
    while (started.length < 3 || gates.length) {
      gates.shift()?.();
      await settle();
    }
    expect(started).toEqual([1, 2, 3]);
    // The line is free: the next two requests are served one after the other, not stuck.
    const next = [4, 5].map((n) => fetch(url(n)));
    while (started.length < 5 || gates.length) {
      gates.shift()?.();
      await settle();
    }
    expect((await Promise.all(next)).map((r) => r.status)).toEqual([200, 200]);
    await app.close();
  });
});
