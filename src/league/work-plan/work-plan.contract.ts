import { z } from 'zod';

// The term work plan (YL-2), weekly flag-raising and blackboard checks (YL-3).

const Term = z.union([z.literal(1), z.literal(2)]);

export const ThemedMonthSchema = z.object({ month: z.number(), theme: z.string(), activities: z.array(z.string()) });

export const LeaguePlanItemSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  planId: z.string(),
  month: z.number(),
  theme: z.string().nullable(),
  title: z.string(),
  state: z.enum(['planned', 'done', 'dropped']),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  sort: z.number(),
  version: z.number(),
});
export type LeaguePlanItem = z.infer<typeof LeaguePlanItemSchema>;

export const LeaguePlanSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  schoolYear: z.string(),
  term: Term,
  title: z.string(),
  guiding: z.string(),
  goals: z.string(),
  version: z.number(),
  createdAt: z.date(),
  items: z.array(LeaguePlanItemSchema),
  /** Month → theme, for the month headers. */
  themes: z.record(z.string(), z.string().nullable()),
});

export const TermPlanSchema = z.object({ schoolYear: z.string(), term: Term, plan: LeaguePlanSchema.nullable() });
export type TermPlan = z.infer<typeof TermPlanSchema>;

export const FlagRaisingSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  weekStart: z.string(),
  theme: z.string(),
  focus: z.string().nullable(),
  classMeetingTheme: z.string().nullable(),
  blackboardTheme: z.string().nullable(),
  speaker: z.string().nullable(),
  heldOn: z.string().nullable(),
  version: z.number(),
});
export type FlagRaising = z.infer<typeof FlagRaisingSchema>;

export const FlagRaisingWeeksSchema = z.object({
  weekday: z.number(),
  weeks: z.array(z.object({ weekStart: z.string(), record: FlagRaisingSchema.nullable() })),
  missing: z.array(z.string()),
});
export type FlagRaisingWeeks = z.infer<typeof FlagRaisingWeeksSchema>;

export const CriterionSchema = z.object({ item: z.string(), points: z.number() });

export const BlackboardCheckSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  theme: z.string(),
  checkOn: z.string(),
  criteria: z.array(CriterionSchema),
  publishedAt: z.date().nullable(),
  version: z.number(),
});

export const BlackboardScoreSchema = z.object({
  orgId: z.string(),
  checkId: z.string(),
  branchId: z.string(),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  comment: z.string().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: z.date(),
});

export const BlackboardCheckViewSchema = BlackboardCheckSchema.extend({ results: z.array(BlackboardScoreSchema.extend({ branchName: z.string() })) });
export type BlackboardCheckView = z.infer<typeof BlackboardCheckViewSchema>;

// Requests (issue 16 item 2): the routes declare these, the services take their z.infer types.
const Day = z.iso.date();
export const Year = z.string().regex(/^\d{4}-\d{4}$/);

export const NewPlanBody = z.object({
  schoolYear: Year,
  term: z.union([z.literal(1), z.literal(2)]),
  title: z.string().max(200),
  guiding: z.string().max(5000).optional(),
  goals: z.string().max(5000).optional(),
  useTemplate: z.boolean(),
});

export const NewPlanItemBody = z.object({ month: z.number().int().min(1).max(12), theme: z.string().max(50).nullish(), title: z.string().max(200) });

export const PlanItemChangeBody = z.object({
  state: z.enum(['planned', 'done', 'dropped']),
  doneOn: Day.nullish(),
  note: z.string().max(1000).nullish(),
  version: z.number().int(),
});

export const FlagRaisingBody = z.object({
  weekStart: Day,
  theme: z.string().max(100),
  focus: z.string().max(500).nullish(),
  classMeetingTheme: z.string().max(100).nullish(),
  blackboardTheme: z.string().max(100).nullish(),
  speaker: z.string().max(50).nullish(),
  heldOn: Day.nullish(),
});

export const BlackboardScheduleBody = z.object({
  firstCheckOn: Day,
  to: Day,
  themes: z.array(z.string().trim().min(1).max(100)).max(20),
  criteria: z
    .array(z.object({ item: z.string().max(100), points: z.number().min(1).max(100) }))
    .max(10)
    .optional(),
});

export const BranchScoreBody = z.object({ branchId: z.uuid(), scores: z.record(z.string().max(100), z.number()), comment: z.string().max(500).nullish() });

export const TermQuery = z.object({ schoolYear: Year.optional(), term: z.coerce.number().int().min(1).max(2).optional() });
