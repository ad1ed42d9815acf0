import { and, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { documents } from '#core/approval';
import type { Db } from '#core/db';
import { prodOrderLines, prodOrders, prodSalesPlanLines, prodSalesPlans } from './demand.schema';

export interface DemandFact {
  itemId: string;
  onDate: string;
  qty: number;
  source: 'sales_plan' | 'order';
}

/** What the market asks for in a period: approved monthly sales plans and approved sales order sheets. */
export async function findDemandForPeriod(db: Db, orgId: string, from: string, to: string): Promise<DemandFact[]> {
  const plans = await db
    .select({ itemId: prodSalesPlanLines.itemId, onDate: prodSalesPlanLines.onDate, qty: prodSalesPlanLines.qty, kind: prodSalesPlans.kind })
    .from(prodSalesPlanLines)
    .innerJoin(prodSalesPlans, and(eq(prodSalesPlans.orgId, prodSalesPlanLines.orgId), eq(prodSalesPlans.id, prodSalesPlanLines.planId)))
    .innerJoin(documents, and(eq(documents.orgId, prodSalesPlans.orgId), eq(documents.id, prodSalesPlans.documentId)))
    .where(
      and(
        eq(prodSalesPlanLines.orgId, orgId),
        isNotNull(documents.effectiveRevision),
        gte(prodSalesPlanLines.onDate, from),
        lte(prodSalesPlanLines.onDate, to),
      ),
    );
  // The finest approved plan wins: a monthly plan over the quarter's, the quarter's over the year's.
  const rank = { monthly: 0, quarterly: 1, annual: 2 } as const;
  const best = Math.min(3, ...plans.map((p) => rank[p.kind]));
  const orders = await db
    .select({ itemId: prodOrderLines.itemId, onDate: prodOrderLines.agreedShipOn, qty: prodOrderLines.agreedQty })
    .from(prodOrderLines)
    .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderLines.orgId), eq(prodOrders.id, prodOrderLines.orderId)))
    .where(
      and(
        eq(prodOrderLines.orgId, orgId),
        inArray(prodOrders.state, ['approved']),
        gte(prodOrderLines.agreedShipOn, from),
        lte(prodOrderLines.agreedShipOn, to),
      ),
    );
  return [
    ...plans.filter((p) => rank[p.kind] === best).map((p) => ({ itemId: p.itemId, onDate: p.onDate, qty: p.qty, source: 'sales_plan' as const })),
    ...orders.map((o) => ({ itemId: o.itemId, onDate: o.onDate!, qty: o.qty ?? 0, source: 'order' as const })),
  ];
}

/** Approved order quantity of each product shipping in the period (PP-12). */
export async function sumApprovedOrders(db: Db, orgId: string, itemIds: string[], from: string, to: string): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({ itemId: prodOrderLines.itemId, qty: prodOrderLines.agreedQty })
    .from(prodOrderLines)
    .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderLines.orgId), eq(prodOrders.id, prodOrderLines.orderId)))
    .where(
      and(
        eq(prodOrderLines.orgId, orgId),
        eq(prodOrders.state, 'approved'),
        inArray(prodOrderLines.itemId, itemIds),
        gte(prodOrderLines.agreedShipOn, from),
        lte(prodOrderLines.agreedShipOn, to),
      ),
    );
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.itemId, (out.get(r.itemId) ?? 0) + (r.qty ?? 0));
  return out;
}
