import { and, eq } from 'drizzle-orm';
import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import { invalidState } from '#core/errors';
import { addMonths, monthOf, monthStart, round } from '../common/index';
import { findDemandForPeriod } from '../demand/index';
import { loadPlanningMaster, loadWorkshopCapacity } from '../master/index';
import { assertCanWritePlan } from './plan-access';
import { type PlanLineInput, netProduction, spreadEvenly } from './plan-lines.rules';
import { savePlanLines } from './plan-lines.service';
import { bucketIndexOf, bucketStarts } from './plan-period.rules';
import { assertEditable, findLinesInForce, findPlanDocument, findWorkingLines, getPlanRow } from './plan.query';
import { prodPlans } from './plan.schema';

/**
 * PP-8 (T4 第十九条, 以销定产): suggests the plan from the approved sales plan and sales order
 * sheets, net of finished stock and its safety stock, levelled over the working days of each
 * product's first workshop. The forecast column keeps the demand the plan answers (PP-12).
 */
export async function fillPlanFromDemand(db: Db, actor: Actor, planId: string, version: number, now: Date) {
  const plan = await getPlanRow(db, actor.orgId, planId);
  await assertCanWritePlan(db, actor, plan);
  assertEditable(plan, await findPlanDocument(db, plan));
  const demand = await findDemandForPeriod(db, actor.orgId, plan.periodStart, plan.periodEnd);
  const master = await loadPlanningMaster(db, actor.orgId);
  const starts = bucketStarts(plan);
  const perItem = new Map<string, number[]>();
  for (const d of demand) {
    const k = bucketIndexOf(plan, d.onDate);
    if (k < 0) continue;
    const q = perItem.get(d.itemId) ?? starts.map(() => 0);
    q[k] += d.qty;
    perItem.set(d.itemId, q);
  }
  // Orders beyond the sales plan count; orders inside it are already part of it.
  const bySource = (source: 'sales_plan' | 'order') => {
    const m = new Map<string, number>();
    for (const d of demand.filter((x) => x.source === source && bucketIndexOf(plan, x.onDate) >= 0)) m.set(d.itemId, (m.get(d.itemId) ?? 0) + d.qty);
    return m;
  };
  const planned = bySource('sales_plan');
  const ordered = bySource('order');
  const capacity = plan.bucket === 'day' ? await loadWorkshopCapacity(db, actor.orgId, plan.periodStart, plan.periodEnd) : [];
  const firstWorkshop = new Map<string, string>();
  for (const r of [...master.routings].sort((a, b) => a.seq - b.seq)) if (!firstWorkshop.has(r.itemId)) firstWorkshop.set(r.itemId, r.workshopId);
  const lines: PlanLineInput[] = [];
  for (const itemId of perItem.keys()) {
    const demandQty = round(Math.max(planned.get(itemId) ?? 0, ordered.get(itemId) ?? 0));
    const stock = master.stock.get(itemId);
    const make = netProduction(demandQty, stock?.onHand ?? 0, stock?.safetyStock ?? 0);
    const hours = capacity.find((c) => c.workshop.id === firstWorkshop.get(itemId))?.hours;
    const isWorking = plan.bucket === 'day' ? starts.map((_, k) => (hours ? hours[k] > 0 : true)) : starts.map(() => true);
    lines.push({
      itemId,
      forecastQty: demandQty,
      quantities: plan.bucket === 'day' ? spreadEvenly(make, isWorking) : spreadMonthly(make, perItem.get(itemId)!),
    });
  }
  return savePlanLines(db, actor, planId, { version, lines }, now);
}

/** Month buckets follow the demand's own months; the stock netting comes off the first months. */
function spreadMonthly(total: number, demand: number[]): number[] {
  const sum = demand.reduce((s, x) => s + x, 0);
  if (sum <= 0) return demand.map(() => 0);
  let cut = sum - total;
  return demand.map((d) => {
    const take = Math.min(d, Math.max(0, cut));
    cut -= take;
    return round(d - take);
  });
}

/** Copy from last period: the same products and quantities, day by day (or month by month). */
export async function copyPlanFromPrevious(db: Db, actor: Actor, planId: string, version: number, now: Date) {
  const plan = await getPlanRow(db, actor.orgId, planId);
  await assertCanWritePlan(db, actor, plan);
  assertEditable(plan, await findPlanDocument(db, plan));
  const step = plan.kind === 'annual' ? 12 : plan.kind === 'quarterly' ? 3 : plan.kind === 'monthly' ? 1 : 0;
  if (step === 0) throw invalidState('只有年度、季度、月度计划可以复制上期', 'Only annual, quarterly and monthly plans copy the previous period');
  const previousStart = monthStart(addMonths(monthOf(plan.periodStart), -step));
  const [previous] = await db
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.kind, plan.kind), eq(prodPlans.periodStart, previousStart)));
  if (!previous) throw invalidState('没有上期计划可复制', 'There is no previous plan to copy');
  const source = (await findLinesInForce(db, previous, await findPlanDocument(db, previous))) ?? (await findWorkingLines(db, actor.orgId, previous.id));
  const count = bucketStarts(plan).length;
  const lines = source.map((l) => ({
    itemId: l.itemId,
    forecastQty: l.forecastQty,
    quantities: Array.from({ length: count }, (_, k) => l.quantities[k] ?? 0),
  }));
  return savePlanLines(db, actor, planId, { version, lines }, now);
}
