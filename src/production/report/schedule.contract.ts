import { z } from 'zod';
import { MonthSchema } from '#core/validation';
import { DOCUMENT_STATES } from '#core/approval';

// 日生产进度表 (PP-29, T2 (2011) 3.(1)): each workshop's daily schedule for next month, a
// document of the approval engine issued to the VP and the departments. The HTTP contract.

export const ScheduleCreateBody = z.object({ month: MonthSchema, workshopId: z.uuid() });
export type ScheduleCreateBody = z.infer<typeof ScheduleCreateBody>;

export const ScheduleLinesBody = z.object({
  version: z.number().int(),
  lines: z.array(z.object({ itemId: z.uuid(), quantities: z.array(z.number().min(0).max(1e9)).max(31) })).max(500),
});
export type ScheduleLinesBody = z.infer<typeof ScheduleLinesBody>;

export const ScheduleListQuery = z.object({ month: MonthSchema.optional() });

const DocState = z.enum(DOCUMENT_STATES);

export const ScheduleSummary = z.object({
  workshopId: z.uuid(),
  workshopName: z.string(),
  month: z.string(),
  /** null while the workshop has not drawn it up. */
  id: z.uuid().nullable(),
  documentId: z.uuid().nullable(),
  number: z.string().nullable(),
  state: DocState.nullable(),
  dueOn: z.string().nullable(),
  acknowledged: z.number().int(),
  recipients: z.number().int(),
  canCreate: z.boolean(),
});

export const ScheduleList = z.object({
  month: z.string(),
  /** The month's plan is issued, so schedules can be drawn from it. */
  planIssued: z.boolean(),
  planNumber: z.string().nullable(),
  workshops: z.array(ScheduleSummary),
});
export type ScheduleList = z.infer<typeof ScheduleList>;

export const ScheduleView = z.object({
  id: z.uuid(),
  month: z.string(),
  workshopId: z.uuid(),
  workshopName: z.string(),
  planId: z.uuid(),
  planNumber: z.string(),
  days: z.array(z.string()),
  /** The workshop works that day (capacity hours above 0). */
  working: z.array(z.boolean()),
  lines: z.array(
    z.object({
      itemId: z.uuid(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      quantities: z.array(z.number()),
      total: z.number(),
      /** The month's total the plan gives the workshop for the product. */
      planTotal: z.number(),
    }),
  ),
  document: z.object({ id: z.uuid(), number: z.string(), state: DocState, version: z.number().int() }),
  dueOn: z.string().nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type ScheduleView = z.infer<typeof ScheduleView>;
