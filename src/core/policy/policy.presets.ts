import {
  APPROVAL_DEFAULT,
  ASSESSMENT_T2,
  CALENDAR_CN,
  DEADLINES_PLANT,
  DEADLINES_SCHOOL,
  DISTRICT_D1,
  LEAGUE_S5,
  MEETINGS_PLANT,
  MEETINGS_SCHOOL,
  PRODUCTION_T2,
  SCHEDULE_S1,
  TRAINING_S2,
} from './base.presets';
import type { Policy, PresetName } from './policy.schema';

// One preset per regulation template (T1–T4 plants, S1–S4 schools, T5 the district
// backbone training plan). Where a template is silent the closest one's value is
// used; policy.meta.ts says which.

const plant = (production: Partial<Policy['production']>): Policy => ({
  production: { ...PRODUCTION_T2, ...production },
  assessment: ASSESSMENT_T2,
  training: TRAINING_S2,
  deadlines: DEADLINES_PLANT,
  calendar: CALENDAR_CN,
  meetings: MEETINGS_PLANT,
  approval: APPROVAL_DEFAULT,
  league: LEAGUE_S5,
  district: DISTRICT_D1,
});

const school = (training: Partial<Policy['training']>): Policy => ({
  production: { ...PRODUCTION_T2, monthlyPlanApproverRole: 'vp_production' },
  assessment: ASSESSMENT_T2,
  training: { ...TRAINING_S2, ...training },
  deadlines: DEADLINES_SCHOOL,
  calendar: CALENDAR_CN,
  meetings: MEETINGS_SCHOOL,
  approval: APPROVAL_DEFAULT,
  // Only S5 speaks of the League; every school takes its rules (and edits them).
  league: LEAGUE_S5,
  district: DISTRICT_D1,
});

// A district office runs no school of its own: its training section is the schools' S2 values
// (unused), its own section is the cycle and the floor.
const district = (values: Partial<Policy['district']>): Policy => ({ ...school({}), district: { ...DISTRICT_D1, ...values } });

export const POLICY_PRESETS: Record<PresetName, Policy> = {
  // T1 sets no monthly dates; the dates come from the second regulation printed under 篇二
  // (sales plan by the 5th, approval by the 9th, issue on the 10th).
  // 篇二所附制度 1.(2) and 2.(2): a plan revised for the market goes the same way as the plan.
  // Its 3.(1): the workshops' daily schedules follow the plan issued on the 10th.
  T1: plant({
    forecastDueDay: 5,
    monthlyPlanDueDay: 9,
    planIssueDay: 10,
    monthlyPlanApproverRole: 'vp_production',
    customerChangeApproverRole: 'vp_production',
    exceptionsAlwaysToVp: false,
    dailyScheduleDueDay: 20,
  }),
  // T2 五.1.2): the 外购外协件需求计划 is a monthly requirements plan, bought as needed.
  T2: plant({ purchaseLotPolicy: 'lot_for_lot', purchaseOrderPeriod: 'month' }),
  // T3 第五条: the monthly plan is approved by the production director; 第十一条: the
  // production meeting is held at month end.
  // 第十五条: a plan adjusted for a customer's change is approved by the GM.
  T3: plant({ monthlyPlanApproverRole: 'vp_production', dispatchMeetingDay: 31, exceptionsAlwaysToVp: false }),
  // T4 第十九条: compiled on the 28th and approved by the vice general manager; 第三十五条:
  // the vice GM hears of an exception when needed, not every time.
  T4: plant({ monthlyPlanApproverRole: 'vp_production', exceptionsAlwaysToVp: false }),
  T5: school({}),
  S1: school({}),
  S2: school({}),
  S3: school({}),
  // S4 学习制度 2: business study on Wednesday or Thursday for all teachers, not per group.
  S4: school({
    weeklySelfStudy: { journals: 2, articleExcerpts: 1, informationExcerpts: 1 },
    standingSchedule: [
      SCHEDULE_S1[0],
      { ...SCHEDULE_S1[1], code: 'business', titleZh: '业务学习', titleEn: 'Business study', audience: 'all', groupName: null, clause: 'S4 学习制度 2' },
      { ...SCHEDULE_S1[3], clause: 'S4 管理制度 3' },
    ],
  }),
  D1: district({}),
};

export type PresetKind = 'enterprise' | 'school' | 'district';

export const PRESET_LABELS: Record<PresetName, { zh: string; en: string; kind: PresetKind }> = {
  T1: { zh: 'T1 年度/季度滚动计划（篇一）', en: 'T1 annual plan with quarterly rolling (part 1)', kind: 'enterprise' },
  T2: { zh: 'T2 生产装备部月度计划与考核（篇二）', en: 'T2 monthly plans and penalties (part 2)', kind: 'enterprise' },
  T3: { zh: 'T3 生产计划编制、执行与调整（篇三）', en: 'T3 plan drafting, execution and adjustment (part 3)', kind: 'enterprise' },
  T4: { zh: 'T4 酒业生产计划管理办法（篇四）', en: 'T4 liquor plant production planning (part 4)', kind: 'enterprise' },
  T5: { zh: 'T5 区骨干教师培训计划（篇五）', en: 'T5 district backbone teacher training (part 5)', kind: 'school' },
  S1: { zh: 'S1 中心小学校本培训制度（第一篇）', en: 'S1 central primary school training rules (1st)', kind: 'school' },
  S2: { zh: 'S2 校本培训管理制度（第二篇）', en: 'S2 school-based training management (2nd)', kind: 'school' },
  S3: { zh: 'S3 校本培训管理制度（第三篇）', en: 'S3 school-based training management (3rd)', kind: 'school' },
  S4: { zh: 'S4 学校校本培训制度（第四篇）', en: 'S4 school training rules (4th)', kind: 'school' },
  D1: { zh: 'D1 区县教师发展中心（学区）', en: 'D1 district teacher-development office', kind: 'district' },
};

/** The preset an organisation starts from: its template, else the fullest of its kind. */
export function presetNameFor(template: string, kind: string): PresetName {
  if (template in POLICY_PRESETS) return template as PresetName;
  if (kind === 'district') return 'D1';
  return kind === 'school' ? 'S1' : 'T4';
}
