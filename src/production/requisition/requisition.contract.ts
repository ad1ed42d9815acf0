import { z } from 'zod';
import { MonthSchema } from '#core/validation';
import { REQUISITION_STAGES } from './issue.rules';
import { REQUISITION_ACTIONS, REQUISITION_SOURCES, REQUISITION_STATES } from './requisition.schema';

// The HTTP contract of material requisitions (PP-17): request and response schemas, the one
// source of the types for the routes, the services and the web. Times leave as ISO strings.
// Nothing here reads the warehouse module at load time (it imports this module back).

const qty = z.number().min(0).max(1e12);
const Day = z.iso.date();

/** Without a workshop: the one the person belongs to. */
export const PlanDaysQuery = z.object({ workshopId: z.uuid().optional(), weekOf: Day.optional() });

export const PlannedProduct = z.object({ itemId: z.uuid(), code: z.string(), name: z.string(), unit: z.string(), qty: z.number() });

export const PlanDay = z.object({
  day: z.string(),
  /** weekly: the workshop's confirmed weekly plan; monthly: the monthly plan in force; null: nothing planned. */
  source: z.enum(REQUISITION_SOURCES).nullable(),
  planId: z.uuid().nullable(),
  products: z.array(PlannedProduct),
  /** Requisitions already made for this day (not rejected or withdrawn). */
  requisitions: z.array(z.object({ id: z.uuid(), number: z.string() })),
});

export const PlanDaysView = z.object({
  workshopId: z.uuid(),
  workshopName: z.string(),
  weekStart: z.string(),
  /** The workshop's weekly plan for the week exists but is not confirmed yet: the monthly plan is used. */
  hasUnconfirmedWeekly: z.boolean(),
  days: z.array(PlanDay),
});
export type PlanDaysView = z.infer<typeof PlanDaysView>;

export const ProposalBody = z.object({ workshopId: z.uuid(), days: z.array(Day).min(1).max(31) });
export type ProposalBody = z.infer<typeof ProposalBody>;

const ItemLabel = { itemId: z.uuid(), code: z.string(), name: z.string(), spec: z.string(), unit: z.string() };

export const ProposalLine = z.object({
  ...ItemLabel,
  /** The norm for the days: planned quantity × BOM quantity / yield × (1 + scrap). */
  normQty: z.number(),
  /** Already asked for the same days by earlier requisitions. */
  priorQty: z.number(),
  proposedQty: z.number(),
  onHand: z.number(),
});

export const ProposalView = z.object({
  workshopId: z.uuid(),
  days: z.array(z.string()),
  source: z.enum(REQUISITION_SOURCES),
  planId: z.uuid().nullable(),
  /** production.requisitionNormTolerance, so the page marks above-norm lines as people type. */
  tolerance: z.number(),
  lines: z.array(ProposalLine),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const RequisitionLineBody = z.object({
  itemId: z.uuid(),
  requestedQty: qty,
  /** Required when the line is above the norm. */
  reason: z.string().trim().max(500).optional(),
});

export const RequisitionBody = z.object({
  workshopId: z.uuid(),
  days: z.array(Day).min(1).max(31),
  note: z.string().trim().max(2000).optional(),
  lines: z.array(RequisitionLineBody).min(1).max(500),
});
export type RequisitionBody = z.infer<typeof RequisitionBody>;

export const ActionBody = z.object({ version: z.number().int(), opinion: z.string().trim().max(2000).optional() });
export type ActionBody = z.infer<typeof ActionBody>;

export const VIEWER_ACTIONS = ['approve', 'reject', 'withdraw', 'issue', 'return'] as const;
export type ViewerAction = (typeof VIEWER_ACTIONS)[number];

export const RequisitionLineView = z.object({
  lineNo: z.number().int(),
  ...ItemLabel,
  normQty: z.number(),
  priorQty: z.number(),
  requestedQty: z.number(),
  isAboveNorm: z.boolean(),
  reason: z.string(),
  issuedQty: z.number(),
  returnedQty: z.number(),
  outstandingQty: z.number(),
  onHand: z.number(),
});

export const RequisitionEventView = z.object({
  seq: z.number().int(),
  action: z.enum(REQUISITION_ACTIONS),
  fromState: z.enum(REQUISITION_STATES).nullable(),
  toState: z.enum(REQUISITION_STATES),
  actorName: z.string(),
  opinion: z.string().nullable(),
  at: z.string(),
});

/** The ledger's documents that reference the requisition: issues (出库) and returns (退料入库). */
export const RequisitionStockDoc = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.string(),
  purpose: z.string(),
  docDate: z.string(),
  postedAt: z.string(),
  isReversed: z.boolean(),
});

export const RequisitionView = z.object({
  id: z.uuid(),
  number: z.string(),
  workshopId: z.uuid(),
  workshopName: z.string(),
  days: z.array(z.string()),
  source: z.enum(REQUISITION_SOURCES),
  planId: z.uuid().nullable(),
  state: z.enum(REQUISITION_STATES),
  stage: z.enum(REQUISITION_STAGES),
  isAboveNorm: z.boolean(),
  aboveNormRole: z.string().nullable(),
  aboveNormRoleName: z.string().nullable(),
  note: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  aboveNormApprovedByName: z.string().nullable(),
  aboveNormApprovedAt: z.string().nullable(),
  version: z.number().int(),
  lines: z.array(RequisitionLineView),
  events: z.array(RequisitionEventView),
  documents: z.array(RequisitionStockDoc),
  /** What the viewer may do now; the page shows exactly these buttons. */
  allowedActions: z.array(z.enum(VIEWER_ACTIONS)),
});
export type RequisitionView = z.infer<typeof RequisitionView>;

export const RequisitionListQuery = z.object({
  workshopId: z.uuid().optional(),
  stage: z.enum(REQUISITION_STAGES).optional(),
  /** Plan days from / to. */
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export type RequisitionListQuery = z.infer<typeof RequisitionListQuery>;

export const RequisitionSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  workshopId: z.uuid(),
  workshopName: z.string(),
  days: z.array(z.string()),
  state: z.enum(REQUISITION_STATES),
  stage: z.enum(REQUISITION_STAGES),
  isAboveNorm: z.boolean(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  lineCount: z.number().int(),
});
export type RequisitionSummary = z.infer<typeof RequisitionSummary>;

export const IssueLineBody = z.object({
  itemId: z.uuid(),
  qty,
  locationId: z.uuid().nullish(),
  lot: z.string().trim().max(60).nullish(),
});

export const IssueBody = z.object({ lines: z.array(IssueLineBody).min(1).max(500), note: z.string().trim().max(2000).optional() });
export type IssueBody = z.infer<typeof IssueBody>;

export const IssueResult = z.object({
  documentId: z.uuid(),
  documentNumber: z.string(),
  /** Lines issued short under the record-shortage policy: they stay outstanding. */
  shortages: z.array(z.object({ itemId: z.uuid(), qty: z.number() })),
  requisition: RequisitionView,
});
export type IssueResult = z.infer<typeof IssueResult>;

export const RequisitionQr = z.object({ url: z.string(), svg: z.string() });

export const UsageQuery = z.object({ month: MonthSchema, workshopId: z.uuid().optional() });
export type UsageQuery = z.infer<typeof UsageQuery>;

export const UsageRowView = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  issuedQty: z.number(),
  normActualQty: z.number(),
  normPlannedQty: z.number(),
  varianceQty: z.number(),
  varianceRate: z.number().nullable(),
  isOverThreshold: z.boolean(),
});

const DocRef = z.object({ id: z.uuid(), number: z.string() });

export const WorkshopUsageView = z.object({
  workshopId: z.uuid(),
  workshopName: z.string(),
  rows: z.array(UsageRowView),
  requisitions: z.array(DocRef),
  receipts: z.array(DocRef),
  produced: z.array(PlannedProduct),
  findingId: z.uuid().nullable(),
});

export const UsageView = z.object({ month: z.string(), threshold: z.number(), workshops: z.array(WorkshopUsageView) });
export type UsageView = z.infer<typeof UsageView>;
export type WorkshopUsageView = z.infer<typeof WorkshopUsageView>;

export const AssessUsageBody = z.object({ month: MonthSchema });
export const AssessUsageResult = z.object({ created: z.array(z.uuid()), unchanged: z.number().int() });

export const MaterialNormRow = z.object({
  bomLineId: z.uuid(),
  productId: z.uuid(),
  productCode: z.string(),
  productName: z.string(),
  productUnit: z.string(),
  materialId: z.uuid(),
  materialCode: z.string(),
  materialName: z.string(),
  materialUnit: z.string(),
  qtyPer: z.number(),
  scrapRate: z.number(),
  yieldRate: z.number(),
  /** Per good unit of the product, scrap and yield included. */
  perUnit: z.number(),
  /** The workshop that draws it now, set or by the routing. */
  workshopId: z.uuid().nullable(),
  workshopName: z.string().nullable(),
  isAssigned: z.boolean(),
});
export type MaterialNormRow = z.infer<typeof MaterialNormRow>;

export const AssignNormBody = z.object({ workshopId: z.uuid().nullable() });
