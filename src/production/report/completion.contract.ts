import { z } from 'zod';
import { MonthSchema } from '#core/validation';
import { CAUSE_KINDS } from './report.schema';
import { CoordinationView } from './report.contract';

// Plan against completion (计划完成情况, PP-18, PP-22) and the month-end statistics with their
// causes (月度统计, PP-18, PP-29): the HTTP contract.

const Measure = z.enum(['warehouse_receipt', 'reported_output']);

export const ProgressQuery = z.object({ date: z.iso.date().optional(), workshopId: z.uuid().optional() });
export type ProgressQuery = z.infer<typeof ProgressQuery>;

export const ProgressFigures = z.object({
  planToDate: z.number(),
  doneToDate: z.number(),
  lagQty: z.number(),
  lagShare: z.number(),
  lagDays: z.number(),
  periodPlan: z.number(),
});

export const ProgressRow = z.object({
  workshopId: z.uuid(),
  workshopName: z.string(),
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  isFinalOperation: z.boolean(),
  today: z.object({ plan: z.number(), done: z.number(), output: z.number(), received: z.number() }),
  week: ProgressFigures,
  month: ProgressFigures,
  isLagging: z.boolean(),
  /** Month to date, day by day: cumulative plan and completion (the chart). */
  cumPlan: z.array(z.number()),
  cumDone: z.array(z.number()),
});

export const ProgressView = z.object({
  date: z.string(),
  month: z.string(),
  weekStart: z.string(),
  /** The last complete day the week and month figures run to (today is still being worked). */
  asOf: z.string().nullable(),
  measure: Measure,
  lagThresholdShare: z.number(),
  days: z.array(z.string()),
  rows: z.array(ProgressRow),
  coordination: z.array(CoordinationView),
});
export type ProgressView = z.infer<typeof ProgressView>;

export const MonthQuery = z.object({
  month: MonthSchema.optional(),
});

export const CauseView = z.object({
  id: z.uuid(),
  causeKind: z.enum(CAUSE_KINDS),
  cause: z.string(),
  correctiveAction: z.string(),
  enteredByName: z.string().nullable(),
  enteredAt: z.date(),
  version: z.number().int(),
});

export const MonthRow = z.object({
  workshopId: z.uuid(),
  workshopName: z.string(),
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  isMature: z.boolean(),
  isFinalOperation: z.boolean(),
  plan: z.number(),
  output: z.number(),
  received: z.number(),
  completed: z.number(),
  variance: z.number(),
  rate: z.number().nullable(),
  isLarge: z.boolean(),
  /** A large variance still without its cause and corrective action. */
  needsCause: z.boolean(),
  cause: CauseView.nullable(),
  canEnterCause: z.boolean(),
});
export type MonthRow = z.infer<typeof MonthRow>;

export const WorkshopAssessment = z.object({
  workshopId: z.uuid(),
  workshopName: z.string(),
  lines: z.number().int(),
  completedLines: z.number().int(),
  /** Mean completion rate of its plan lines (each capped at 100%). */
  meanRate: z.number().nullable(),
  largeVariances: z.number().int(),
  missingCauses: z.number().int(),
});

export const MonthFinding = z.object({
  id: z.uuid(),
  ruleCode: z.string(),
  clause: z.string(),
  subjectLabel: z.string(),
  amount: z.number().nullable(),
  state: z.string(),
  summaryZh: z.string(),
  summaryEn: z.string(),
});

export const MonthEndView = z.object({
  month: z.string(),
  measure: Measure,
  varianceShare: z.number(),
  /** The month is over: the figures are final. */
  isClosed: z.boolean(),
  rows: z.array(MonthRow),
  workshops: z.array(WorkshopAssessment),
  /** T2 七.6: immature products' lines, for their own assessment. */
  immature: z.array(MonthRow),
  findings: z.array(MonthFinding),
});
export type MonthEndView = z.infer<typeof MonthEndView>;

export const CauseBody = z.object({
  month: MonthSchema,
  workshopId: z.uuid(),
  itemId: z.uuid(),
  causeKind: z.enum(CAUSE_KINDS),
  cause: z.string().trim().min(2).max(2000),
  correctiveAction: z.string().trim().min(2).max(2000),
  /** The cause's version when changing one already entered. */
  version: z.number().int().optional(),
});
export type CauseBody = z.infer<typeof CauseBody>;
