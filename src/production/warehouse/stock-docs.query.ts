import { and, desc, eq, gte, ilike, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { notFound } from '#core/errors';
import { users } from '#core/org';
import { prodWorkshops } from '../master/index';
import { prodStockDocs, prodStockMoves } from './ledger.schema';
import { prodPurchaseReceipts } from './receipt.schema';
import type { DocumentContext, DocumentListQuery, DocumentPage } from './warehouse-ops.contract';

// The warehouse's documents as the keeper and the planner look them up (PP-16, T4 第二十五条:
// recorded, filed and reported so anyone can see what moved). Reads only.

const like = (text: string) => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function findStockDocuments(db: Db, actor: Actor, q: DocumentListQuery): Promise<DocumentPage> {
  requireAccess(actor, 'production.read');
  const d = prodStockDocs;
  const where: SQL[] = [eq(d.orgId, actor.orgId)];
  if (q.kind) where.push(eq(d.kind, q.kind));
  if (q.purpose) where.push(eq(d.purpose, q.purpose));
  if (q.from) where.push(gte(d.docDate, q.from));
  if (q.to) where.push(lte(d.docDate, q.to));
  if (q.workshopId) where.push(eq(d.workshopId, q.workshopId));
  if (q.reference?.trim()) where.push(ilike(d.referenceNumber, like(q.reference)));
  if (q.q?.trim()) where.push(ilike(d.number, like(q.q)));
  if (q.itemId) {
    where.push(sql`exists (select 1 from prod_stock_moves m where m.org_id = ${d.orgId} and m.doc_id = ${d.id} and m.item_id = ${q.itemId})`);
  }
  const rows = await db
    .select({
      id: d.id,
      number: d.number,
      kind: d.kind,
      purpose: d.purpose,
      docDate: d.docDate,
      workshopName: prodWorkshops.name,
      referenceType: d.referenceType,
      referenceNumber: d.referenceNumber,
      note: d.note,
      reversedById: d.reversedById,
      postedByName: users.displayName,
      postedAt: d.postedAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(d)
    .leftJoin(prodWorkshops, and(eq(prodWorkshops.orgId, d.orgId), eq(prodWorkshops.id, d.workshopId)))
    .leftJoin(users, and(eq(users.orgId, d.orgId), eq(users.id, d.postedBy)))
    .where(and(...where))
    .orderBy(desc(d.seq))
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0);
  const ids = rows.map((r) => r.id);
  const sums = ids.length
    ? await db
        .select({ docId: prodStockMoves.docId, lines: sql<number>`count(*)::int`, qty: sql<number>`coalesce(sum(abs(${prodStockMoves.qty})), 0)::float8` })
        .from(prodStockMoves)
        .where(and(eq(prodStockMoves.orgId, actor.orgId), inArray(prodStockMoves.docId, ids)))
        .groupBy(prodStockMoves.docId)
    : [];
  const byDoc = new Map(sums.map((s) => [s.docId, s]));
  // A page past the last row still says how many there are.
  const total = rows[0]?.total ?? (q.offset ? await countDocuments(db, where) : 0);
  return {
    total,
    rows: rows.map(({ total: _t, reversedById, ...r }) => ({
      ...r,
      isReversed: reversedById !== null,
      lines: byDoc.get(r.id)?.lines ?? 0,
      qty: Number(byDoc.get(r.id)?.qty ?? 0),
    })),
  };
}

async function countDocuments(db: Db, where: SQL[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(prodStockDocs)
    .where(and(...where));
  return row?.n ?? 0;
}

/** Who posted it, for which workshop, what it reverses or was reversed by, and a receipt's supplier. */
export async function getDocumentContext(db: Db, actor: Actor, id: string): Promise<DocumentContext> {
  requireAccess(actor, 'production.read');
  const other = alias(prodStockDocs, 'other');
  const reversal = alias(prodStockDocs, 'reversal');
  const [row] = await db
    .select({
      kind: prodStockDocs.kind,
      postedByName: users.displayName,
      workshopName: prodWorkshops.name,
      reversesNumber: other.number,
      reversedByNumber: reversal.number,
      reversedByNote: reversal.note,
      supplier: prodPurchaseReceipts.supplier,
      purchasePlanId: prodPurchaseReceipts.purchasePlanId,
    })
    .from(prodStockDocs)
    .leftJoin(users, and(eq(users.orgId, prodStockDocs.orgId), eq(users.id, prodStockDocs.postedBy)))
    .leftJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodStockDocs.orgId), eq(prodWorkshops.id, prodStockDocs.workshopId)))
    .leftJoin(other, and(eq(other.orgId, prodStockDocs.orgId), eq(other.id, prodStockDocs.reversesId)))
    .leftJoin(reversal, and(eq(reversal.orgId, prodStockDocs.orgId), eq(reversal.id, prodStockDocs.reversedById)))
    .leftJoin(prodPurchaseReceipts, and(eq(prodPurchaseReceipts.orgId, prodStockDocs.orgId), eq(prodPurchaseReceipts.docId, prodStockDocs.id)))
    .where(and(eq(prodStockDocs.orgId, actor.orgId), eq(prodStockDocs.id, id)));
  if (!row) throw notFound('仓库单据', 'Warehouse document');
  let bookQty: number[] | null = null;
  if (row.kind === 'count') {
    const moves = await db
      .select({ qty: prodStockMoves.qty, balanceAfter: prodStockMoves.balanceAfter })
      .from(prodStockMoves)
      .where(and(eq(prodStockMoves.orgId, actor.orgId), eq(prodStockMoves.docId, id)))
      .orderBy(prodStockMoves.lineNo);
    // The count posted the difference: the books held what was counted minus it.
    bookQty = moves.map((m) => Math.round((m.balanceAfter - m.qty) * 1e6) / 1e6);
  }
  const { kind: _k, ...context } = row;
  return { ...context, bookQty };
}
