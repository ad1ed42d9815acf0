import { and, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '#core/db';
import { prodRoutingOps } from '../master/index';
import { prodPlanMaterials } from '../mrp/index';
import { bucketIndexOf, findLinesInForce, findPlanDocument, findWorkingLines, type PlanRow, prodPlans } from '../plan/index';
import type { PlannedQty } from './requisition.rules';
import type { RequisitionSource } from './requisition.schema';

// T4 第二十八条: 各车间依据周生产计划的安排 … 填写领料单. A day's planned quantities come from the
// workshop's confirmed weekly plan; a day no confirmed weekly plan covers falls back to the
// monthly plan in force, for the products whose routing passes through the workshop, on the
// plan's own day (the process-flow shift is the weekly plan's work).

export interface PlannedDay {
  day: string;
  source: RequisitionSource | null;
  planId: string | null;
  products: Map<string, number>;
}

export interface PlannedDays {
  days: PlannedDay[];
  /** A weekly plan of the workshop touches these days but is not confirmed yet. */
  hasUnconfirmedWeekly: boolean;
}

export async function loadPlannedDays(db: Db, orgId: string, workshopId: string, days: readonly string[]): Promise<PlannedDays> {
  const sorted = [...new Set(days)].sort();
  const from = sorted[0];
  const to = sorted[sorted.length - 1];
  const out = new Map<string, PlannedDay>(sorted.map((d) => [d, { day: d, source: null, planId: null, products: new Map() }]));
  const weekly = await db
    .select()
    .from(prodPlans)
    .where(
      and(
        eq(prodPlans.orgId, orgId),
        eq(prodPlans.kind, 'weekly'),
        eq(prodPlans.workshopId, workshopId),
        lte(prodPlans.periodStart, to),
        gte(prodPlans.periodEnd, from),
      ),
    );
  let hasUnconfirmedWeekly = false;
  for (const plan of weekly) {
    if (!plan.confirmedAt) {
      hasUnconfirmedWeekly = true;
      continue;
    }
    const lines = await findWorkingLines(db, orgId, plan.id);
    for (const d of out.values()) {
      const k = bucketIndexOf(plan, d.day);
      if (k < 0) continue;
      d.source = 'weekly';
      d.planId = plan.id;
      for (const l of lines) if ((l.quantities[k] ?? 0) > 0) d.products.set(l.itemId, (d.products.get(l.itemId) ?? 0) + l.quantities[k]);
    }
  }
  const open = [...out.values()].filter((d) => d.source === null);
  if (open.length > 0) await fillFromMonthly(db, orgId, workshopId, open);
  return { days: [...out.values()], hasUnconfirmedWeekly };
}

async function fillFromMonthly(db: Db, orgId: string, workshopId: string, open: PlannedDay[]): Promise<void> {
  const routed = new Set(
    (
      await db
        .select({ itemId: prodRoutingOps.itemId })
        .from(prodRoutingOps)
        .where(and(eq(prodRoutingOps.orgId, orgId), eq(prodRoutingOps.workshopId, workshopId)))
    ).map((r) => r.itemId),
  );
  if (routed.size === 0) return;
  const from = open[0].day;
  const to = open[open.length - 1].day;
  const monthly: PlanRow[] = await db
    .select()
    .from(prodPlans)
    .where(
      and(
        eq(prodPlans.orgId, orgId),
        eq(prodPlans.kind, 'monthly'),
        eq(prodPlans.bucket, 'day'),
        isNotNull(prodPlans.documentId),
        lte(prodPlans.periodStart, to),
        gte(prodPlans.periodEnd, from),
      ),
    );
  for (const plan of monthly) {
    const lines = await findLinesInForce(db, plan, await findPlanDocument(db, plan));
    if (!lines) continue;
    const made = await db
      .select({ itemId: prodPlanMaterials.itemId, needOn: prodPlanMaterials.needOn, qty: prodPlanMaterials.qty })
      .from(prodPlanMaterials)
      .where(
        and(
          eq(prodPlanMaterials.orgId, orgId),
          eq(prodPlanMaterials.planId, plan.id),
          eq(prodPlanMaterials.kind, 'make'),
          inArray(prodPlanMaterials.itemId, [...routed]),
        ),
      );
    for (const d of open) {
      const k = bucketIndexOf(plan, d.day);
      if (k < 0) continue;
      d.source = 'monthly';
      d.planId = plan.id;
      for (const l of lines)
        if (routed.has(l.itemId) && (l.quantities[k] ?? 0) > 0) d.products.set(l.itemId, (d.products.get(l.itemId) ?? 0) + l.quantities[k]);
      // Made components (base liquor) come from the plan's MRP, as the weekly plans take them.
      for (const m of made) if (m.needOn === d.day && m.qty > 0) d.products.set(m.itemId, (d.products.get(m.itemId) ?? 0) + m.qty);
    }
  }
}

/** The planned quantities as the rules read them. */
export const plannedQuantities = (days: readonly PlannedDay[]): PlannedQty[] =>
  days.flatMap((d) => [...d.products].map(([itemId, qty]) => ({ day: d.day, itemId, qty })));

/** weekly when every planned day came from a confirmed weekly plan; the plan when one plan gave them all. */
export function sourceOf(days: readonly PlannedDay[]): { source: RequisitionSource; planId: string | null } {
  const planned = days.filter((d) => d.source !== null);
  const source: RequisitionSource = planned.length > 0 && planned.every((d) => d.source === 'weekly') ? 'weekly' : 'monthly';
  const plans = new Set(planned.map((d) => d.planId));
  return { source, planId: plans.size === 1 ? [...plans][0] : null };
}
