import { and, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { documents } from '#core/approval';
import type { Db } from '#core/db';
import { chunk } from '../common/index';
import { prodPurchaseReceiptLines, prodStockDocs, prodStockMoves } from '../warehouse/index';
import { prodPurchaseLines, prodPurchasePlans } from './purchase.schema';

// An approved purchase plan's lines are the open purchase orders (PP-15); what was received
// against a line is the sum of its receipt moves, unless the receipt was reversed — never a
// counter that could drift from the ledger.

/** The states in which a purchase plan's lines are orders the warehouse receives against. */
export const ORDERING_STATES = ['approved', 'issued'] as const;

/** Received per purchase line, straight from the ledger. */
export function receivedByLine(db: Db, orgId: string) {
  return db
    .select({ lineId: prodPurchaseReceiptLines.purchaseLineId, received: sql<number>`sum(${prodStockMoves.qty})::float8`.as('received') })
    .from(prodPurchaseReceiptLines)
    .innerJoin(
      prodStockMoves,
      and(
        eq(prodStockMoves.orgId, prodPurchaseReceiptLines.orgId),
        eq(prodStockMoves.docId, prodPurchaseReceiptLines.docId),
        eq(prodStockMoves.lineNo, prodPurchaseReceiptLines.lineNo),
      ),
    )
    .innerJoin(prodStockDocs, and(eq(prodStockDocs.orgId, prodPurchaseReceiptLines.orgId), eq(prodStockDocs.id, prodPurchaseReceiptLines.docId)))
    .where(and(eq(prodPurchaseReceiptLines.orgId, orgId), isNull(prodStockDocs.reversedById)))
    .groupBy(prodPurchaseReceiptLines.purchaseLineId)
    .as('received');
}

export interface OpenOrder {
  lineId: string;
  purchasePlanId: string;
  itemId: string;
  needOn: string;
  ordered: number;
  received: number;
  /** Still to come: ordered less received, never below zero. */
  open: number;
}

/** Lines of approved purchase plans still to be received, optionally for some items or all but one plan. */
export async function findOpenOrders(db: Db, orgId: string, filter: { itemIds?: readonly string[]; exceptPlanId?: string } = {}): Promise<OpenOrder[]> {
  const received = receivedByLine(db, orgId);
  const read = async (where: SQL[]) =>
    db
      .select({
        lineId: prodPurchaseLines.id,
        purchasePlanId: prodPurchaseLines.purchasePlanId,
        itemId: prodPurchaseLines.itemId,
        needOn: prodPurchaseLines.needOn,
        ordered: prodPurchaseLines.qty,
        received: received.received,
      })
      .from(prodPurchaseLines)
      .innerJoin(prodPurchasePlans, and(eq(prodPurchasePlans.orgId, prodPurchaseLines.orgId), eq(prodPurchasePlans.id, prodPurchaseLines.purchasePlanId)))
      .innerJoin(documents, and(eq(documents.orgId, prodPurchasePlans.orgId), eq(documents.id, prodPurchasePlans.documentId)))
      .leftJoin(received, eq(received.lineId, prodPurchaseLines.id))
      .where(and(eq(prodPurchaseLines.orgId, orgId), inArray(documents.state, [...ORDERING_STATES]), ...where));
  const base = filter.exceptPlanId ? [ne(prodPurchaseLines.purchasePlanId, filter.exceptPlanId)] : [];
  const rows = filter.itemIds
    ? (await Promise.all(chunk(filter.itemIds, 5000).map((ids) => read([...base, inArray(prodPurchaseLines.itemId, ids)])))).flat()
    : await read(base);
  return rows
    .map((r) => {
      const got = Number(r.received ?? 0);
      return {
        lineId: r.lineId,
        purchasePlanId: r.purchasePlanId,
        itemId: r.itemId,
        needOn: r.needOn,
        ordered: r.ordered,
        received: got,
        open: Math.max(0, Math.round((r.ordered - got) * 1e6) / 1e6),
      };
    })
    .filter((r) => r.open > 0);
}
