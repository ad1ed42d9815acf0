import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '#core/db';
import { type AppInstance, DEMO_PASSWORD, demoLogins, readConfig, seedDemoOnce, startInstance } from '#server';
import { createEmptyTestDatabase, testDriver } from '../support';

// Issue 11, "several processes, one PostgreSQL": two app instances start at the same moment on
// an EMPTY database. On PostgreSQL (ZHIDU_TEST_DRIVER=pg) each opens its own connection pool, as
// two processes would; on PGlite they share the one embedded database of a single process.
describe('issue 11: two app instances started together on one empty database', () => {
  const now = new Date('2026-03-18T10:00:00Z');
  const clock = () => now;
  let instances: AppInstance[] = [];
  let empty: Awaited<ReturnType<typeof createEmptyTestDatabase>> | undefined;
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await empty?.drop();
  });

  it('both are healthy, migrations and demo data exist once, a session from one is honoured by the other, a due job runs once', async () => {
    empty = await createEmptyTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-issue11-'));
    const config = readConfig({ DATA_DIR: dir, ...(empty.url ? { DATABASE_URL: empty.url, DB_POOL_MAX: '4' } : {}) });
    const options = { clock, logger: false as const, listen: false, database: empty.database, schedulerIntervalMs: 3_600_000 };

    // Both start at once: migrations under the advisory lock (the loser used to die with
    // duplicate key … pg_type_typname_nsp_index), then the first-start work.
    instances = await Promise.all([startInstance(config, options), startInstance(config, options)]);
    const [a, b] = instances;

    for (const i of instances) {
      const health = await i.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json().database).toBe(testDriver());
    }

    // Every migration file recorded exactly once.
    const files = readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'));
    const migrations = await a.database.query<{ name: string; n: number }>('select name, count(*)::int as n from schema_migrations group by name');
    expect(migrations.length).toBe(files.length);
    expect(migrations.every((m) => m.n === 1)).toBe(true);

    // The embedded default seeds the demo on first start; a PostgreSQL server only when asked
    // (`zhidu seed --demo`, which runs seedDemoOnce). Asked by both at once, it is written once.
    const orgsAfterStart = await a.database.query<{ n: number }>('select count(*)::int as n from organisations');
    // Issue 12: the plant, the school, the district over it and the platform's organisation.
    expect(orgsAfterStart[0].n).toBe(testDriver() === 'pg' ? 0 : 4);
    const asked = await Promise.all([seedDemoOnce(a.database, a.ctx.registry, now), seedDemoOnce(b.database, b.ctx.registry, now)]);
    const seededBy = [a.seed, b.seed, ...asked].filter((s) => s?.seeded);
    expect(seededBy.length).toBe(1);
    const [orgs] = await b.database.query<{ n: number; names: number }>('select count(*)::int as n, count(distinct name)::int as names from organisations');
    expect(orgs).toEqual({ n: 4, names: 4 });
    const [people] = await b.database.query<{ n: number }>('select count(*)::int as n from users');
    expect(people.n).toBe(demoLogins().length);

    // A session opened on one instance is honoured by the other (sessions are rows).
    const login = demoLogins()[0];
    const signedIn = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: login.username, password: DEMO_PASSWORD } });
    expect(signedIn.statusCode).toBe(200);
    const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await b.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe(login.username);
    const csrf = signedIn.json().csrfToken as string;
    expect((await b.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);

    // A due job: a demo training session moved to yesterday, its roster still open. Both
    // schedulers tick at the same moment; the roster is closed once (one audit entry).
    const [school] = await a.database.query<{ id: string }>(`select id from organisations where kind = 'school'`);
    const [due] = await a.database.query<{ id: string }>(
      `update training_sessions set session_date = '2026-03-17', starts_at = '2026-03-17T06:00:00Z', ends_at = '2026-03-17T08:00:00Z'
       where id = (select id from training_sessions where org_id = $1 and state = 'scheduled' and roster_closed_at is null order by starts_at desc limit 1)
       returning id`,
      [school.id],
    );
    expect(due).toBeDefined();
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    const closes = await a.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'training.session.close-roster' and entity_id = $1`,
      [due.id],
    );
    expect(closes[0].n).toBe(1);
    const [closed] = await a.database.query<{ closed: boolean }>('select roster_closed_at is not null as closed from training_sessions where id = $1', [
      due.id,
    ]);
    expect(closed.closed).toBe(true);

    // Graceful stop of one: the other keeps serving; a stopped scheduler runs nothing more.
    await a.stop();
    await a.scheduler.tick();
    expect((await b.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 300_000);

  it('issue 11: a started server answers its health check, and on SIGTERM drains and exits 0', async () => {
    const target = testDriver() === 'pg' ? await createEmptyTestDatabase() : undefined;
    const port = await freePort();
    // The CLI's own entry (src/cli/main.ts through tsx), as `zhidu start` runs it.
    const code = "process.argv = [process.argv[0], 'zhidu', 'start']; const { main } = await import('./src/cli/main.ts'); await main();";
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'zhidu-issue11-')),
        DATABASE_URL: target?.url ?? '',
        SKIP_WEB_BUILD: '1',
        // A first start on PGlite is still writing its demo when SIGTERM comes: the seed is
        // finished, not cut off, however long a loaded machine takes.
        SHUTDOWN_TIMEOUT_MS: '400000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    try {
      // A first start on PGlite migrates and seeds the demo: slow on a busy machine.
      const deadline = Date.now() + 420_000;
      while (!out.includes('ready in') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(out).toContain('ready in');
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [exitCode] = await exited;
      expect(exitCode, out).toBe(0);
      expect(out).toContain('SIGTERM');
      // On PGlite the demo is seeded after listening; the stop waited for it to be whole.
      if (!target) expect(out).toContain('Demo data seeded');
      // The port is free again: nothing was left listening.
      expect(await freePort(port)).toBe(port);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await target?.drop();
    }
  }, 900_000);
});

/** A port nobody listens on (or checks that the given one is free). */
function freePort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : port));
    });
  });
}
