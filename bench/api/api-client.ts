import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, SESSION_COOKIE } from '#core/auth';
import type { Db } from '#core/db';
import { buildApp, makeContext } from '#server';
import { createTestDatabase, type TestDatabase } from '#test-support';

// What the API benchmarks share: the real HTTP server on a free port (as the training
// sign-in benchmark starts it), sessions from the real login, and fetch with cookie and CSRF token.

export interface BenchSession {
  cookie: string;
  csrf: string;
}

export interface BenchServer {
  database: TestDatabase;
  ctx: ReturnType<typeof makeContext>;
  /** e.g. http://127.0.0.1:41234/api */
  base: string;
  close(): Promise<void>;
}

export async function startServer(driver: 'pglite' | 'pg'): Promise<BenchServer> {
  process.env.ZHIDU_TEST_DRIVER = driver;
  const database = await createTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'zhidu-bench-files-'));
  const ctx = makeContext(database, filesDir);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    database,
    ctx,
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api`,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** A session from the real login (argon2 check, session row, audit). */
export async function signIn(db: Db, username: string, password: string): Promise<BenchSession> {
  const s = await login(db, { username, password }, new Date());
  return { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken };
}

export interface Answer<T = unknown> {
  status: number;
  json: T;
  ms: number;
}

/** One request as the web app sends it; the time includes reading the whole answer. */
export async function call<T = unknown>(base: string, who: BenchSession, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json().catch(() => null)) as T;
  return { status: res.status, json, ms: performance.now() - started };
}

/** Like `call`, but a status other than `expected` stops the benchmark with the answer. */
export async function must<T = unknown>(expected: number, base: string, who: BenchSession, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const r = await call<T>(base, who, method, path, body);
  if (r.status !== expected) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json).slice(0, 800)}`);
  return r;
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
export const median = (xs: number[]) => pct(xs, 50);
export const fmtMs = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

// BENCH_DRIVER=pg (or pglite) runs one of the two only.
export const driversOf = (): ('pglite' | 'pg')[] =>
  (process.env.TEST_DATABASE_URL ? ['pglite' as const, 'pg' as const] : ['pglite' as const]).filter(
    (d) => !process.env.BENCH_DRIVER || d === process.env.BENCH_DRIVER,
  );

/** Runs a case on each driver in turn and answers all their rows. */
export async function onEachDriver<R>(runCase: (driver: 'pglite' | 'pg') => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const driver of driversOf()) rows.push(...(await runCase(driver)));
  return rows;
}

export const driverName = (driver: 'pglite' | 'pg') => (driver === 'pg' ? 'PostgreSQL' : 'PGlite');

/** The rows of a raw `db.execute` on either driver (node-postgres and PGlite both answer `{ rows }`). */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
