import type { Policy, StandingSlot } from './policy.schema';

// The values every template shares or borrows. Each preset file starts from these and
// overrides what its own regulation says; policy.meta.ts names the clause of each value
// and notes where a template is silent and the value is borrowed.

export const PRODUCTION_T2: Policy['production'] = {
  forecastDueDay: 25,
  monthlyPlanDueDay: 28,
  planIssueDay: 31,
  monthlyPlanApproverRole: 'gm',
  specialPlanIssueDays: 2,
  temporaryPlanIssueDays: 1,
  customerChangeNoticeDays: 3,
  orderAdjustmentThreshold: 1,
  capacity: { maxUtilisation: 1, minUtilisation: 0.6 },
  dispatchMeetingDay: 28,
  dispatchMeetingLeaveApproverRole: 'production_head',
  safetyStockApproverRole: 'gm',
  salesStatisticsDueDay: 31,
  completionMeasure: 'warehouse_receipt',
  negativeStock: 'refuse',
  purchaseLotPolicy: 'max_min',
  purchaseOrderPeriod: 'week',
  maintenancePlanDueMonth: 1,
  coordinationChairRole: 'vp_production',
  exceptionsAlwaysToVp: true,
  customerChangeApproverRole: 'gm',
  requisitionNormTolerance: 0.02,
  requisitionAboveNormApproverRole: 'production_head',
  materialVarianceThreshold: 0.05,
  lagThresholdShare: 0.1,
  monthEndVarianceShare: 0.05,
  dailyScheduleDueDay: 31,
  completionAssessmentDay: 5,
  materialReserveDays: 30,
  wipReserveDays: 5,
  ceilingChangeThresholdPct: 20,
};

export const ASSESSMENT_T2: Policy['assessment'] = {
  planLateIssuePenalty: 50,
  poorOrganisationPenalty: 50,
  qualityDelayPenalty: 50,
  falsificationMultiplier: 2,
  excludeImmatureProducts: true,
  materialVariancePenalty: 0,
};

/** S1 学习制度 1–2 and 管理制度 3: the standing weekly schedule (ST-2). */
export const SCHEDULE_S1: StandingSlot[] = [
  {
    code: 'political',
    titleZh: '政治学习',
    titleEn: 'Political study',
    weekday: 1,
    startTime: '16:30',
    durationMinutes: 60,
    audience: 'all',
    groupName: null,
    category: 'moralEducation',
    clause: 'S1 学习制度 1',
  },
  {
    code: 'chinese',
    titleZh: '语文组业务学习',
    titleEn: 'Chinese group study',
    weekday: 3,
    startTime: '07:50',
    durationMinutes: 45,
    audience: 'group',
    groupName: '语文教研组',
    category: 'subjectSkills',
    clause: 'S1 学习制度 2',
  },
  {
    code: 'maths',
    titleZh: '数学组业务学习',
    titleEn: 'Maths group study',
    weekday: 4,
    startTime: '07:50',
    durationMinutes: 45,
    audience: 'group',
    groupName: '数学教研组',
    category: 'subjectSkills',
    clause: 'S1 学习制度 2',
  },
  {
    code: 'research',
    titleZh: '校本教研',
    titleEn: 'School-based teaching research',
    weekday: 5,
    startTime: '15:30',
    durationMinutes: 90,
    audience: 'eachGroup',
    groupName: null,
    category: 'newCurriculum',
    clause: 'S1 管理制度 3',
  },
];

const credit = { creditsPerHour: 1, maxCreditsPerYear: null };

export const TRAINING_S2: Policy['training'] = {
  creditsPerYear: 12,
  minutesPerHour: 45,
  maxHoursPerDay: 8,
  minCountedMinutes: 45,
  creditRules: {
    theory: credit,
    newCurriculum: credit,
    language: credit,
    subjectSkills: credit,
    informationTechnology: credit,
    moralEducation: credit,
    degreeDistance: credit,
  },
  externalTrainingNeedsRecognition: true,
  unexcusedAbsenceLimit: 3,
  lateAfterMinutes: 5,
  leftEarlyMinutes: 5,
  attendanceLockDays: 7,
  qrTokenSeconds: 15,
  graceSeconds: 5,
  leaveApproverRole: 'principal',
  lockOverrideRole: 'principal',
  backboneTargetShare: 0.2,
  backboneTrack: { totalHours: 100, theoryHours: 60, practiceHours: 40 },
  fourOnes: { books: 1, demoLessons: 1, lessonEvaluations: 1, narratives: 1 },
  evaluationWeights: { self: 0.2, students: 0.2, parents: 0.2, peers: 0.2, administrators: 0.2 },
  weeklySelfStudy: { journals: 1, articleExcerpts: 1, informationExcerpts: 1 },
  activitiesPerSemester: 1,
  advancedGroupMinCommendedShare: 0.5,
  standingSchedule: SCHEDULE_S1,
  termPanelRoles: ['principal', 'academic_director'],
  // Every month teachers are at school: September to January, March to June.
  handbookSignOff: { signerRoles: ['group_leader', 'academic_director'], months: [9, 10, 11, 12, 1, 3, 4, 5, 6] },
  recordBookInspectorRoles: ['principal', 'academic_director'],
  groupPlanApproverRole: 'academic_director',
};

export const DEADLINES_PLANT: Policy['deadlines'] = {
  remindDaysBefore: 2,
  escalateDaysAfter: 1,
  escalateToRole: 'vp_production',
  dayOfMonthOnRestDay: 'keep',
  withinDaysAreBusinessDays: false,
};

export const DEADLINES_SCHOOL: Policy['deadlines'] = { ...DEADLINES_PLANT, escalateToRole: 'principal' };

export const CALENDAR_CN: Policy['calendar'] = { weekendDays: [6, 7], utcOffsetMinutes: 480 };

export const MEETINGS_PLANT: Policy['meetings'] = {
  leaveCutoffMinutes: 0,
  lateAfterMinutes: 5,
  onHoliday: 'before',
  generateMonthsAhead: 3,
  generateWeeksAhead: 8,
};

export const MEETINGS_SCHOOL: Policy['meetings'] = { ...MEETINGS_PLANT, onHoliday: 'skip' };

export const APPROVAL_DEFAULT: Policy['approval'] = { allowSelfApproval: false };

/**
 * S5 三.2, 三.3, 三.6, 四: grade 9 transfers out from May, flag-raising each Monday, a
 * blackboard check every two weeks, and the second term's themed education months.
 */
export const LEAGUE_S5: Policy['league'] = {
  graduatingGrade: 9,
  transferOutMonth: 5,
  blackboardEveryDays: 14,
  flagRaisingWeekday: 1,
  themedMonths: [
    {
      month: 2,
      theme: '习惯养成教育月',
      activities: [
        '总结学生寒假实践活动',
        '召开各支部会议，布置本学期主要工作',
        '团员注册，支部委员摸底',
        '完善团员档案',
        '文明中学生养成教育和宣传',
        '开学班级板报、升旗仪式和宣传栏更换',
      ],
    },
    { month: 3, theme: '学雷锋活动月', activities: ['学雷锋活动月的启动和组织', '“青春风铃”广播社开播', '组织书画或摄影展', '七年级预备团员产生'] },
    { month: 4, theme: '传统美德教育月', activities: ['上好团课', '开展征文评比', '组织传统美德教育月'] },
    { month: 5, theme: '学校安全教育月', activities: ['九年级团籍转出', '新团员入团宣誓仪式', '组织演讲比赛', '安全教育月活动', '志愿者为敬老院老人献爱心'] },
    { month: 6, theme: '总结实践月', activities: ['做好学期末评优工作', '安排好暑假实践活动'] },
  ],
};

/**
 * D1 区县教师发展中心: a five-year cycle of 360 学时 with at least 72 a year (ST-6 statistics
 * caliber), the current cycle from the 2026-2027 school year, and a floor of the schools' 12 credits.
 */
export const DISTRICT_D1: Policy['district'] = {
  cycleYears: 5,
  cycleHours: 360,
  yearlyMinHours: 72,
  cycleStartYear: 2026,
  floor: { creditsPerYear: 12 },
};
