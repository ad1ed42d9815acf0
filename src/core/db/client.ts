import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
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
  // The PostgreSQL driver is loaded only for a server database (issue 11: the embedded start
  // does not pay for it).
  if (config.url) return (await import('./client-pg')).openPg(config.url, config.poolMax ?? DEFAULT_POOL_MAX);
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

/**
 * PGlite runs each statement on the main thread and answers through promises alone, so a long
 * run of statements (a first start's demo seed, a large import, a plan's compile) would never let
 * the event loop read another request, not even the health check. After SLICE_MS of such work,
 * the next statement first waits one turn of the loop. The rest of the time this costs one clock
 * read per statement.
 */
const SLICE_MS = 20;

type Queryable = Pick<PGlite, 'query'> & { transaction?: PGlite['transaction'] };

export function takingTurns<C extends Queryable>(client: C, slice = { last: performance.now() }): C {
  const turn = async () => {
    if (performance.now() - slice.last < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    slice.last = performance.now();
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return async (...args: Parameters<C['query']>) => {
          await turn();
          return (target.query as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (prop === 'transaction' && target.transaction) {
        // The transaction's own statements take turns too (the transaction stays one).
        return async <T>(fn: (tx: Queryable) => Promise<T>) => {
          await turn();
          return target.transaction!((tx) => fn(takingTurns(tx as Queryable, slice)));
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite({ client: takingTurns(client) }) as unknown as Db;
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
