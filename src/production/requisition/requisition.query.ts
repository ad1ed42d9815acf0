import { and, arrayOverlaps, asc, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import { invalidField, notFound } from '#core/errors';
import { users } from '#core/org';
import { getWorkshopRow, type WorkshopRow } from '../master/index';
import { prodStockDocs, prodStockMoves } from '../warehouse/index';
import type { PriorLine } from './requisition.rules';
import { prodRequisitionLines, prodRequisitions, type RequisitionLineRow, type RequisitionRow } from './requisition.schema';

// Reads shared by the requisition's use cases. What was issued and returned is summed from
// the ledger's documents that reference the requisition, reversed ones left out.

export const REFERENCE_TYPE = 'requisition';

/** Another organisation's requisition is simply not found. */
export async function getRequisitionRow(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<RequisitionRow> {
  const q = db
    .select()
    .from(prodRequisitions)
    .where(and(eq(prodRequisitions.orgId, orgId), eq(prodRequisitions.id, id)));
  const [row] = options.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('领料单', 'Requisition');
  return row;
}

export async function findLines(db: Db, orgId: string, requisitionIds: readonly string[]): Promise<RequisitionLineRow[]> {
  if (requisitionIds.length === 0) return [];
  return db
    .select()
    .from(prodRequisitionLines)
    .where(and(eq(prodRequisitionLines.orgId, orgId), inArray(prodRequisitionLines.requisitionId, [...requisitionIds])))
    .orderBy(asc(prodRequisitionLines.requisitionId), asc(prodRequisitionLines.lineNo));
}

export interface LedgerTotals {
  issued: Map<string, number>;
  returned: Map<string, number>;
}

/** Issued (出库, purpose requisition) and returned (退料, purpose return) per requisition and item. */
export async function findLedgerTotals(db: Db, orgId: string, requisitionIds: readonly string[]): Promise<Map<string, LedgerTotals>> {
  const out = new Map<string, LedgerTotals>(requisitionIds.map((id) => [id, { issued: new Map(), returned: new Map() }]));
  if (requisitionIds.length === 0) return out;
  const rows = await db
    .select({
      requisitionId: prodStockDocs.referenceId,
      purpose: prodStockDocs.purpose,
      itemId: prodStockMoves.itemId,
      qty: sql<number>`sum(${prodStockMoves.qty})::float8`,
    })
    .from(prodStockDocs)
    .innerJoin(prodStockMoves, and(eq(prodStockMoves.orgId, prodStockDocs.orgId), eq(prodStockMoves.docId, prodStockDocs.id)))
    .where(
      and(
        eq(prodStockDocs.orgId, orgId),
        eq(prodStockDocs.referenceType, REFERENCE_TYPE),
        inArray(prodStockDocs.referenceId, [...requisitionIds]),
        inArray(prodStockDocs.purpose, ['requisition', 'return']),
        ne(prodStockDocs.kind, 'reversal'),
        isNull(prodStockDocs.reversedById),
      ),
    )
    .groupBy(prodStockDocs.referenceId, prodStockDocs.purpose, prodStockMoves.itemId);
  for (const r of rows) {
    const t = r.requisitionId ? out.get(r.requisitionId) : undefined;
    if (!t) continue;
    if (r.purpose === 'requisition') t.issued.set(r.itemId, -Number(r.qty));
    else t.returned.set(r.itemId, Number(r.qty));
  }
  return out;
}

export async function findRequisitionDocs(db: Db, orgId: string, requisitionId: string) {
  return db
    .select({
      id: prodStockDocs.id,
      number: prodStockDocs.number,
      kind: prodStockDocs.kind,
      purpose: prodStockDocs.purpose,
      docDate: prodStockDocs.docDate,
      postedAt: prodStockDocs.postedAt,
      reversedById: prodStockDocs.reversedById,
    })
    .from(prodStockDocs)
    .where(and(eq(prodStockDocs.orgId, orgId), eq(prodStockDocs.referenceType, REFERENCE_TYPE), eq(prodStockDocs.referenceId, requisitionId)))
    .orderBy(asc(prodStockDocs.seq));
}

/** Lines of the workshop's earlier requisitions (not rejected or withdrawn) that share a day with these. */
export async function findPriorLines(db: Db, orgId: string, workshopId: string, days: readonly string[]): Promise<PriorLine[]> {
  const rows = await db
    .select({
      days: prodRequisitions.days,
      itemId: prodRequisitionLines.itemId,
      requestedQty: prodRequisitionLines.requestedQty,
      normByDay: prodRequisitionLines.normByDay,
    })
    .from(prodRequisitions)
    .innerJoin(prodRequisitionLines, and(eq(prodRequisitionLines.orgId, prodRequisitions.orgId), eq(prodRequisitionLines.requisitionId, prodRequisitions.id)))
    .where(
      and(
        eq(prodRequisitions.orgId, orgId),
        eq(prodRequisitions.workshopId, workshopId),
        notInArray(prodRequisitions.state, ['rejected', 'withdrawn']),
        arrayOverlaps(prodRequisitions.days, [...days]),
      ),
    );
  return rows;
}

/** The requisitions of the workshop per day (for the day picker). */
export async function findRequisitionsOnDays(db: Db, orgId: string, workshopId: string, days: readonly string[]) {
  return db
    .select({ id: prodRequisitions.id, number: prodRequisitions.number, days: prodRequisitions.days })
    .from(prodRequisitions)
    .where(
      and(
        eq(prodRequisitions.orgId, orgId),
        eq(prodRequisitions.workshopId, workshopId),
        notInArray(prodRequisitions.state, ['rejected', 'withdrawn']),
        arrayOverlaps(prodRequisitions.days, [...days]),
      ),
    )
    .orderBy(asc(prodRequisitions.number));
}

export async function findMyDepartmentId(db: Db, actor: Actor): Promise<string | null> {
  const [me] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  return me?.departmentId ?? null;
}

/** A workshop named in a request body: unknown is a 400 naming the field, never a foreign-key 500. */
export async function workshopOf(db: Db, orgId: string, workshopId: string, field = 'workshopId'): Promise<WorkshopRow> {
  return getWorkshopRow(db, orgId, workshopId).catch(() => {
    throw invalidField(field, '车间不存在', 'unknown workshop');
  });
}
