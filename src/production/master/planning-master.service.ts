import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '#core/db';
import {
  type BomLineRow,
  type ItemRow,
  prodBomLines,
  prodItems,
  prodRoutingOps,
  prodStock,
  prodStockBalances,
  type RoutingOpRow,
  type StockRow,
} from './master.schema';

/** An item's stock levels with what is on hand now: the sum of its ledger balances (PP-16). */
export type StockFacts = StockRow & { onHand: number };

export interface PlanningMaster {
  items: ItemRow[];
  stock: Map<string, StockFacts>;
  bom: BomLineRow[];
  routings: RoutingOpRow[];
}

/** On hand per item over every location and lot, in one grouped read. */
export async function findOnHandByItem(db: Db, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ itemId: prodStockBalances.itemId, onHand: sql<number>`sum(${prodStockBalances.onHand})::float8` })
    .from(prodStockBalances)
    .where(eq(prodStockBalances.orgId, orgId))
    .groupBy(prodStockBalances.itemId);
  return new Map(rows.map((r) => [r.itemId, Number(r.onHand)]));
}

/** Everything the kernels need about items, in five set-based reads. */
export async function loadPlanningMaster(db: Db, orgId: string): Promise<PlanningMaster> {
  const [items, stock, onHand, bom, routings] = await Promise.all([
    db.select().from(prodItems).where(eq(prodItems.orgId, orgId)),
    db.select().from(prodStock).where(eq(prodStock.orgId, orgId)),
    findOnHandByItem(db, orgId),
    db.select().from(prodBomLines).where(eq(prodBomLines.orgId, orgId)),
    db
      .select()
      .from(prodRoutingOps)
      .where(and(eq(prodRoutingOps.orgId, orgId))),
  ]);
  return { items, stock: new Map(stock.map((s) => [s.itemId, { ...s, onHand: onHand.get(s.itemId) ?? 0 }])), bom, routings };
}
