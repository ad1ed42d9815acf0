import { and, asc, eq, ilike, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { getItemRow, prodItems, prodStock, prodStockBalances } from '../master/index';
import { findItemMoves } from './stock.query';
import type { StockCard, StockSummaryPage, StockSummaryQuery } from './warehouse-ops.contract';

// Stock on hand at any time (PP-16, T4 第二十五条): one row per item with its minimum, maximum
// and safety stock, flagged when below; one grouped read over the balances the ledger keeps.

export async function findStockSummary(db: Db, actor: Actor, q: StockSummaryQuery): Promise<StockSummaryPage> {
  requireAccess(actor, 'production.read');
  const orgId = actor.orgId;
  const total = db
    .select({
      itemId: prodStockBalances.itemId,
      onHand: sql<number>`sum(${prodStockBalances.onHand})::float8`.as('total_on_hand'),
      places: sql<number>`(count(*) filter (where ${prodStockBalances.onHand} <> 0))::int`.as('places'),
    })
    .from(prodStockBalances)
    .where(eq(prodStockBalances.orgId, orgId))
    .groupBy(prodStockBalances.itemId)
    .as('tot');
  // At one location: what it holds there; the flags still judge the item's whole stock.
  const here = db
    .select({ itemId: prodStockBalances.itemId, onHand: sql<number>`sum(${prodStockBalances.onHand})::float8`.as('here_on_hand') })
    .from(prodStockBalances)
    .where(
      and(
        eq(prodStockBalances.orgId, orgId),
        eq(prodStockBalances.locationId, q.locationId ?? '00000000-0000-0000-0000-000000000000'),
        ne(prodStockBalances.onHand, 0),
      ),
    )
    .groupBy(prodStockBalances.itemId)
    .as('here');
  const onHand = sql<number>`coalesce(${total.onHand}, 0)`;
  const belowSafety = sql<boolean>`(${onHand} < coalesce(${prodStock.safetyStock}, 0))`;
  const belowMin = sql<boolean>`(${prodStock.minQty} is not null and ${onHand} < ${prodStock.minQty})`;
  const where: SQL[] = [eq(prodItems.orgId, orgId), eq(prodItems.isActive, true)];
  if (q.category) where.push(eq(prodItems.category, q.category));
  if (q.q?.trim()) {
    const like = `%${q.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(prodItems.code, like), ilike(prodItems.name, like), ilike(prodItems.spec, like))!);
  }
  if (q.locationId) where.push(isNotNull(here.itemId));
  if (q.low === 'true') where.push(sql`(${belowSafety} or ${belowMin})`);
  const query = db
    .select({
      itemId: prodItems.id,
      code: prodItems.code,
      name: prodItems.name,
      spec: prodItems.spec,
      unit: prodItems.unit,
      category: prodItems.category,
      total: onHand,
      here: q.locationId ? here.onHand : sql<number | null>`null::float8`,
      places: total.places,
      minQty: prodStock.minQty,
      maxQty: prodStock.maxQty,
      safetyStock: prodStock.safetyStock,
      isBelowSafety: belowSafety,
      isBelowMin: belowMin,
      count: sql<number>`count(*) over ()::int`,
      low: sql<number>`(count(*) filter (where ${belowSafety} or ${belowMin}) over ())::int`,
    })
    .from(prodItems)
    .leftJoin(prodStock, and(eq(prodStock.orgId, prodItems.orgId), eq(prodStock.itemId, prodItems.id)))
    .leftJoin(total, eq(total.itemId, prodItems.id))
    .$dynamic();
  // The location's own sums only when a location is asked for (a second grouped read otherwise wasted).
  const rows = await (q.locationId ? query.leftJoin(here, eq(here.itemId, prodItems.id)) : query)
    .where(and(...where))
    .orderBy(asc(prodItems.code))
    .limit(q.limit ?? 200)
    .offset(q.offset ?? 0);
  return {
    total: rows[0]?.count ?? 0,
    low: rows[0]?.low ?? 0,
    rows: rows.map((r) => ({
      itemId: r.itemId,
      code: r.code,
      name: r.name,
      spec: r.spec,
      unit: r.unit,
      category: r.category,
      onHand: Number(q.locationId ? (r.here ?? 0) : r.total),
      minQty: r.minQty,
      maxQty: r.maxQty,
      safetyStock: r.safetyStock ?? 0,
      isBelowSafety: !!r.isBelowSafety,
      isBelowMin: !!r.isBelowMin,
      places: r.places ?? 0,
    })),
  };
}

/** The stock card (库存台账) of one item: every move with the balance after it, newest first. */
export async function getStockCard(db: Db, actor: Actor, itemId: string, limit?: number): Promise<StockCard> {
  requireAccess(actor, 'production.read');
  const item = await getItemRow(db, actor.orgId, itemId);
  const [sum] = await db
    .select({ onHand: sql<number>`coalesce(sum(${prodStockBalances.onHand}), 0)::float8` })
    .from(prodStockBalances)
    .where(and(eq(prodStockBalances.orgId, actor.orgId), eq(prodStockBalances.itemId, itemId)));
  const moves = await findItemMoves(db, actor.orgId, itemId, limit);
  return { item: { id: item.id, code: item.code, name: item.name, spec: item.spec, unit: item.unit }, onHand: Number(sum?.onHand ?? 0), moves };
}
