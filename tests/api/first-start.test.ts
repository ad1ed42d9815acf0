import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countStatements, type Database, openDatabase } from '#core/db';
import { type AppInstance, DEMO_PASSWORD, DEMO_SEED_STATEMENTS, readConfig, startInstance } from '#server';
import { createEmptyTestDatabase } from '../support';

// Issue 11, cold start: `npm start` on an empty data directory answers its health check in
// seconds and writes the demo after listening. Meanwhile the health check reports progress, the
// login page's "who am I" answers at once, and any other API request waits for the seed instead
// of seeing half of it. The event loop keeps turning while PGlite works through the seed.
describe('issue 11: the first start seeds the demo after listening', () => {
  let instance: AppInstance | undefined;
  let empty: Awaited<ReturnType<typeof createEmptyTestDatabase>> | undefined;
  let ownPool: Database | undefined;
  afterAll(async () => {
    await instance?.stop();
    await ownPool?.close();
    await empty?.drop();
  });

  it('health answers with progress during the seed, a sign-in sent meanwhile waits and succeeds, the progress estimate holds', async () => {
    empty = await createEmptyTestDatabase();
    const config = readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'zhidu-first-start-')), ...(empty.url ? { DATABASE_URL: empty.url } : {}) });
    // The instance shares a database opened here (PostgreSQL: a pool of this test's own), so
    // the statements it sends can be counted from the start.
    ownPool = empty.database ? undefined : await openDatabase({ url: empty.url });
    const database = (empty.database ?? ownPool)!;
    const counter = countStatements(database.db);
    instance = await startInstance(config, {
      demo: true,
      seedAfterListening: true,
      listen: false,
      logger: false,
      database,
      schedulerIntervalMs: 3_600_000,
    });
    const { app, seeding } = instance;
    expect(seeding).toBeDefined();
    counter.reset();

    const first = await app.inject({ method: 'GET', url: '/api/health' });
    expect(first.statusCode).toBe(200);
    expect(first.json().preparing).toMatchObject({ total: DEMO_SEED_STATEMENTS });
    // Nobody is signed in on a first start: the login page learns it without waiting.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);

    // A sign-in sent now is held until the demo is written, then succeeds.
    let loginAnswered = false;
    const login = app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'plant.planner', password: DEMO_PASSWORD } }).then((r) => {
      loginAnswered = true;
      return r;
    });
    // The health check keeps answering while the seed runs (the loop takes turns), and the
    // progress only grows.
    let seeded = false;
    void seeding!.then(() => {
      seeded = true;
    });
    const seen: number[] = [];
    while (!seeded) {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      const preparing = health.json().preparing as { done: number; total: number } | undefined;
      if (!preparing) break;
      if (!seeded) expect(loginAnswered).toBe(false);
      seen.push(preparing.done);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBeGreaterThan(0);

    const result = await seeding!;
    expect(result.seeded).toBe(true);
    expect((await login).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json().preparing).toBeUndefined();
    // The progress bar's total stays an honest estimate of what the seed sends.
    const sent = counter.count();
    counter.stop();
    expect(Math.abs(sent - DEMO_SEED_STATEMENTS) / sent, `the demo seed sent ${sent} statements`).toBeLessThan(0.2);
  }, 600_000);
});
