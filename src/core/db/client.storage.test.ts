import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test-support';

// Services read in parallel (Promise.all) with whatever Db they are given. Inside a transaction on
// PostgreSQL that Db is one connection: the queries must run one after another, each with its own
// answer, and never trip pg's "already executing a query" deprecation (refused outright in pg 9).
describe('parallel reads on one transaction (CORE storage, both drivers)', () => {
  let database: TestDatabase;
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  beforeAll(async () => {
    database = await createTestDatabase();
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await database.drop();
  });

  it('twenty overlapping queries in one transaction each get their own answer, with no driver warning', async () => {
    const answers = await database.db.transaction((tx) =>
      Promise.all(Array.from({ length: 20 }, (_, i) => tx.execute(sql`select ${i}::int as n, pg_sleep(0.001) is not null as slept`))),
    );
    expect(answers.map((r) => Number((r as unknown as { rows: { n: number }[] }).rows?.[0]?.n ?? (r as unknown as { n: number }[])[0]?.n))).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    // process 'warning' events are emitted on the next tick.
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((m) => m.includes('already executing'))).toEqual([]);
  });

  it('a failed query does not stall the ones queued behind it', async () => {
    const results = await Promise.allSettled([sql`select 1 as n`, sql`select * from no_such_table`, sql`select 3 as n`].map((q) => database.db.execute(q)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
