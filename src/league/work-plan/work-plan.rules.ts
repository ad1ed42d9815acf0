import { addDays, isoWeekday } from '#core/calendar';
import type { Criterion } from './work-plan.schema';

type Text = { zh: string; en: string };

/**
 * S5 三.8, 四: the second term's themed education months and the month-by-month
 * arrangement of the template, offered as the starting point of a new term plan.
 */
export const S5_MONTHS: { month: number; theme: string | null; activities: string[] }[] = [
  { month: 2, theme: '习惯养成教育月', activities: ['总结学生寒假实践活动', '召开各支部会议，布置本学期主要工作', '团员注册，支部委员摸底', '完善团员档案', '文明中学生养成教育和宣传', '开学班级板报、升旗仪式和宣传栏更换'] },
  { month: 3, theme: '学雷锋活动月', activities: ['学雷锋活动月的启动和组织', '“青春风铃”广播社开播', '组织书画或摄影展', '七年级预备团员产生'] },
  { month: 4, theme: '传统美德教育月', activities: ['上好团课', '开展征文评比', '组织传统美德教育月'] },
  { month: 5, theme: '学校安全教育月', activities: ['九年级团籍转出', '新团员入团宣誓仪式', '组织演讲比赛', '安全教育月活动', '志愿者为敬老院老人献爱心'] },
  { month: 6, theme: '总结实践月', activities: ['做好学期末评优工作', '安排好暑假实践活动'] },
];

/** S5 三.6: the published criteria of a blackboard check (the school may edit them per check). */
export const DEFAULT_CRITERIA: Criterion[] = [
  { item: '主题鲜明，紧扣本期主题', points: 30 },
  { item: '内容充实，原创为主', points: 30 },
  { item: '版面美观，书写规范', points: 20 },
  { item: '按时更换', points: 20 },
];

/** The Mondays of a period: one flag-raising each (S5 三.3 "每周一组织一次升旗仪式"). */
export function mondaysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let d = addDays(from, (8 - isoWeekday(from)) % 7);
  for (; d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** S5 三.6: a check every two weeks from the first check day to the end of the term. */
export function biweeklyDates(first: string, to: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= to; d = addDays(d, 14)) out.push(d);
  return out;
}

/** Weeks already begun without a flag-raising theme on record. */
export function missingFlagWeeks(mondays: string[], recorded: Set<string>, today: string): string[] {
  return mondays.filter((m) => m <= today && !recorded.has(m));
}

/** A branch's blackboard score: every published item rated within its points. */
export function scoreBlackboard(criteria: Criterion[], scores: Record<string, number>): { total: number } | { problem: Text } {
  let total = 0;
  for (const c of criteria) {
    const v = scores[c.item];
    if (typeof v !== 'number' || v < 0 || v > c.points) return { problem: { zh: `“${c.item}”须评 0–${c.points} 分`, en: `“${c.item}” takes 0–${c.points} points` } };
    total += v;
  }
  return { total: Math.round(total * 100) / 100 };
}
