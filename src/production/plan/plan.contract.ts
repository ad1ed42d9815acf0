import { z } from 'zod';
import { DOCUMENT_STATES } from '#core/approval';
import { COUNTERMEASURE_KINDS } from '../capacity/index';
import { DocView, isMonth, Text } from '../common/index';
import type { AggregatePlanResult } from '../planning/index';
import { ANNUAL_PARTIES, PLAN_KINDS } from './plan.schema';

// The plans' answers (PP-5 … PP-11): the list, the plan screen with its capacity check and
// approval, line saves, materials, revision diffs, order absorption, the level plan, the
// annual plan's inputs (the special/temporary requirements: plan-request.contract.ts).

/** A plan's document states: the approval engine's, and a confirmed temporary plan. */
const PLAN_STATES = [...DOCUMENT_STATES, 'confirmed'] as const;
const CAPACITY_STATUSES = ['unchecked', 'ok', 'over', 'under', 'over_under'] as const;

export const ItemLabel = z.object({ code: z.string(), name: z.string(), spec: z.string(), unit: z.string(), category: z.string() });
export type ItemLabel = z.infer<typeof ItemLabel>;
const ItemLabels = z.record(z.string(), ItemLabel);

// The capacity check (PP-9), as capacity.rules computes it.
export const HeatCell = z.object({
  start: z.string(),
  load: z.number(),
  capacity: z.number(),
  utilisation: z.number().nullable(),
  over: z.boolean(),
  under: z.boolean(),
  items: z.array(z.object({ itemId: z.string(), hours: z.number() })),
});
export const HeatRow = z.object({
  workshopId: z.string(),
  code: z.string(),
  name: z.string(),
  cells: z.array(HeatCell),
  totalLoad: z.number(),
  totalCapacity: z.number(),
});
export const CapacityCheck = z.object({
  thresholds: z.object({ maxUtilisation: z.number(), minUtilisation: z.number() }),
  groups: z.array(z.object({ start: z.string(), label: Text })),
  rows: z.array(HeatRow),
  outOfHorizon: z.array(z.object({ itemId: z.string(), workshopId: z.string(), bucket: z.number(), hours: z.number() })),
  unrouted: z.array(z.object({ itemId: z.string(), qty: z.number() })),
  calendar: z.string().optional(),
});
export const OverloadOut = z.object({
  workshopId: z.string(),
  workshopName: z.string(),
  start: z.string(),
  label: Text,
  utilisation: z.number().nullable(),
  load: z.number(),
  capacity: z.number(),
});
export const CoveredOverloadOut = OverloadOut.extend({
  excessHours: z.number(),
  coveredHours: z.number(),
  missingHours: z.number(),
  isCovered: z.boolean(),
  countermeasureIds: z.array(z.string()),
});
export const CountermeasureVerdictOut = z.object({ id: z.string(), usedHours: z.number(), answers: z.array(z.string()), isSufficient: z.boolean() });

export const CountermeasureOut = z.object({
  id: z.string(),
  planId: z.string(),
  workshopId: z.string(),
  bucketStart: z.string(),
  bucketEnd: z.string().nullable(),
  kind: z.enum(COUNTERMEASURE_KINDS),
  description: z.string(),
  extraHours: z.number().nullable(),
  sharePct: z.number().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  version: z.number().int(),
});
export type CountermeasureOut = z.infer<typeof CountermeasureOut>;

export const MaterialSummaryOut = z.object({
  make: z.number(),
  buy: z.number(),
  outsource: z.number(),
  /** Items whose release date has passed: short unless expedited (PP-16, T4 第二十六条). */
  shortages: z.array(z.object({ itemId: z.string(), qty: z.number(), needOn: z.string(), releaseOn: z.string() })),
});
export type MaterialSummaryOut = z.infer<typeof MaterialSummaryOut>;

export const PlanSummary = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  workshopId: z.string().nullable(),
  workshopName: z.string().nullable(),
  documentId: z.string().nullable(),
  number: z.string().nullable(),
  state: z.string(),
  revision: z.number().int().nullable(),
  effectiveRevision: z.number().int().nullable(),
  capacityStatus: z.string(),
  lineCount: z.number().int(),
  total: z.number(),
  updatedAt: z.date(),
  link: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** A plan as stored (the answer to a create, a weekly split or a confirmation). */
export const PlanOut = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  bucket: z.enum(['day', 'month']),
  workshopId: z.string().nullable(),
  documentId: z.string().nullable(),
  parentPlanId: z.string().nullable(),
  requestId: z.string().nullable(),
  capacityStatus: z.enum(CAPACITY_STATUSES),
  capacityCalendarChangedOn: z.string().nullable(),
  underReportedAt: z.date().nullable(),
  materialsAt: z.date().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.date().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type PlanOut = z.infer<typeof PlanOut>;

export const PlanLineOut = z.object({
  itemId: z.string(),
  forecastQty: z.number().nullable(),
  quantities: z.array(z.number()),
  total: z.number(),
  note: z.string(),
});

/** Everything the plan screen shows: grid, capacity heat map, countermeasures, approval. */
export const PlanView = PlanOut.pick({
  id: true,
  kind: true,
  title: true,
  periodStart: true,
  periodEnd: true,
  bucket: true,
  workshopId: true,
  parentPlanId: true,
  requestId: true,
  version: true,
  documentId: true,
  confirmedAt: true,
  capacityStatus: true,
  capacityCalendarChangedOn: true,
  underReportedAt: true,
  materialsAt: true,
}).extend({
  workshopName: z.string().nullable(),
  state: z.enum(PLAN_STATES),
  number: z.string().nullable(),
  revision: z.number().int().nullable(),
  effectiveRevision: z.number().int().nullable(),
  isEditable: z.boolean(),
  canEdit: z.boolean(),
  buckets: z.array(z.string()),
  capacityGroups: z.array(z.object({ start: z.string(), label: Text })),
  lines: z.array(PlanLineOut),
  items: ItemLabels,
  capacity: CapacityCheck.nullable(),
  isCapacityFresh: z.boolean(),
  overloads: z.array(CoveredOverloadOut),
  allOverloads: z.array(CoveredOverloadOut),
  countermeasureCheck: z.array(CountermeasureVerdictOut),
  underloads: z.array(OverloadOut),
  countermeasures: z.array(CountermeasureOut),
  materialsSummary: MaterialSummaryOut.nullable(),
  revisions: z.array(z.number().int()),
  document: DocView.nullable(),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanIdOut = z.object({ id: z.string() });

/** The answer to a save of lines (and of a fill, a copy, an import, a level plan applied). */
export const LinesSaved = z.object({ version: z.number().int(), lineCount: z.number().int(), total: z.number(), capacity: CapacityCheck });
export type LinesSaved = z.infer<typeof LinesSaved>;

export const PlanMaterials = z.object({
  materialsAt: z.date().nullable(),
  summary: MaterialSummaryOut.nullable(),
  rows: z.array(
    z.object({
      itemId: z.string(),
      code: z.string(),
      name: z.string(),
      spec: z.string(),
      unit: z.string(),
      kind: z.enum(['make', 'buy', 'outsource']),
      needOn: z.string(),
      releaseOn: z.string(),
      gross: z.number(),
      qty: z.number(),
      isPastDue: z.boolean(),
    }),
  ),
});
export type PlanMaterials = z.infer<typeof PlanMaterials>;

const RevisionRef = z.union([z.number().int(), z.literal('working')]);
export const PlanDiff = z.object({
  from: RevisionRef,
  to: RevisionRef,
  buckets: z.array(z.string()),
  changes: z.array(
    z.object({
      itemId: z.string(),
      kind: z.enum(['added', 'removed', 'changed']),
      totalBefore: z.number(),
      totalAfter: z.number(),
      forecastBefore: z.number().nullable(),
      forecastAfter: z.number().nullable(),
      buckets: z.array(z.object({ index: z.number().int(), before: z.number(), after: z.number() })),
    }),
  ),
  items: ItemLabels,
});
export type PlanDiff = z.infer<typeof PlanDiff>;

export const AbsorptionRow = z.object({
  id: z.string(),
  orderId: z.string(),
  orderLineId: z.string(),
  salesSheetNumber: z.string().nullable(),
  customer: z.string(),
  planId: z.string(),
  itemId: z.string(),
  orderQty: z.number(),
  forecastQty: z.number(),
  cumulativeQty: z.number(),
  decision: z.enum(['pending', 'absorbed', 'adjusted']),
  planRevision: z.number().int().nullable(),
  createdAt: z.date(),
});
export type AbsorptionRow = z.infer<typeof AbsorptionRow>;

export const OrderHeadroom = z.object({
  threshold: z.number(),
  basis: z.enum(['draft', 'in_force']),
  revision: z.number().int().nullable(),
  state: z.enum(DOCUMENT_STATES).nullable(),
  rows: z.array(
    z.object({
      itemId: z.string(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      forecastQty: z.number(),
      limitQty: z.number(),
      orderedQty: z.number(),
      headroom: z.number(),
      isOver: z.boolean(),
    }),
  ),
});
export type OrderHeadroom = z.infer<typeof OrderHeadroom>;

export const AbsorptionResultOut = z.object({
  itemId: z.string(),
  month: z.string(),
  decision: z.enum(['absorbed', 'adjusted', 'pending', 'no_plan']),
  forecastQty: z.number().optional(),
  cumulativeQty: z.number().optional(),
  excess: z.number().optional(),
  planId: z.string().optional(),
  revision: z.number().int().optional(),
});

/** The level (aggregate) plan of an annual plan: the bottleneck workshop, the months, HiGHS's answer. */
export const LevelPlanView = z.object({
  planId: z.string(),
  bottleneck: z.object({ id: z.string(), name: z.string() }).nullable(),
  months: z.array(z.string()),
  // The solver's answer as the aggregate kernel returns it (planning/aggregate.kernel.ts).
  result: z.custom<AggregatePlanResult>().nullable(),
  families: z.array(z.object({ itemId: z.string(), demand: z.array(z.number()), hoursPerUnit: z.number(), onHand: z.number(), safetyStock: z.number() })),
  items: z.record(z.string(), ItemLabel.pick({ code: true, name: true, unit: true })),
});
export type LevelPlanView = z.infer<typeof LevelPlanView>;

export const AnnualInputOut = z.object({
  id: z.string(),
  planId: z.string(),
  party: z.enum(ANNUAL_PARTIES),
  content: z.string(),
  submittedBy: z.string(),
  submittedAt: z.date(),
  version: z.number().int(),
});
export const AnnualInputView = AnnualInputOut.extend({ submittedByName: z.string() });
export type AnnualInputView = z.infer<typeof AnnualInputView>;

// Request schemas.

/** The plans list's filters (GET /production/plans). */
export const PlansQuery = z.object({
  kind: z.enum(PLAN_KINDS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  workshopId: z.uuid().optional(),
});

/** A new annual, quarterly or monthly plan (POST /production/plans). */
export const NewPlanBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annual'), year: z.number().int().min(2000).max(2100) }),
  z.object({ kind: z.literal('quarterly'), year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('monthly'), month: z.string().refine(isMonth, 'YYYY-MM') }),
]);
export type NewPlanBody = z.infer<typeof NewPlanBody>;

/** A plan's version, for the actions that only check it. */
export const PlanVersionBody = z.object({ version: z.number().int() });

/** One line of a plan grid. */
export const PlanLineBody = z.object({
  itemId: z.uuid(),
  quantities: z.array(z.number().min(0).max(1e12)).max(400),
  forecastQty: z.number().min(0).max(1e12).nullish(),
  note: z.string().max(500).optional(),
});
export type PlanLineBody = z.infer<typeof PlanLineBody>;

/** Saving a plan's lines: the whole grid or only the changed rows (PUT /production/plans/:id/lines). */
export const PlanLinesBody = z.object({
  version: z.number().int(),
  lines: z.array(PlanLineBody).max(20000).optional(),
  upsert: z.array(PlanLineBody).max(20000).optional(),
  remove: z.array(z.uuid()).max(20000).optional(),
});
export type PlanLinesBody = z.infer<typeof PlanLinesBody>;

/** Unsaved edits whose capacity is previewed (PP-9). */
export const CapacityPreviewBody = z.object({ upsert: z.array(PlanLineBody).max(20000), remove: z.array(z.uuid()).max(20000).optional() });

/** Submitting a plan for approval. */
export const PlanSubmitBody = z.object({ version: z.number().int(), opinion: z.string().max(2000).nullish() });
export type PlanSubmitBody = z.infer<typeof PlanSubmitBody>;

/** A countermeasure to an overload (PP-9). */
export const CountermeasureBody = z.object({
  workshopId: z.uuid(),
  bucketStart: z.iso.date(),
  bucketEnd: z.iso.date().nullish(),
  kind: z.enum(COUNTERMEASURE_KINDS),
  description: z.string().max(2000),
  extraHours: z.number().min(0).max(100000).nullish(),
  sharePct: z.number().min(0).max(100).nullish(),
});
export type CountermeasureBody = z.infer<typeof CountermeasureBody>;

const Rev = z.union([z.literal('working'), z.coerce.number().int().positive()]);
/** The two revisions compared (CORE-4). */
export const PlanDiffQuery = z.object({ from: Rev, to: Rev });

/** The week the weekly workshop plans are derived for (PP-10). */
export const WeeklyDeriveBody = z.object({ weekOf: z.iso.date() });

/** A department's input to the annual plan (PP-6). */
export const AnnualInputBody = z.object({ content: z.string().max(10000) });
