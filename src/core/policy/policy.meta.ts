import type { PolicySection } from './policy.schema';
import { borrowed, type FieldMeta, ROLE_OPTIONS, t, type Text, U, zhiduDefault } from './policy-meta.helpers';
import { PRODUCTION_META } from './production.meta';
import { DISTRICT_META } from './district.meta';
import { LEAGUE_META } from './league.meta';
import { TRAINING_META } from './training.meta';

export type { FieldMeta, Text } from './policy-meta.helpers';

// What the editor shows beside each parameter: its name, unit and the clause it comes
// from. Paths use '*' for any key or row (training.creditRules.*.creditsPerHour).

export const SECTION_LABELS: Record<PolicySection, Text> = {
  production: t('生产计划', 'Production planning'),
  assessment: t('考核', 'Assessment'),
  training: t('校本培训', 'School-based training'),
  deadlines: t('截止与提醒', 'Deadlines and reminders'),
  calendar: t('工作日历', 'Working calendar'),
  meetings: t('会议', 'Meetings'),
  approval: t('审批', 'Approval'),
  league: t('团委工作', 'Youth League'),
  district: t('学区培训周期与下限', 'District training cycle and floor'),
};

export const FIELD_META: Record<string, FieldMeta> = {
  ...PRODUCTION_META,
  ...TRAINING_META,
  ...LEAGUE_META,
  ...DISTRICT_META,
  'deadlines.remindDaysBefore': {
    label: t('截止前提醒', 'Remind before the due date'),
    unit: U.days,
    clause: '系统设置',
    requirementId: 'CORE-6',
    help: zhiduDefault,
  },
  'deadlines.escalateDaysAfter': {
    label: t('逾期后上报', 'Escalate after the due date'),
    unit: U.days,
    clause: '系统设置',
    requirementId: 'CORE-6',
    help: zhiduDefault,
  },
  'deadlines.escalateToRole': {
    label: t('逾期上报给', 'Escalate to'),
    clause: 'T2 六.1.4)',
    requirementId: 'CORE-6',
    options: ROLE_OPTIONS,
    notes: {
      S1: t('S2 六.(一)：校长是校本培训第一责任人', 'S2 6.(1): the principal is responsible'),
      S2: t('S2 六.(一)', 'S2 6.(1)'),
      S3: borrowed('S2 六.(一)'),
      S4: borrowed('S2 六.(一)'),
      T5: borrowed('S2 六.(一)'),
    },
  },
  'deadlines.dayOfMonthOnRestDay': {
    label: t('每月某日截止遇休息日', 'A day-of-month due date on a rest day'),
    clause: '系统设置',
    requirementId: 'CORE-6',
    options: [
      { value: 'keep', label: t('不顺延', 'Keep the day') },
      { value: 'before', label: t('提前到前一工作日', 'Move to the working day before') },
      { value: 'after', label: t('顺延到下一工作日', 'Move to the next working day') },
    ],
  },
  'deadlines.withinDaysAreBusinessDays': {
    label: t('“N 日内”按工作日计', '“Within N days” counts working days'),
    clause: '系统设置',
    requirementId: 'CORE-6',
    help: zhiduDefault,
  },

  'calendar.weekendDays': { label: t('休息日（星期，1 = 周一）', 'Rest days (weekday, 1 = Monday)'), clause: '系统设置', requirementId: 'CORE-6' },
  'calendar.utcOffsetMinutes': {
    label: t('时区（相对 UTC）', 'Time zone (offset from UTC)'),
    unit: U.minutes,
    clause: '系统设置',
    help: t('北京时间 = 480', 'China Standard Time = 480'),
  },

  'meetings.leaveCutoffMinutes': {
    label: t('请假须在会前至少', 'Leave must be asked at least'),
    unit: U.minutes,
    clause: 'T4 第五十六条',
    requirementId: 'PP-21',
    help: t('0 = 会议开始前均可；开始后不再受理', '0 = any time before the start; never after'),
  },
  'meetings.lateAfterMinutes': {
    label: t('会议开始后超过此时长记迟到', 'Late after'),
    unit: U.minutes,
    clause: '会议管理',
    requirementId: 'CORE-7',
    help: zhiduDefault,
  },
  'meetings.onHoliday': {
    label: t('例会遇节假日', 'A recurring meeting on a holiday'),
    clause: '会议管理',
    requirementId: 'CORE-7',
    options: [
      { value: 'skip', label: t('取消本次', 'Skip it') },
      { value: 'before', label: t('提前到前一工作日', 'Move to the working day before') },
      { value: 'after', label: t('顺延到下一工作日', 'Move to the next working day') },
    ],
  },
  'meetings.generateMonthsAhead': { label: t('月度例会提前生成', 'Monthly meetings generated ahead'), unit: U.month, clause: '会议管理' },
  'meetings.generateWeeksAhead': { label: t('每周例会提前生成（周）', 'Weekly meetings generated ahead (weeks)'), clause: '会议管理' },

  'approval.allowSelfApproval': { label: t('允许本人审批本人提交的文件', 'Allow approving one’s own submission'), clause: '审批设置', requirementId: 'CORE-3' },
};

/** The metadata of a concrete path, trying '*' for each segment that is a key or a row. */
export function findFieldMeta(path: string): FieldMeta | undefined {
  if (FIELD_META[path]) return FIELD_META[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const candidate = [...parts.slice(0, i), '*', ...parts.slice(i + 1)].join('.');
    if (FIELD_META[candidate]) return FIELD_META[candidate];
  }
  return undefined;
}
