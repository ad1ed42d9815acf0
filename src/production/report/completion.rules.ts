import { round } from '../common/index';
import type { CompletionMeasure } from './report.schema';

// Plan against completion, day by day (PP-18, PP-22, T4 第三十四条, T2 (2011) 4.(1)). Pure:
// series in, figures out. A series holds one quantity per day of a range, in order.

export interface LineSeries {
  workshopId: string;
  itemId: string;
  plan: number[];
  /** Output the workshop reported (报产量). */
  output: number[];
  /** Production receipts (进仓) the workshop posted, net of reversed documents. */
  received: number[];
  /**
   * The workshop holds the product's last operation, so the product leaves it into the
   * warehouse. An earlier operation hands its output to the next workshop (交下道工序).
   */
  isFinalOperation: boolean;
}

/**
 * What counts as completed (PP-22): by 进仓, the receipts of the workshop holding the last
 * operation; an earlier operation puts nothing into the warehouse, so its handover (its
 * reported output) is its completion. By reported output: the output everywhere.
 */
export function completedSeries(line: LineSeries, measure: CompletionMeasure): number[] {
  return measure === 'warehouse_receipt' && line.isFinalOperation ? line.received : line.output;
}

export interface Progress {
  planToDate: number;
  doneToDate: number;
  /** Plan minus completion, never below 0. */
  lagQty: number;
  /** The lag as a share of the plan to date (0 when nothing was planned yet). */
  lagShare: number;
  /** The lag in days of the period's average planned output per working day. */
  lagDays: number;
  /** The whole period's plan, for the completion rate at its end. */
  periodPlan: number;
}

const sum = (xs: readonly number[], from = 0, to = xs.length - 1): number => {
  let s = 0;
  for (let k = Math.max(0, from); k <= Math.min(to, xs.length - 1); k++) s += xs[k] ?? 0;
  return s;
};

/** Cumulative plan and completion over `from`…`upto` (indexes, both included) of a period. */
export function progressOf(plan: readonly number[], done: readonly number[], upto: number, from = 0): Progress {
  const planToDate = round(sum(plan, from, upto));
  const doneToDate = round(sum(done, from, upto));
  const lagQty = round(Math.max(0, planToDate - doneToDate));
  const periodPlan = round(sum(plan, from));
  const planDays = plan.slice(from).filter((q) => q > 0).length;
  const perDay = planDays > 0 ? periodPlan / planDays : 0;
  return {
    planToDate,
    doneToDate,
    lagQty,
    lagShare: planToDate > 0 ? round(lagQty / planToDate, 4) : 0,
    lagDays: perDay > 0 ? round(lagQty / perDay, 1) : 0,
    periodPlan,
  };
}

/** Behind plan by more than the policy's share (production.lagThresholdShare). */
export const isLagging = (p: Progress, thresholdShare: number): boolean => p.planToDate > 0 && p.lagQty > 0 && p.lagShare > thresholdShare + 1e-9;

export interface MonthFigures {
  plan: number;
  output: number;
  received: number;
  completed: number;
  /** Completed minus plan: negative when short. */
  variance: number;
  /** Completed over plan; null without a plan. */
  rate: number | null;
  /** |variance| above the policy's share of the plan (production.monthEndVarianceShare). */
  isLarge: boolean;
}

/** Month-end statistics of one workshop and product (PP-18, PP-29). */
export function monthFigures(line: LineSeries, measure: CompletionMeasure, varianceShare: number): MonthFigures {
  const plan = round(sum(line.plan));
  const completed = round(sum(completedSeries(line, measure)));
  const variance = round(completed - plan);
  return {
    plan,
    output: round(sum(line.output)),
    received: round(sum(line.received)),
    completed,
    variance,
    rate: plan > 0 ? round(completed / plan, 4) : null,
    isLarge: plan > 0 ? Math.abs(variance) / plan > varianceShare + 1e-9 : completed > 0,
  };
}
