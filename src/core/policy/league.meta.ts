import { borrowed, type FieldMeta, t, U } from './policy-meta.helpers';

// No school template but S5 speaks of the League: every preset takes S5's rules.
const fromS5 = (clause: string) => ({ S1: borrowed(clause), S2: borrowed(clause), S3: borrowed(clause), S4: borrowed(clause), T5: borrowed(clause) });

/** 团委工作 (S5, YL-1 … YL-3). */
export const LEAGUE_META: Record<string, FieldMeta> = {
  'league.graduatingGrade': {
    label: t('毕业年级（团籍转出）', 'Graduating grade (memberships transfer out)'),
    unit: t('年级', 'grade'),
    clause: 'S5 三.2',
    requirementId: 'YL-1',
    notes: fromS5('S5 三.2'),
  },
  'league.transferOutMonth': {
    label: t('毕业年级团籍转出起始月份', 'Month the graduating members start to transfer out'),
    unit: U.month,
    clause: 'S5 三.2',
    requirementId: 'YL-1',
    notes: fromS5('S5 三.2'),
  },
  'league.blackboardEveryDays': {
    label: t('班级板报检查间隔', 'Days between blackboard checks'),
    unit: U.days,
    clause: 'S5 三.6',
    requirementId: 'YL-3',
    notes: fromS5('S5 三.6'),
  },
  'league.flagRaisingWeekday': {
    label: t('升旗仪式日（星期，1 = 周一）', 'Flag-raising day (weekday, 1 = Monday)'),
    clause: 'S5 三.3',
    requirementId: 'YL-3',
    notes: fromS5('S5 三.3'),
  },
  'league.themedMonths': {
    label: t('主题教育月安排（第二学期）', 'Themed education months (second term)'),
    clause: 'S5 四',
    requirementId: 'YL-2',
    notes: fromS5('S5 四'),
  },
  'league.themedMonths.*.month': { label: t('月份', 'Month'), unit: U.month, clause: 'S5 四' },
  'league.themedMonths.*.theme': { label: t('主题（可空）', 'Theme (may be empty)'), clause: 'S5 四' },
  'league.themedMonths.*.activities': { label: t('主要活动（逐条输入）', 'Activities (one per entry)'), clause: 'S5 四' },
};
