import { round } from '../common/index';
import { spreadEvenly } from '../plan/index';
import type { RoutingStep } from './plan-series.rules';

// 日生产进度表 (PP-29, T2 (2011) 3.(1)): each workshop's part of the issued monthly plan, split
// over its own working days of the month. Pure.

export interface ScheduleLine {
  itemId: string;
  quantities: number[];
  total: number;
}

/**
 * The products routed through the workshop, each with its month total from the plan (finished
 * goods from the plan's lines, made components from its MRP), spread evenly over the days the
 * workshop works (capacity hours > 0).
 */
export function deriveScheduleLines(
  workshopId: string,
  monthTotals: ReadonlyMap<string, number>,
  ops: readonly RoutingStep[],
  hours: readonly number[],
): ScheduleLine[] {
  const items = [...new Set(ops.filter((o) => o.workshopId === workshopId).map((o) => o.itemId))];
  const working = hours.map((h) => h > 0);
  return items
    .map((itemId) => ({ itemId, total: round(monthTotals.get(itemId) ?? 0) }))
    .filter((l) => l.total > 0)
    .map((l) => ({ ...l, quantities: spreadEvenly(l.total, working) }));
}

export interface ScheduleProblem {
  field: string;
  zh: string;
  en: string;
}

/** An edited line: one non-negative quantity per day of the month, a known product, no repeats. */
export function checkScheduleLines(lines: readonly { itemId: string; quantities: readonly number[] }[], days: number): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (seen.has(l.itemId)) problems.push({ field: `lines.${i}.itemId`, zh: '同一产品只能有一行', en: 'one line per product' });
    seen.add(l.itemId);
    if (l.quantities.length !== days) problems.push({ field: `lines.${i}.quantities`, zh: `须有 ${days} 天的数量`, en: `needs ${days} daily quantities` });
    if (l.quantities.some((q) => !(q >= 0))) problems.push({ field: `lines.${i}.quantities`, zh: '数量不能为负', en: 'quantities cannot be negative' });
  });
  return problems;
}

export const lineTotalOf = (quantities: readonly number[]): number => round(quantities.reduce((s, q) => s + q, 0));
