import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { dayCount, monthEnd, monthOf, monthStart, round } from '../common/index';
import { prodItems, prodWorkshops } from '../master/index';
import { loadLineSeries } from './actuals.query';
import type { ProgressQuery, ProgressView } from './completion.contract';
import { completedSeries, isLagging, type LineSeries, progressOf } from './completion.rules';
import { findCoordinationItems } from './coordination.service';
import { loadPlanSeries } from './plan-series.service';
import { orgToday, weekStartOf } from '#core/calendar';

/** Plan, output and 进仓 of every workshop and product over a whole month. */
export async function loadMonthLines(db: Db, orgId: string, month: string, workshopId?: string): Promise<{ days: string[]; lines: LineSeries[] }> {
  const series = await loadPlanSeries(db, orgId, monthStart(month), monthEnd(month), workshopId);
  return { days: series.days, lines: await loadLineSeries(db, orgId, series, workshopId) };
}

export async function loadLabels(db: Db, orgId: string, itemIds: string[]) {
  const workshops = await db
    .select({ id: prodWorkshops.id, name: prodWorkshops.name, sort: prodWorkshops.sort, departmentId: prodWorkshops.departmentId })
    .from(prodWorkshops)
    .where(eq(prodWorkshops.orgId, orgId));
  const items = itemIds.length
    ? await db
        .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, unit: prodItems.unit, isMature: prodItems.isMature, sort: prodItems.sort })
        .from(prodItems)
        .where(and(eq(prodItems.orgId, orgId), inArray(prodItems.id, itemIds)))
        .orderBy(asc(prodItems.sort))
    : [];
  return { workshops: new Map(workshops.map((w) => [w.id, w])), items: new Map(items.map((i) => [i.id, i])) };
}

const cumulative = (xs: readonly number[]): number[] => {
  let s = 0;
  return xs.map((x) => {
    s = round(s + x);
    return s;
  });
};

/**
 * PP-18 (T4 第三十四条): today, this week and this month to date, each workshop's plan against
 * what it completed — by the policy's measure (PP-22) — with the lag in quantity and days.
 */
export async function getProgress(db: Db, actor: Actor, query: ProgressQuery, now: Date): Promise<ProgressView> {
  requireAccess(actor, 'production.read');
  const policy = await getPolicy(db, actor.orgId);
  const measure = policy.production.completionMeasure;
  const today0 = await orgToday(db, actor.orgId, now);
  const date = query.date ?? today0;
  const month = monthOf(date);
  const ws = weekStartOf(date);
  const from = ws < monthStart(month) ? ws : monthStart(month);
  const series = await loadPlanSeries(db, actor.orgId, from, monthEnd(month), query.workshopId);
  const lines = await loadLineSeries(db, actor.orgId, series, query.workshopId);
  const at = (d: string) => dayCount(from, d);
  const ms = at(monthStart(month));
  const today = at(date);
  // Today is still being worked: the cumulative figures run to the last complete day.
  const upto = date >= today0 ? today - 1 : today;
  const wsIndex = at(ws);
  const { workshops, items } = await loadLabels(db, actor.orgId, [...new Set(lines.map((l) => l.itemId))]);
  const rows = lines
    .map((l) => {
      const done = completedSeries(l, measure);
      const monthPlan = l.plan.slice(ms);
      const monthDone = done.slice(ms);
      const m = progressOf(monthPlan, monthDone, upto - ms);
      const w = progressOf(l.plan.slice(wsIndex, wsIndex + 7), done.slice(wsIndex, wsIndex + 7), upto - wsIndex);
      const item = items.get(l.itemId);
      return {
        workshopId: l.workshopId,
        workshopName: workshops.get(l.workshopId)?.name ?? '',
        itemId: l.itemId,
        code: item?.code ?? '',
        name: item?.name ?? '',
        unit: item?.unit ?? '',
        isFinalOperation: l.isFinalOperation,
        today: { plan: l.plan[today] ?? 0, done: done[today] ?? 0, output: l.output[today] ?? 0, received: l.received[today] ?? 0 },
        week: w,
        month: m,
        isLagging: isLagging(m, policy.production.lagThresholdShare),
        cumPlan: cumulative(monthPlan.slice(0, Math.max(0, upto - ms + 1))),
        cumDone: cumulative(monthDone.slice(0, Math.max(0, upto - ms + 1))),
        sort: [workshops.get(l.workshopId)?.sort ?? 0, item?.sort ?? 0],
      };
    })
    .filter((r) => r.month.periodPlan > 0 || r.month.doneToDate > 0)
    .sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1] - b.sort[1])
    .map(({ sort: _, ...r }) => r);
  return {
    date,
    month,
    weekStart: ws,
    measure,
    lagThresholdShare: policy.production.lagThresholdShare,
    asOf: series.days[upto] ?? null,
    days: series.days.slice(ms, Math.max(ms, upto + 1)),
    rows,
    coordination: await findCoordinationItems(db, actor, { state: 'open', workshopId: query.workshopId }),
  };
}
