import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { documents } from '#core/approval';
import { addDays } from '#core/calendar';
import type { Db } from '#core/db';
import type { Policy } from '#core/policy';
import { dayCount, daysFrom, monthOf, monthStart } from '../common/index';
import { loadWorkshopCapacity, prodRoutingOps } from '../master/index';
import { prodPlanMaterials } from '../mrp/index';
import { bucketStarts, findLinesInForceMany, prodPlanLines, prodPlans } from '../plan/index';
import { type DatedLines, finalWorkshops, mergeWorkshopPlan, type RoutingStep, spreadToWorkshops, type WorkshopPlan } from './plan-series.rules';
import { prodDailyScheduleLines, prodDailySchedules } from './report.schema';

export interface PlanSeries {
  days: string[];
  plan: WorkshopPlan;
  /** Workshop of each product's last operation. */
  finals: Map<string, string>;
  routings: RoutingStep[];
}

/**
 * The days `from`…`to` of a series loaded for a range that holds them. A day's plan does not
 * depend on the range it was loaded with (the routing's reach is looked up around every range),
 * so one load serves a report's own day and the month to date of its lag check (issue 9).
 */
export function slicePlanSeries(s: PlanSeries, from: string, to: string): PlanSeries {
  const offset = dayCount(s.days[0], from);
  const days = daysFrom(from, to);
  if (offset < 0 || offset + days.length > s.days.length) throw new Error(`plan series ${s.days[0]}…${s.days.at(-1)} does not hold ${from}…${to}`);
  const plan: WorkshopPlan = new Map(
    [...s.plan].map(([workshopId, lines]) => [workshopId, new Map([...lines].map(([itemId, q]) => [itemId, q.slice(offset, offset + days.length)]))]),
  );
  return { ...s, days, plan };
}

export async function loadRoutings(db: Db, orgId: string): Promise<RoutingStep[]> {
  return db
    .select({ itemId: prodRoutingOps.itemId, workshopId: prodRoutingOps.workshopId, seq: prodRoutingOps.seq, offsetDays: prodRoutingOps.offsetDays })
    .from(prodRoutingOps)
    .where(eq(prodRoutingOps.orgId, orgId));
}

async function weeklySources(db: Db, orgId: string, from: string, to: string, workshopId?: string): Promise<DatedLines[]> {
  const where = [eq(prodPlans.orgId, orgId), eq(prodPlans.kind, 'weekly'), lte(prodPlans.periodStart, to), gte(prodPlans.periodEnd, from)];
  if (workshopId) where.push(eq(prodPlans.workshopId, workshopId));
  const plans = await db
    .select()
    .from(prodPlans)
    .where(and(...where));
  if (plans.length === 0) return [];
  // A weekly plan derived but not yet confirmed is still the workshop's best word for the week.
  const lines = await db
    .select()
    .from(prodPlanLines)
    .where(
      and(
        eq(prodPlanLines.orgId, orgId),
        inArray(
          prodPlanLines.planId,
          plans.map((p) => p.id),
        ),
      ),
    );
  return plans.map((p) => ({
    workshopId: p.workshopId!,
    start: dayCount(from, p.periodStart),
    length: dayCount(p.periodStart, p.periodEnd) + 1,
    lines: lines.filter((l) => l.planId === p.id).map((l) => ({ itemId: l.itemId, quantities: l.quantities })),
  }));
}

async function scheduleSources(db: Db, orgId: string, from: string, to: string, workshopId?: string): Promise<DatedLines[]> {
  const months = [...new Set([monthOf(from), monthOf(to)])];
  const where = [eq(prodDailySchedules.orgId, orgId), inArray(prodDailySchedules.month, months), inArray(documents.state, ['approved', 'issued'])];
  if (workshopId) where.push(eq(prodDailySchedules.workshopId, workshopId));
  const rows = await db
    .select({ s: prodDailySchedules })
    .from(prodDailySchedules)
    .innerJoin(documents, and(eq(documents.orgId, prodDailySchedules.orgId), eq(documents.id, prodDailySchedules.documentId)))
    .where(and(...where));
  if (rows.length === 0) return [];
  const lines = await db
    .select()
    .from(prodDailyScheduleLines)
    .where(
      and(
        eq(prodDailyScheduleLines.orgId, orgId),
        inArray(
          prodDailyScheduleLines.scheduleId,
          rows.map((r) => r.s.id),
        ),
      ),
    );
  return rows.map(({ s }) => ({
    workshopId: s.workshopId,
    start: dayCount(from, monthStart(s.month)),
    length: lines.find((l) => l.scheduleId === s.id)?.quantities.length ?? 0,
    lines: lines.filter((l) => l.scheduleId === s.id).map((l) => ({ itemId: l.itemId, quantities: l.quantities })),
  }));
}

/** The monthly plans in force over the window, per product and day; made components from their MRP. */
async function monthlyDaily(db: Db, orgId: string, days: readonly string[]): Promise<Map<string, number[]>> {
  const from = days[0];
  const to = days[days.length - 1];
  const index = new Map(days.map((d, k) => [d, k]));
  const out = new Map<string, number[]>();
  const add = (itemId: string, day: string, q: number) => {
    const k = index.get(day);
    if (k === undefined || q <= 0) return;
    const row = out.get(itemId) ?? new Array<number>(days.length).fill(0);
    row[k] += q;
    out.set(itemId, row);
  };
  const plans = await db
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, orgId), eq(prodPlans.kind, 'monthly'), lte(prodPlans.periodStart, to), gte(prodPlans.periodEnd, from)));
  if (plans.length === 0) return out;
  // Three statements for the window's plans together, however many months it crosses.
  const inForce = await findLinesInForceMany(db, orgId, plans);
  const made = await db
    .select({ planId: prodPlanMaterials.planId, itemId: prodPlanMaterials.itemId, needOn: prodPlanMaterials.needOn, qty: prodPlanMaterials.qty })
    .from(prodPlanMaterials)
    .where(
      and(
        eq(prodPlanMaterials.orgId, orgId),
        inArray(
          prodPlanMaterials.planId,
          plans.map((p) => p.id),
        ),
        eq(prodPlanMaterials.kind, 'make'),
      ),
    );
  for (const plan of plans) {
    const lines = inForce.get(plan.id);
    if (!lines) continue;
    const starts = bucketStarts(plan);
    for (const l of lines) for (const [k, q] of l.quantities.entries()) add(l.itemId, starts[k], q);
    for (const m of made) if (m.planId === plan.id) add(m.itemId, m.needOn, m.qty);
  }
  return out;
}

/**
 * PP-18: each workshop's plan per product and day over `from`…`to`: its weekly plan, else its
 * daily schedule, else the monthly plan carried along the routing (T4 第二十条).
 */
export async function loadPlanSeries(db: Db, orgId: string, from: string, to: string, workshopId?: string, policy?: Policy): Promise<PlanSeries> {
  const days = daysFrom(from, to);
  const routings = await loadRoutings(db, orgId);
  // Operations run working days before or after the product's day: look that far around.
  const reach = 2 * Math.max(0, ...routings.map((r) => Math.abs(r.offsetDays))) + 7;
  const winFrom = addDays(from, -reach);
  const window = daysFrom(winFrom, addDays(to, reach));
  const ops = workshopId ? routings.filter((r) => r.workshopId === workshopId) : routings;
  // One query at a time: inside a transaction it is one connection.
  const weekly = await weeklySources(db, orgId, from, to, workshopId);
  const schedules = await scheduleSources(db, orgId, from, to, workshopId);
  const productDaily = await monthlyDaily(db, orgId, window);
  const capacity = await loadWorkshopCapacity(db, orgId, winFrom, window[window.length - 1], policy);
  const spread = spreadToWorkshops(productDaily, ops, new Map(capacity.map((c) => [c.workshop.id, c.hours])), window.length);
  const offset = dayCount(winFrom, from);
  const fallback: WorkshopPlan = new Map(
    [...spread].map(([w, lines]) => [w, new Map([...lines].map(([itemId, q]) => [itemId, q.slice(offset, offset + days.length)]))]),
  );
  return { days, plan: mergeWorkshopPlan(days.length, weekly, schedules, fallback), finals: finalWorkshops(routings), routings };
}
