import { z } from 'zod';
import { STOPPAGE_REASONS } from './report.schema';

// The daily report's HTTP contract (PP-18, PP-22): shift reports and the coordination items a
// lag opens. Request and response schemas, the one source of the types for routes, services
// and the web.

const qty = z.number().min(0).max(1e9);

export const ReportLineBody = z.object({
  itemId: z.uuid(),
  outputQty: qty,
  warehouseQty: qty,
  scrapQty: qty,
});

export const StoppageBody = z.object({
  reason: z.enum(STOPPAGE_REASONS),
  minutes: z.number().int().min(1).max(1440),
  itemId: z.uuid().nullish(),
  note: z.string().trim().max(500).optional(),
});

const Figures = {
  hoursWorked: z.number().min(0).max(1000),
  note: z.string().trim().max(2000).optional(),
  lines: z.array(ReportLineBody).max(200),
  stoppages: z.array(StoppageBody).max(20),
};

export const ReportBody = z.object({
  workshopId: z.uuid(),
  reportDate: z.iso.date(),
  shift: z.number().int().min(1).max(4),
  ...Figures,
});
export type ReportBody = z.infer<typeof ReportBody>;

export const AmendBody = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(2).max(1000),
  ...Figures,
});
export type AmendBody = z.infer<typeof AmendBody>;

export const ReportQuery = z.object({
  workshopId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const FormQuery = z.object({
  workshopId: z.uuid().optional(),
  date: z.iso.date().optional(),
  shift: z.coerce.number().int().min(1).max(4).optional(),
});
export type FormQuery = z.infer<typeof FormQuery>;

const Ref = z.object({ id: z.uuid(), number: z.string() });

export const ReportLineView = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  plannedQty: z.number(),
  outputQty: z.number(),
  warehouseQty: z.number(),
  scrapQty: z.number(),
});

export const StoppageView = z.object({
  reason: z.enum(STOPPAGE_REASONS),
  minutes: z.number().int(),
  itemId: z.uuid().nullable(),
  itemName: z.string().nullable(),
  note: z.string(),
});

export const RevisionView = z.object({
  amendment: z.number().int(),
  reason: z.string(),
  amendedAt: z.date(),
  amendedByName: z.string().nullable(),
  /** The values the amendment replaced. */
  lines: z.array(z.object({ itemId: z.uuid(), outputQty: z.number(), warehouseQty: z.number(), scrapQty: z.number() })),
  hoursWorked: z.number(),
});

export const ReportView = z.object({
  id: z.uuid(),
  number: z.string(),
  workshopId: z.uuid(),
  workshopName: z.string(),
  reportDate: z.string(),
  shift: z.number().int(),
  hoursWorked: z.number(),
  note: z.string(),
  amendment: z.number().int(),
  version: z.number().int(),
  reportedAt: z.date(),
  reportedByName: z.string().nullable(),
  amendedAt: z.date().nullable(),
  amendedByName: z.string().nullable(),
  receipt: Ref.nullable(),
  lines: z.array(ReportLineView),
  stoppages: z.array(StoppageView),
  revisions: z.array(RevisionView),
  canAmend: z.boolean(),
});
export type ReportView = z.infer<typeof ReportView>;

export const ReportSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  workshopId: z.uuid(),
  workshopName: z.string(),
  reportDate: z.string(),
  shift: z.number().int(),
  hoursWorked: z.number(),
  stoppageMinutes: z.number(),
  amendment: z.number().int(),
  reportedByName: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  lines: z.array(z.object({ itemId: z.uuid(), code: z.string(), name: z.string(), unit: z.string(), outputQty: z.number(), warehouseQty: z.number() })),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const FormLine = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  /** Today's plan of the workshop for the product. */
  plannedQty: z.number(),
  /** Output earlier shifts reported today. */
  reportedQty: z.number(),
  /** The product leaves into the warehouse from this workshop (its last operation). */
  isFinalOperation: z.boolean(),
});

export const ReportForm = z.object({
  date: z.string(),
  shift: z.number().int(),
  workshopId: z.uuid().nullable(),
  workshops: z.array(z.object({ id: z.uuid(), name: z.string(), shiftsPerDay: z.number().int() })),
  lines: z.array(FormLine),
  /** Other products the workshop makes, to add a line not in today's plan. */
  items: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), unit: z.string(), isFinalOperation: z.boolean() })),
  /** The shift's report when it is already in: the form amends it. */
  existing: ReportView.nullable(),
});
export type ReportForm = z.infer<typeof ReportForm>;

export const CoordinationView = z.object({
  id: z.uuid(),
  number: z.string(),
  workshopId: z.uuid(),
  workshopName: z.string(),
  itemId: z.uuid(),
  itemCode: z.string(),
  itemName: z.string(),
  unit: z.string(),
  openedOn: z.string(),
  asOf: z.string(),
  planToDate: z.number(),
  doneToDate: z.number(),
  lagQty: z.number(),
  lagDays: z.number(),
  measure: z.enum(['warehouse_receipt', 'reported_output']),
  ownerName: z.string().nullable(),
  state: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  resolvedByName: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  meetingTitle: z.string().nullable(),
  reportNumber: z.string().nullable(),
  version: z.number().int(),
});
export type CoordinationView = z.infer<typeof CoordinationView>;

export const CoordinationQuery = z.object({ state: z.enum(['open', 'resolved']).optional(), workshopId: z.uuid().optional() });

export const ResolveBody = z.object({
  version: z.number().int(),
  resolution: z.string().trim().min(2).max(2000),
  meetingId: z.uuid().nullish(),
});
export type ResolveBody = z.infer<typeof ResolveBody>;

export const MeetingLinkBody = z.object({ version: z.number().int(), meetingId: z.uuid() });
export type MeetingLinkBody = z.infer<typeof MeetingLinkBody>;
