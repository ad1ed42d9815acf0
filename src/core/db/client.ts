import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { migrate } from './migrate';
import { readPgliteTemplate } from './pglite-template';

// Services take a Db (or a transaction, which is a Db too) and never know the driver.
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  readonly kind: 'pglite' | 'pg';
  readonly db: Db;
  /** Runs a script of several statements (migrations, restore). */
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs fn while holding a session-level advisory lock on key (PostgreSQL: pg_advisory_lock on
   * one connection kept aside for the purpose, so other app processes on the same database wait;
   * PGlite: one process, so an in-process queue per key). fn itself uses the pool as usual.
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres://… selects a PostgreSQL server; otherwise PGlite. */
  url?: string;
  /** PGlite data directory; omitted means in memory. */
  dataDir?: string;
  /** PostgreSQL: the most connections this process opens (DB_POOL_MAX); 10 when omitted. */
  poolMax?: number;
  /**
   * PGlite: a new database (in memory, or a data directory without one yet) starts from the
   * migrated template when there is one for these migrations (see pglite-template.ts) instead of
   * initdb. Off by default: a caller that wants an empty, unmigrated database gets one.
   */
  fromTemplate?: boolean;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) return openPg(config.url, config.poolMax);
  return openPglite(config.dataDir, config.fromTemplate ?? false);
}

async function openPglite(dataDir: string | undefined, fromTemplate: boolean): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const isNew = !dataDir || !existsSync(join(dataDir, 'PG_VERSION'));
  const loadDataDir = fromTemplate && isNew ? readPgliteTemplate() : undefined;
  const client = dataDir ? new PGlite(dataDir, { loadDataDir }) : new PGlite({ loadDataDir });
  await client.waitReady;
  return pgliteDatabase(client);
}

/** A migrated in-memory database's data directory as a tar: what `zhidu db template` keeps. */
export async function buildPgliteTemplate(): Promise<Blob> {
  const client = new PGlite();
  await client.waitReady;
  try {
    await migrate(pgliteDatabase(client));
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}

function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exec: async (script) => {
      try {
        await client.exec(script);
      } catch (err) {
        await client.exec('rollback').catch(() => undefined);
        throw err;
      }
    },
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    withLock: inProcessLock(),
    close: () => client.close(),
  };
}

/** One process, one PGlite: callers of the same key simply queue behind each other. */
function inProcessLock() {
  const tails = new Map<number, Promise<unknown>>();
  return <T>(key: number, fn: () => Promise<T>): Promise<T> => {
    const before = tails.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}

export const DEFAULT_POOL_MAX = 10;

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

async function openPg(url: string, poolMax = DEFAULT_POOL_MAX): Promise<Database> {
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
