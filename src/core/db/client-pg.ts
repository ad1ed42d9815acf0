import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, Db } from './client';

// The PostgreSQL half of openDatabase, in its own file so that an embedded (PGlite) process
// never loads the pg driver.

/**
 * A pool connection that runs its promise queries one after another. Services read in parallel
 * (Promise.all) with whatever Db they are given; inside a transaction that Db is one connection,
 * where pg only queues overlapping queries with a deprecation warning (and pg 9 refuses them).
 * Callback and streaming queries (pool.query, cursors) go straight through.
 */
class SerialClient extends pg.Client {
  private tail: Promise<unknown> = Promise.resolve();

  override query(...args: any[]): any {
    const base = pg.Client.prototype.query as (...a: any[]) => any;
    const first = args[0];
    if (typeof args[args.length - 1] === 'function' || (first && typeof first.submit === 'function')) return base.apply(this, args);
    const run = this.tail.then(() => base.apply(this, args) as Promise<unknown>);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

export async function openPg(url: string, poolMax: number): Promise<Database> {
  // Dates stay strings: the app compares calendar days, never local-time instants.
  pg.types.setTypeParser(1082, (v) => v);
  const pool = new pg.Pool({ connectionString: url, max: poolMax, Client: SerialClient });
  // An idle connection the server closes (restart, admin termination) must not crash the process.
  pool.on('error', (err) => console.warn(`database connection closed: ${err.message}`));
  await pool.query('select 1');
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    kind: 'pg',
    db,
    exec: async (script) => {
      // One connection for the whole script, so a failed BEGIN…COMMIT is rolled back there.
      const conn = await pool.connect();
      try {
        await conn.query(script);
      } catch (err) {
        await conn.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params as unknown[])).rows as T[],
    withLock: async <T>(key: number, fn: () => Promise<T>): Promise<T> => {
      // A client of its own, outside the pool: holding the lock never takes a pool connection
      // that fn needs (a pool of one would otherwise deadlock).
      const conn = new pg.Client({ connectionString: url });
      conn.on('error', () => undefined);
      await conn.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [key]);
        // Ending the session releases the lock, whatever happened in fn.
        return await fn();
      } finally {
        await conn.end().catch(() => undefined);
      }
    },
    close: () => pool.end(),
  };
}
