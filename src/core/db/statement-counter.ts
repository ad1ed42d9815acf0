import type { Db } from './client';

export interface StatementCounter {
  /** Statements sent since counting began (or since the last `reset`), begin / commit / rollback aside. */
  count(): number;
  /** Each statement's text and how often it was sent, most sent first. */
  mostSent(): [string, number][];
  reset(): void;
  /** Puts the handle's own logger back. */
  stop(): void;
}

/**
 * Counts the SQL statements sent through a Drizzle handle, its transactions included (a
 * transaction's session takes the same logger), on PGlite and PostgreSQL alike. For tests that
 * hold a path to a number of statements (issue 10), for the benchmarks' profiles, and for the
 * progress of a first start's demo seed (issue 11).
 */
export function countStatements(db: Db): StatementCounter {
  const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
  const before = { logger: session.logger, optionsLogger: session.options.logger };
  const texts = new Map<string, number>();
  let n = 0;
  // The logger it replaces (another counter, say) still hears every statement.
  const previous = before.logger as { logQuery?: (query: string, params: unknown[]) => void } | undefined;
  const logger = {
    logQuery(query: string, params: unknown[]) {
      previous?.logQuery?.(query, params);
      // Transaction control is logged by the PostgreSQL driver only: left out, so a path counts
      // the same on both.
      if (/^\s*(begin|commit|rollback)\b/i.test(query)) return;
      n++;
      texts.set(query, (texts.get(query) ?? 0) + 1);
    },
  };
  session.logger = logger;
  session.options.logger = logger;
  return {
    count: () => n,
    mostSent: () => [...texts].sort((a, b) => b[1] - a[1]),
    reset: () => {
      n = 0;
      texts.clear();
    },
    stop: () => {
      session.logger = before.logger;
      session.options.logger = before.optionsLogger;
    },
  };
}
