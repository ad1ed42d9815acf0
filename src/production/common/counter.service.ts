import { sql } from 'drizzle-orm';
import type { Db } from '#core/db';
import { prodCounters } from './common.schema';

/** The next human-readable number, e.g. DD-2026-0007; atomic, so two orders never share one. */
export async function nextProductionNumber(tx: Db, orgId: string, prefix: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(prodCounters)
    .values({ orgId, prefix, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [prodCounters.orgId, prodCounters.prefix, prodCounters.year],
      set: { lastNumber: sql`${prodCounters.lastNumber} + 1` },
    })
    .returning({ n: prodCounters.lastNumber });
  return `${prefix}-${year}-${String(row.n).padStart(4, '0')}`;
}
