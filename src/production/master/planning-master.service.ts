import { and, eq } from 'drizzle-orm';
import type { Db } from '#core/db';
import { type BomLineRow, type ItemRow, prodBomLines, prodItems, prodRoutingOps, prodStock, type RoutingOpRow, type StockRow } from './master.schema';

export interface PlanningMaster {
  items: ItemRow[];
  stock: Map<string, StockRow>;
  bom: BomLineRow[];
  routings: RoutingOpRow[];
}

/** Everything the kernels need about items, in four set-based reads. */
export async function loadPlanningMaster(db: Db, orgId: string): Promise<PlanningMaster> {
  const [items, stock, bom, routings] = await Promise.all([
    db.select().from(prodItems).where(eq(prodItems.orgId, orgId)),
    db.select().from(prodStock).where(eq(prodStock.orgId, orgId)),
    db.select().from(prodBomLines).where(eq(prodBomLines.orgId, orgId)),
    db
      .select()
      .from(prodRoutingOps)
      .where(and(eq(prodRoutingOps.orgId, orgId))),
  ]);
  return { items, stock: new Map(stock.map((s) => [s.itemId, s])), bom, routings };
}
