import { type FieldMeta, t, U, zhiduDefault } from './policy-meta.helpers';

/** 学区 / 教育局 (issue 12): the five-year cycle its teachers are held to and the floor it publishes. */
const NATIONAL = '教师〔2011〕1号';
export const DISTRICT_META: Record<string, FieldMeta> = {
  'district.cycleYears': {
    label: t('教师培训周期', 'Training cycle'),
    unit: t('年', 'years'),
    clause: NATIONAL,
    requirementId: 'ST-6',
    help: t('每五年一周期', 'One cycle every five years'),
  },
  'district.cycleHours': {
    label: t('每周期累计学时不少于', 'Hours per cycle, at least'),
    unit: U.hours,
    clause: NATIONAL,
    requirementId: 'ST-6',
    help: t('五年不少于 360 学时', 'At least 360 hours in five years'),
  },
  'district.yearlyMinHours': {
    label: t('每学年最低学时', 'Minimum hours per school year'),
    unit: U.hours,
    clause: NATIONAL,
    requirementId: 'ST-6',
    help: t('360 学时 ÷ 5 年；低于此数列为进度落后', '360 hours ÷ 5 years; below it a teacher falls behind'),
  },
  'district.cycleStartYear': {
    label: t('本周期起始学年（年份）', 'First school year of the current cycle (year)'),
    clause: '学区设置',
    requirementId: 'ST-6',
    help: t('2026 = 2026-2027 学年起', '2026 = from the 2026-2027 school year'),
  },
  'district.floor': {
    label: t('向所属学校发布的制度下限', 'Floor published to the linked schools'),
    clause: '学区设置',
    requirementId: 'ST-6',
    help: zhiduDefault,
  },
  'district.floor.creditsPerYear': {
    label: t('学校每学年最低学分不得低于', 'Schools’ minimum credits per year may not go below'),
    unit: U.credits,
    clause: '学区设置',
    requirementId: 'ST-6',
    help: t('已关联学校修改“每学年最低学分”时不得低于此数，可以更高', 'A linked school may raise its minimum credits per year but not set it below this'),
  },
};
