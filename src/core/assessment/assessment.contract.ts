import { z } from 'zod';

// What the assessment API answers (CORE-8): findings with the steps the viewer may take, their
// events, the list's total and the filters' choices. The routes declare these schemas; the web
// imports the types.

export const FINDING_STATES = ['open', 'disputed', 'confirmed', 'withdrawn'] as const;
export const FINDING_COMMANDS = ['dispute', 'confirm', 'withdraw', 'falsified'] as const;
export const FINDING_ACTIONS = ['create', ...FINDING_COMMANDS] as const;

export const EvidenceSchema = z.object({ entity: z.string(), entityId: z.string(), label: z.string(), link: z.string().optional() });

export const FindingSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  ruleCode: z.string(),
  clause: z.string(),
  requirementId: z.string().nullable(),
  subjectUserId: z.string().nullable(),
  subjectDepartmentId: z.string().nullable(),
  subjectLabel: z.string(),
  period: z.string().nullable(),
  verdict: z.string(),
  amount: z.number().nullable(),
  summaryZh: z.string(),
  summaryEn: z.string(),
  evidence: z.array(EvidenceSchema),
  state: z.enum(FINDING_STATES),
  dedupeKey: z.string().nullable(),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  version: z.number().int(),
  isFalsified: z.boolean(),
  /** The amount before a falsification doubled it. */
  originalAmount: z.number().nullable(),
  updatedAt: z.date().nullable(),
  /** What the viewer may do now; the drawer shows exactly these buttons. */
  actions: z.array(z.enum(FINDING_COMMANDS)),
});
export type Finding = z.infer<typeof FindingSchema>;

export const FindingEventSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  seq: z.number().int(),
  findingId: z.string(),
  action: z.enum(FINDING_ACTIONS),
  fromState: z.enum(FINDING_STATES).nullable(),
  toState: z.enum(FINDING_STATES),
  actorId: z.string().nullable(),
  actorName: z.string(),
  reason: z.string().nullable(),
  amountBefore: z.number().nullable(),
  amountAfter: z.number().nullable(),
  at: z.date(),
});
export type FindingEvent = z.infer<typeof FindingEventSchema>;

export const FindingDetailSchema = FindingSchema.extend({ events: z.array(FindingEventSchema) });
export type FindingDetail = z.infer<typeof FindingDetailSchema>;

export const FindingListSchema = z.object({
  items: z.array(FindingSchema),
  /** Over every matching finding, not just the page; withdrawn ones add nothing to the amount. */
  total: z.object({ count: z.number().int(), amount: z.number() }),
});
export type FindingListView = z.infer<typeof FindingListSchema>;

export const FindingFacetsSchema = z.object({
  rules: z.array(z.object({ ruleCode: z.string(), clause: z.string() })),
  periods: z.array(z.string()),
});
export type FindingFacets = z.infer<typeof FindingFacetsSchema>;

export const FindingListQuery = z.object({
  state: z.enum(['open', 'disputed', 'confirmed', 'withdrawn']).optional(),
  ruleCode: z.string().max(200).optional(),
  period: z.string().max(40).optional(),
  verdict: z.string().max(60).optional(),
  subjectUserId: z.uuid().optional(),
  subjectDepartmentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const FindingReasonBody = z.object({ reason: z.string().trim().min(2).max(2000), version: z.number().int() });

export const FindingOpinionBody = z.object({ opinion: z.string().trim().min(2).max(2000), version: z.number().int() });
