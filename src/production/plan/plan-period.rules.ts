import { addDays, weekStartOf } from '#core/calendar';
import { daysFrom, monthEnd, monthOf, monthsFrom, monthStart, quarterMonths } from '../common/index';
import type { Bucket, PlanKind } from './plan.schema';

// The period and buckets of each kind of plan. Pure.

export interface PlanPeriod {
  periodStart: string;
  periodEnd: string;
  bucket: Bucket;
  title: { zh: string; en: string };
}

export type PeriodInput =
  | { kind: 'annual'; year: number }
  | { kind: 'quarterly'; year: number; quarter: number }
  | { kind: 'monthly'; month: string }
  | { kind: 'weekly'; weekOf: string; workshopName: string }
  | { kind: 'special' | 'temporary'; from: string; to: string; name: string };

export function planPeriod(input: PeriodInput): PlanPeriod {
  switch (input.kind) {
    case 'annual':
      return {
        periodStart: `${input.year}-01-01`,
        periodEnd: `${input.year}-12-31`,
        bucket: 'month',
        title: { zh: `${input.year}年度生产计划`, en: `Annual production plan ${input.year}` },
      };
    case 'quarterly': {
      const months = quarterMonths(input.year, input.quarter);
      return {
        periodStart: monthStart(months[0]),
        periodEnd: monthEnd(months[2]),
        bucket: 'month',
        title: { zh: `${input.year}年第${input.quarter}季度生产计划`, en: `Q${input.quarter} ${input.year} production plan` },
      };
    }
    case 'monthly': {
      const [y, m] = input.month.split('-').map(Number);
      return {
        periodStart: monthStart(input.month),
        periodEnd: monthEnd(input.month),
        bucket: 'day',
        title: { zh: `${y}年${m}月生产计划`, en: `Production plan ${input.month}` },
      };
    }
    case 'weekly': {
      const start = weekStartOf(input.weekOf);
      return {
        periodStart: start,
        periodEnd: addDays(start, 6),
        bucket: 'day',
        title: { zh: `${input.workshopName} 周生产计划（${start} 起）`, en: `${input.workshopName} weekly plan from ${start}` },
      };
    }
    default: {
      const isSpecial = input.kind === 'special';
      return {
        periodStart: input.from,
        periodEnd: input.to,
        bucket: 'day',
        title: { zh: `${isSpecial ? '专项' : '临时'}生产计划：${input.name}`, en: `${isSpecial ? 'Special' : 'Temporary'} plan: ${input.name}` },
      };
    }
  }
}

/** The first day of every bucket of the plan, in order. */
export const bucketStarts = (plan: { periodStart: string; periodEnd: string; bucket: Bucket }): string[] =>
  plan.bucket === 'day' ? daysFrom(plan.periodStart, plan.periodEnd) : monthsFrom(plan.periodStart, plan.periodEnd);

/** The bucket a date falls in, or -1 outside the plan. */
export function bucketIndexOf(plan: { periodStart: string; periodEnd: string; bucket: Bucket }, date: string): number {
  if (date < plan.periodStart || date > plan.periodEnd) return -1;
  const starts = bucketStarts(plan);
  return plan.bucket === 'day' ? starts.indexOf(date) : starts.indexOf(monthStart(monthOf(date)));
}

export interface CapacityGroup {
  /** The group's first day inside the plan: countermeasures are keyed by it. */
  start: string;
  label: { zh: string; en: string };
  /** Bucket indexes of the plan that fall in the group. */
  buckets: number[];
}

/**
 * The periods a capacity check reports (PP-9): weeks for a monthly plan (a day is too noisy
 * to act on), days for weekly, special and temporary plans, months for annual and quarterly.
 */
export function capacityGroups(kind: PlanKind, plan: { periodStart: string; periodEnd: string; bucket: Bucket }): CapacityGroup[] {
  const starts = bucketStarts(plan);
  if (plan.bucket === 'month') {
    return starts.map((s, i) => ({ start: s, label: { zh: `${Number(s.slice(5, 7))}月`, en: s.slice(0, 7) }, buckets: [i] }));
  }
  if (kind !== 'monthly') {
    return starts.map((s, i) => ({ start: s, label: { zh: s.slice(5), en: s.slice(5) }, buckets: [i] }));
  }
  const groups: CapacityGroup[] = [];
  starts.forEach((day, i) => {
    const last = groups[groups.length - 1];
    if (last && weekStartOf(day) === weekStartOf(starts[last.buckets[0]])) last.buckets.push(i);
    else groups.push({ start: day, label: { zh: '', en: '' }, buckets: [i] });
  });
  groups.forEach((g, k) => {
    const range = `${starts[g.buckets[0]].slice(5)}~${starts[g.buckets[g.buckets.length - 1]].slice(5)}`;
    g.label = { zh: `第${k + 1}周 ${range}`, en: `W${k + 1} ${range}` };
  });
  return groups;
}
