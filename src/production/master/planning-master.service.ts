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

/**
 * What the MRP and capacity kernels read of the planning master (PP-9, PP-14): the columns they
 * use and nothing more. A 20,000-item plant's whole rows took ~0.3 s to read and map on every
 * capacity preview (issue 11); a PlanningMaster is one of these too.
 */
export interface PlanningFacts {
  items: Pick<ItemRow, 'id' | 'source' | 'leadTimeDays' | 'lotRule' | 'lotQty' | 'lotMin'>[];
  stock: ReadonlyMap<string, { onHand: number; safetyStock: number }>;
  bom: Pick<BomLineRow, 'parentItemId' | 'childItemId' | 'qtyPer' | 'scrapRate' | 'yieldRate'>[];
  routings: Pick<RoutingOpRow, 'itemId' | 'workshopId' | 'hoursPerUnit' | 'offsetDays'>[];
}

/** The planning facts in five set-based reads of the columns the kernels use. */
export async function loadPlanningFacts(db: Db, orgId: string): Promise<PlanningFacts> {
  const [items, stock, onHand, bom, routings] = await Promise.all([
    db
      .select({
        id: prodItems.id,
        source: prodItems.source,
        leadTimeDays: prodItems.leadTimeDays,
        lotRule: prodItems.lotRule,
        lotQty: prodItems.lotQty,
        lotMin: prodItems.lotMin,
      })
      .from(prodItems)
      .where(eq(prodItems.orgId, orgId)),
    db.select({ itemId: prodStock.itemId, safetyStock: prodStock.safetyStock }).from(prodStock).where(eq(prodStock.orgId, orgId)),
    findOnHandByItem(db, orgId),
    db
      .select({
        parentItemId: prodBomLines.parentItemId,
        childItemId: prodBomLines.childItemId,
        qtyPer: prodBomLines.qtyPer,
        scrapRate: prodBomLines.scrapRate,
        yieldRate: prodBomLines.yieldRate,
      })
      .from(prodBomLines)
      .where(eq(prodBomLines.orgId, orgId)),
    db
      .select({
        itemId: prodRoutingOps.itemId,
        workshopId: prodRoutingOps.workshopId,
        hoursPerUnit: prodRoutingOps.hoursPerUnit,
        offsetDays: prodRoutingOps.offsetDays,
      })
      .from(prodRoutingOps)
      .where(eq(prodRoutingOps.orgId, orgId)),
  ]);
  return { items, stock: new Map(stock.map((s) => [s.itemId, { safetyStock: s.safetyStock, onHand: onHand.get(s.itemId) ?? 0 }])), bom, routings };
}
