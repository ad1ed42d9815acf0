import { and, asc, desc, eq, gt, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '#core/db';
import { notFound } from '#core/errors';
import { prodItems, prodLocations, prodStockBalances } from '../master/index';
import { prodStockDocs, prodStockMoves } from './ledger.schema';

export interface OnHandFilter {
  itemIds?: string[];
  locationId?: string;
  /** Code or name contains. */
  q?: string;
  /** Also rows whose balance is zero (a location that held the item). */
  includeZero?: boolean;
  limit?: number;
}

/** Stock on hand by item, location and lot, straight from the balances the ledger keeps (PP-16). */
export async function findOnHand(db: Db, orgId: string, filter: OnHandFilter = {}) {
  const where: SQL[] = [eq(prodStockBalances.orgId, orgId)];
  if (!filter.includeZero) where.push(ne(prodStockBalances.onHand, 0));
  if (filter.itemIds) where.push(inArray(prodStockBalances.itemId, filter.itemIds.length ? filter.itemIds : ['00000000-0000-0000-0000-000000000000']));
  if (filter.locationId) where.push(eq(prodStockBalances.locationId, filter.locationId));
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(prodItems.code, like), ilike(prodItems.name, like))!);
  }
  return db
    .select({
      itemId: prodStockBalances.itemId,
      code: prodItems.code,
      name: prodItems.name,
      spec: prodItems.spec,
      unit: prodItems.unit,
      category: prodItems.category,
      locationId: prodStockBalances.locationId,
      locationCode: prodLocations.code,
      locationName: prodLocations.name,
      lot: prodStockBalances.lot,
      onHand: prodStockBalances.onHand,
      updatedAt: prodStockBalances.updatedAt,
    })
    .from(prodStockBalances)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodStockBalances.orgId), eq(prodItems.id, prodStockBalances.itemId)))
    .innerJoin(prodLocations, and(eq(prodLocations.orgId, prodStockBalances.orgId), eq(prodLocations.id, prodStockBalances.locationId)))
    .where(and(...where))
    .orderBy(asc(prodItems.code), asc(prodLocations.code), asc(prodStockBalances.lot))
    .limit(Math.min(filter.limit ?? 50_000, 200_000));
}

/** One document with its lines, for the document page and for the reversal. */
export async function getStockDocument(db: Db, orgId: string, id: string) {
  const [doc] = await db
    .select()
    .from(prodStockDocs)
    .where(and(eq(prodStockDocs.orgId, orgId), eq(prodStockDocs.id, id)));
  if (!doc) throw notFound('仓库单据', 'Warehouse document');
  const lines = await db
    .select({
      lineNo: prodStockMoves.lineNo,
      itemId: prodStockMoves.itemId,
      code: prodItems.code,
      name: prodItems.name,
      unit: prodItems.unit,
      locationId: prodStockMoves.locationId,
      locationName: prodLocations.name,
      lot: prodStockMoves.lot,
      qty: prodStockMoves.qty,
      shortage: prodStockMoves.shortage,
      balanceAfter: prodStockMoves.balanceAfter,
    })
    .from(prodStockMoves)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodStockMoves.orgId), eq(prodItems.id, prodStockMoves.itemId)))
    .innerJoin(prodLocations, and(eq(prodLocations.orgId, prodStockMoves.orgId), eq(prodLocations.id, prodStockMoves.locationId)))
    .where(and(eq(prodStockMoves.orgId, orgId), eq(prodStockMoves.docId, id)))
    .orderBy(asc(prodStockMoves.lineNo));
  return { ...doc, lines };
}

/** The stock card (库存台账) of one item: every move, newest first, with the balance after it. */
export async function findItemMoves(db: Db, orgId: string, itemId: string, limit = 500) {
  return db
    .select({
      docId: prodStockDocs.id,
      number: prodStockDocs.number,
      kind: prodStockDocs.kind,
      purpose: prodStockDocs.purpose,
      docDate: prodStockDocs.docDate,
      referenceNumber: prodStockDocs.referenceNumber,
      locationName: prodLocations.name,
      lot: prodStockMoves.lot,
      qty: prodStockMoves.qty,
      shortage: prodStockMoves.shortage,
      balanceAfter: prodStockMoves.balanceAfter,
      postedAt: prodStockDocs.postedAt,
    })
    .from(prodStockMoves)
    .innerJoin(prodStockDocs, and(eq(prodStockDocs.orgId, prodStockMoves.orgId), eq(prodStockDocs.id, prodStockMoves.docId)))
    .innerJoin(prodLocations, and(eq(prodLocations.orgId, prodStockMoves.orgId), eq(prodLocations.id, prodStockMoves.locationId)))
    .where(and(eq(prodStockMoves.orgId, orgId), eq(prodStockMoves.itemId, itemId), or(ne(prodStockMoves.qty, 0), gt(prodStockMoves.shortage, 0))))
    .orderBy(desc(prodStockDocs.seq), desc(prodStockMoves.lineNo))
    .limit(Math.min(limit, 5000));
}
