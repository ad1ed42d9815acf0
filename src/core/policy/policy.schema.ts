import { z } from 'zod';

// Every number a regulation states is a parameter of the organisation. The labels,
// units and clauses shown in the editor live in policy.meta.ts; the values of each
// regulation template live in the preset files.

const dayOfMonth = z.number().int().min(1).max(31);
const days = z.number().int().min(0).max(366);
const money = z.number().min(0).max(1_000_000);
const share = z.number().min(0).max(1);
const roleCode = z.string().min(1).max(64);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

const ProductionSchema = z.object({
  forecastDueDay: dayOfMonth,
  monthlyPlanDueDay: dayOfMonth,
  planIssueDay: dayOfMonth,
  monthlyPlanApproverRole: roleCode,
  specialPlanIssueDays: days,
  temporaryPlanIssueDays: days,
  customerChangeNoticeDays: days,
  orderAdjustmentThreshold: z.number().min(0).max(10),
  capacity: z
    .object({ maxUtilisation: z.number().min(0.1).max(3), minUtilisation: share })
    .refine((c) => c.minUtilisation < c.maxUtilisation, { message: 'minUtilisation must be below maxUtilisation', path: ['minUtilisation'] }),
  dispatchMeetingDay: dayOfMonth,
  dispatchMeetingLeaveApproverRole: roleCode,
  safetyStockApproverRole: roleCode,
  salesStatisticsDueDay: dayOfMonth,
  completionMeasure: z.enum(['warehouse_receipt', 'reported_output']),
  /** An issue beyond stock: refused, or what is there goes out and the rest is recorded as a shortage (PP-16). */
  negativeStock: z.enum(['refuse', 'record_shortage']),
  /** Purchase plan lot size: order up to the maximum when below the minimum, or exactly the net need (PP-15). */
  purchaseLotPolicy: z.enum(['max_min', 'lot_for_lot']),
  /** Purchase orders are consolidated per supplier, material and this period (PP-15). */
  purchaseOrderPeriod: z.enum(['day', 'week', 'month']),
  maintenancePlanDueMonth: z.number().int().min(1).max(12),
  /** Chairs the coordination meeting and hears escalated exceptions (T4 第五十五条). */
  coordinationChairRole: roleCode,
  /** Every exception goes to the vice GM at once (T2 六.1.4)), not only when needed (T4 第三十五条). */
  exceptionsAlwaysToVp: z.boolean(),
  /** Approves a plan adjusted for a customer's contract change (T3 第十五条). */
  customerChangeApproverRole: roleCode,
  /** A requisition line may exceed its norm by this share before it is above the norm (PP-17). */
  requisitionNormTolerance: z.number().min(0).max(1),
  /** Who approves above-norm requisition lines after the workshop director (PP-17, T4 第三十条). */
  requisitionAboveNormApproverRole: roleCode,
  /** A month's use of a material beyond its norm by this share becomes a finding (PP-17, T4 第三十条). */
  materialVarianceThreshold: z.number().min(0).max(10),
  /** Month to date, a workshop and product behind plan by more than this share opens a coordination item (PP-18). */
  lagThresholdShare: share,
  /** A month-end variance above this share of the plan needs a cause and a corrective action (PP-18). */
  monthEndVarianceShare: share,
  /** Each workshop's daily schedule for next month is due by this day of the month (PP-29). */
  dailyScheduleDueDay: dayOfMonth,
  /** On this day of the month last month's completion is assessed by 进仓 (PP-27, PP-29). */
  completionAssessmentDay: dayOfMonth,
  /** Material stocks are set to this many days of need at maximum output (PP-7, T1 7). */
  materialReserveDays: z.number().min(0).max(366),
  /** Work in progress (semi-finished items) likewise, with its own days (PP-7, T1 7). */
  wipReserveDays: z.number().min(0).max(366),
  /** The ceilings change only when the annual plan moves by at least this percentage (PP-7, T1 7). */
  ceilingChangeThresholdPct: z.number().min(0).max(1000),
});

const AssessmentSchema = z.object({
  planLateIssuePenalty: money,
  poorOrganisationPenalty: money,
  qualityDelayPenalty: money,
  /** A penalty found to rest on falsified facts is multiplied by this (T2 七.5). */
  falsificationMultiplier: z.number().min(1).max(10),
  excludeImmatureProducts: z.boolean(),
  /** T4 第三十条 says 管理和考核 without an amount: 0 records the finding without one. */
  materialVariancePenalty: money,
});

export const CREDIT_CATEGORIES = ['theory', 'newCurriculum', 'language', 'subjectSkills', 'informationTechnology', 'moralEducation', 'degreeDistance'] as const;
export type CreditCategory = (typeof CREDIT_CATEGORIES)[number];

const CreditRuleSchema = z.object({
  creditsPerHour: z.number().min(0).max(10),
  maxCreditsPerYear: z.number().min(0).max(1000).nullable(),
});

const StandingSlotSchema = z.object({
  code: z.string().min(1).max(40),
  titleZh: z.string().min(1).max(100),
  titleEn: z.string().min(1).max(100),
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  startTime: time,
  durationMinutes: z.number().int().min(5).max(600),
  /** all = every teacher; group = one teaching-research group; eachGroup = every group on its own. */
  audience: z.enum(['all', 'group', 'eachGroup']),
  groupName: z.string().max(100).nullable(),
  category: z.enum(CREDIT_CATEGORIES),
  clause: z.string().max(60),
});

const weights = z.object({
  self: share,
  students: share,
  parents: share,
  peers: share,
  administrators: share,
});

const TrainingSchema = z.object({
  creditsPerYear: z.number().min(0).max(1000),
  minutesPerHour: z.number().int().min(1).max(120),
  maxHoursPerDay: z.number().min(0.5).max(24),
  minCountedMinutes: z.number().int().min(0).max(600),
  creditRules: z.object(Object.fromEntries(CREDIT_CATEGORIES.map((c) => [c, CreditRuleSchema])) as Record<CreditCategory, typeof CreditRuleSchema>),
  externalTrainingNeedsRecognition: z.boolean(),
  unexcusedAbsenceLimit: z.number().int().min(1).max(100),
  lateAfterMinutes: z.number().int().min(0).max(120),
  leftEarlyMinutes: z.number().int().min(0).max(120),
  attendanceLockDays: days,
  qrTokenSeconds: z.number().int().min(5).max(600),
  graceSeconds: z.number().int().min(0).max(300),
  leaveApproverRole: roleCode,
  /** The role that may correct one attendance record after the lock, with a reason (issue 13 item 2). */
  lockOverrideRole: roleCode,
  backboneTargetShare: share,
  backboneTrack: z
    .object({ totalHours: z.number().min(0).max(2000), theoryHours: z.number().min(0).max(2000), practiceHours: z.number().min(0).max(2000) })
    .refine((b) => b.theoryHours + b.practiceHours === b.totalHours, { message: 'theoryHours + practiceHours must equal totalHours', path: ['totalHours'] }),
  fourOnes: z.object({
    books: z.number().int().min(0).max(50),
    demoLessons: z.number().int().min(0).max(50),
    lessonEvaluations: z.number().int().min(0).max(50),
    narratives: z.number().int().min(0).max(50),
  }),
  evaluationWeights: weights.refine((w) => Math.abs(w.self + w.students + w.parents + w.peers + w.administrators - 1) < 1e-6, {
    message: 'the weights must add up to 1',
  }),
  weeklySelfStudy: z.object({
    journals: z.number().int().min(0).max(10),
    articleExcerpts: z.number().int().min(0).max(20),
    informationExcerpts: z.number().int().min(0).max(20),
  }),
  activitiesPerSemester: z.number().int().min(0).max(20),
  /** 先进教研组 (S2 六.(四)): no member criticised and at least this share commended (issue 13 item 6). */
  advancedGroupMinCommendedShare: share,
  standingSchedule: z.array(StandingSlotSchema).max(30),
  /** S2 五.5: the roles on the term-end assessment panel (学期末校本培训考核小组, issue 13 item 14). */
  termPanelRoles: z.array(roleCode).min(1).max(10),
  /** S1 学习制度 1: 年度考核记实手册按月签评 — who signs and in which months (issue 13 item 15). */
  handbookSignOff: z.object({
    signerRoles: z.array(roleCode).min(1).max(10),
    months: z.array(z.number().int().min(1).max(12)).min(1).max(12),
  }),
  /** S1 考勤 三: the roles of the leadership group that inspect the 《校本培训记录册》 (issue 13 item 15). */
  recordBookInspectorRoles: z.array(roleCode).min(1).max(10),
  /** S2 六.(二)、(三): the role that approves a teaching group's plan under the school plan (issue 13 item 16). */
  groupPlanApproverRole: roleCode,
});

const DeadlinesSchema = z.object({
  remindDaysBefore: days,
  escalateDaysAfter: days,
  escalateToRole: roleCode,
  /** A due day of the month that falls on a rest day: keep it, or move to the working day before or after. */
  dayOfMonthOnRestDay: z.enum(['keep', 'before', 'after']),
  withinDaysAreBusinessDays: z.boolean(),
});

const CalendarSchema = z.object({
  /** ISO weekdays that are rest days unless the holiday list makes them workdays (调休). */
  weekendDays: z.array(z.number().int().min(1).max(7)).max(7),
  /** Local time of the organisation; deadlines end at local midnight. China: +480. */
  utcOffsetMinutes: z.number().int().min(-720).max(840),
});

const MeetingsSchema = z.object({
  /** Leave must be asked at least this many minutes before the meeting starts (0 = any time before). */
  leaveCutoffMinutes: z.number().int().min(0).max(10080),
  lateAfterMinutes: z.number().int().min(0).max(120),
  onHoliday: z.enum(['skip', 'before', 'after']),
  generateMonthsAhead: z.number().int().min(1).max(24),
  generateWeeksAhead: z.number().int().min(1).max(104),
});

/** 团委工作 (S5): the League rules a school may set for itself (issue 13 item 13). */
const LeagueSchema = z.object({
  /** S5 三.2: the graduating grade whose members transfer out. */
  graduatingGrade: z.number().int().min(1).max(12),
  /** S5 三.2: from this month to the summer the graduating members are due to transfer out. */
  transferOutMonth: z.number().int().min(1).max(8),
  /** S5 三.6: a blackboard check every this many days. */
  blackboardEveryDays: z.number().int().min(1).max(60),
  /** S5 三.3: the ISO weekday of the flag-raising (1 = Monday). */
  flagRaisingWeekday: z.number().int().min(1).max(7),
  /** S5 四: the themed months of the second term, with their activities; a new plan may start from them. */
  themedMonths: z
    .array(z.object({ month: z.number().int().min(1).max(12), theme: z.string().max(50), activities: z.array(z.string().min(1).max(200)).max(30) }))
    .max(12),
});

/**
 * 学区 / 教育局 (district teacher-development office, issue 12): the five-year training cycle
 * its teachers are held to, and the floor its linked schools' policies may raise but not lower.
 */
const DistrictSchema = z.object({
  /** 教师培训周期（年）: a cycle of this many school years. */
  cycleYears: z.number().int().min(1).max(10),
  /** 每周期累计学时: hours a teacher owes over one cycle (360 学时 in five years). */
  cycleHours: z.number().min(0).max(5000),
  /** 每年最低学时: a teacher below this in a school year falls behind (72 学时). */
  yearlyMinHours: z.number().min(0).max(1000),
  /** The calendar year the current cycle's first school year starts (2026 → 2026-2027 … 2030-2031). */
  cycleStartYear: z.number().int().min(2000).max(2100),
  /** The floor published to linked schools: their training.creditsPerYear may not go below it. */
  floor: z.object({ creditsPerYear: z.number().min(0).max(1000) }),
});

const ApprovalSchema = z.object({
  allowSelfApproval: z.boolean(),
});

export const PolicySchema = z.object({
  production: ProductionSchema,
  assessment: AssessmentSchema,
  training: TrainingSchema,
  deadlines: DeadlinesSchema,
  calendar: CalendarSchema,
  meetings: MeetingsSchema,
  approval: ApprovalSchema,
  league: LeagueSchema,
  district: DistrictSchema,
});

export type Policy = z.infer<typeof PolicySchema>;
export type StandingSlot = z.infer<typeof StandingSlotSchema>;
export type PolicySection = keyof Policy;
export const POLICY_SECTIONS = Object.keys(PolicySchema.shape) as PolicySection[];

export const PRESET_NAMES = ['T1', 'T2', 'T3', 'T4', 'T5', 'S1', 'S2', 'S3', 'S4', 'D1'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
export const isPresetName = (value: string): value is PresetName => (PRESET_NAMES as readonly string[]).includes(value);
