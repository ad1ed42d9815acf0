import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '#core/db';
import { type CapacityLossRow, prodCapacityLosses } from './capacity-loss.schema';

// The capacity calendar's deductions (PP-26). Callers write them inside the transaction of
// the change that causes them (a machine stopping, running again) and audit that change.

export interface OpenLoss {
  workshopId: string;
  sourceType: string;
  sourceId: string;
  share: number;
  startedAt: Date;
  note?: string;
}

/** Starts a loss unless the source already has one open (a stop is one loss, however reported). */
export async function openCapacityLoss(tx: Db, orgId: string, input: OpenLoss): Promise<CapacityLossRow> {
  const [open] = await tx
    .select()
    .from(prodCapacityLosses)
    .where(
      and(
        eq(prodCapacityLosses.orgId, orgId),
        eq(prodCapacityLosses.sourceType, input.sourceType),
        eq(prodCapacityLosses.sourceId, input.sourceId),
        isNull(prodCapacityLosses.endedAt),
      ),
    );
  if (open) return open;
  const [row] = await tx
    .insert(prodCapacityLosses)
    .values({
      orgId,
      workshopId: input.workshopId,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      share: input.share,
      startedAt: input.startedAt,
      note: input.note ?? '',
    })
    .returning();
  return row;
}

/** Ends the source's open loss at `endedAt` (never before it started); null when none was open. */
export async function closeCapacityLoss(tx: Db, orgId: string, sourceType: string, sourceId: string, endedAt: Date): Promise<CapacityLossRow | null> {
  const where = and(
    eq(prodCapacityLosses.orgId, orgId),
    eq(prodCapacityLosses.sourceType, sourceType),
    eq(prodCapacityLosses.sourceId, sourceId),
    isNull(prodCapacityLosses.endedAt),
  );
  const [open] = await tx.select().from(prodCapacityLosses).where(where);
  if (!open) return null;
  const end = endedAt < open.startedAt ? open.startedAt : endedAt;
  const [row] = await tx.update(prodCapacityLosses).set({ endedAt: end }).where(where).returning();
  return row ?? null;
}

/** Follows a changed share of a source that is still standing still. */
export async function updateOpenLossShare(tx: Db, orgId: string, sourceType: string, sourceId: string, share: number): Promise<void> {
  await tx
    .update(prodCapacityLosses)
    .set({ share })
    .where(
      and(
        eq(prodCapacityLosses.orgId, orgId),
        eq(prodCapacityLosses.sourceType, sourceType),
        eq(prodCapacityLosses.sourceId, sourceId),
        isNull(prodCapacityLosses.endedAt),
      ),
    );
}

/** Losses touching [from, to) — open ones included. */
export async function findCapacityLosses(db: Db, orgId: string, from: Date, to: Date, workshopId?: string): Promise<CapacityLossRow[]> {
  const where = [
    eq(prodCapacityLosses.orgId, orgId),
    lt(prodCapacityLosses.startedAt, to),
    or(isNull(prodCapacityLosses.endedAt), gt(prodCapacityLosses.endedAt, from)),
  ];
  if (workshopId) where.push(eq(prodCapacityLosses.workshopId, workshopId));
  return db
    .select()
    .from(prodCapacityLosses)
    .where(and(...where));
}
