import { addDays, isoWeekday } from '#core/calendar';
import type { Criterion } from './work-plan.schema';

type Text = { zh: string; en: string };

/** S5 三.8, 四: a themed month of the term plan template (the policy's league.themedMonths). */
export interface ThemedMonth {
  month: number;
  theme: string;
  activities: string[];
}

/** The plan items a new term plan starts from: the policy's themed months and their activities in order. */
export function templateItems(months: ThemedMonth[]): { month: number; theme: string | null; title: string; sort: number }[] {
  return months.flatMap((m) => m.activities.map((title, sort) => ({ month: m.month, theme: m.theme.trim() || null, title, sort })));
}

/** S5 三.6: the published criteria of a blackboard check (the school may edit them per check). */
export const DEFAULT_CRITERIA: Criterion[] = [
  { item: '主题鲜明，紧扣本期主题', points: 30 },
  { item: '内容充实，原创为主', points: 30 },
  { item: '版面美观，书写规范', points: 20 },
  { item: '按时更换', points: 20 },
];

/** The flag-raising days of a period, one a week on the policy's weekday (S5 三.3 "每周一组织一次升旗仪式"). */
export function weekdaysBetween(from: string, to: string, weekday: number): string[] {
  const out: string[] = [];
  let d = addDays(from, (weekday - isoWeekday(from) + 7) % 7);
  for (; d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** S5 三.6: a check every `everyDays` (two weeks) from the first check day to the end of the term. */
export function checkDates(first: string, to: string, everyDays: number): string[] {
  const out: string[] = [];
  for (let d = first; d <= to; d = addDays(d, everyDays)) out.push(d);
  return out;
}

/** Flag-raising days already come without a theme on record. */
export function missingFlagWeeks(days: string[], recorded: Set<string>, today: string): string[] {
  return days.filter((m) => m <= today && !recorded.has(m));
}

/** A branch's blackboard score: every published item rated within its points. */
export function scoreBlackboard(criteria: Criterion[], scores: Record<string, number>): { total: number } | { problem: Text } {
  let total = 0;
  for (const c of criteria) {
    const v = scores[c.item];
    if (typeof v !== 'number' || v < 0 || v > c.points)
      return { problem: { zh: `“${c.item}”须评 0–${c.points} 分`, en: `“${c.item}” takes 0–${c.points} points` } };
    total += v;
  }
  return { total: Math.round(total * 100) / 100 };
}
