import { z } from 'zod';
import { MonthSchema } from '#core/validation';
import { MAINTENANCE_CYCLES, SLOT_STATES } from './maintenance.schema';

// The annual maintenance plan (PP-25, T4 第四十八条) and its monthly split balanced against
// production (T4 第四十九条).

const Text = z.object({ zh: z.string(), en: z.string() });

export const MaintenancePlanCreate = z.object({ year: z.number().int().min(2000).max(2100) });
export type MaintenancePlanCreate = z.infer<typeof MaintenancePlanCreate>;

export const MaintenanceLineInput = z.object({
  id: z.uuid().optional(),
  machineId: z.uuid(),
  cycle: z.enum(MAINTENANCE_CYCLES),
  content: z.string().trim().min(2).max(500),
  ownerUserId: z.uuid().nullish(),
  hours: z.number().gt(0).max(744),
  months: z.array(z.number().int()).max(12),
  week: z.number().int().min(1).max(5).optional(),
});
export type MaintenanceLineInput = z.infer<typeof MaintenanceLineInput>;

export const MaintenanceLinesInput = z.object({ version: z.number().int(), lines: z.array(MaintenanceLineInput).max(2000) });
export type MaintenanceLinesInput = z.infer<typeof MaintenanceLinesInput>;

export const MaintenancePlanSummary = z.object({
  id: z.string(),
  year: z.number(),
  documentId: z.string(),
  number: z.string(),
  title: z.string(),
  state: z.string(),
  lineCount: z.number(),
  totalHours: z.number(),
  version: z.number(),
});
export type MaintenancePlanSummary = z.infer<typeof MaintenancePlanSummary>;

/** What the approval panel needs of the plan's document (the engine's own view has more). */
export const DocumentBrief = z.object({
  id: z.string(),
  number: z.string(),
  state: z.string(),
  version: z.number(),
  stepIndex: z.number().nullable(),
  steps: z.array(z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), roleCode: z.string() })),
  allowedActions: z.array(z.string()),
  canAcknowledge: z.boolean(),
  timeline: z.array(
    z.object({
      seq: z.number(),
      action: z.string(),
      toState: z.string(),
      stepNameZh: z.string().nullable(),
      stepNameEn: z.string().nullable(),
      actorName: z.string(),
      opinion: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

export const MaintenanceLineView = z.object({
  id: z.string(),
  machineId: z.string(),
  machineCode: z.string(),
  machineName: z.string(),
  workshopId: z.string(),
  workshopName: z.string(),
  cycle: z.enum(MAINTENANCE_CYCLES),
  content: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  hours: z.number(),
  months: z.array(z.number()),
  week: z.number(),
});
export type MaintenanceLineView = z.infer<typeof MaintenanceLineView>;

export const MaintenancePlanView = MaintenancePlanSummary.extend({
  /** The day the plan is due for approval (policy: production.maintenancePlanDueMonth, T4 第四十八条). */
  dueOn: z.string(),
  canEdit: z.boolean(),
  lines: z.array(MaintenanceLineView),
  /** Maintenance hours per workshop and month (1–12): the year at a glance. */
  monthHours: z.array(z.object({ workshopId: z.string(), workshopName: z.string(), hours: z.array(z.number()) })),
  document: DocumentBrief.nullable(),
});
export type MaintenancePlanView = z.infer<typeof MaintenancePlanView>;

/** One of them: a month (its weeks) or a year (its months). */
export const BalanceQuery = z.object({
  month: MonthSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type BalanceQuery = z.infer<typeof BalanceQuery>;

export const SlotView = z.object({
  id: z.string().nullable(),
  machineId: z.string(),
  machineCode: z.string(),
  machineName: z.string(),
  workshopId: z.string(),
  content: z.string(),
  ownerName: z.string().nullable(),
  plannedOn: z.string(),
  hours: z.number(),
  share: z.number(),
  state: z.enum(SLOT_STATES),
  actualHours: z.number().nullable(),
  version: z.number(),
});
export type SlotView = z.infer<typeof SlotView>;

/** One chart's data: each period's maintenance per workshop against its production load. */
export const MaintenanceBalance = z.object({
  period: z.enum(['month', 'year']),
  /** The month (YYYY-MM) or the year. */
  key: z.string(),
  maintenancePlan: z.object({ id: z.string(), number: z.string(), state: z.string() }).nullable(),
  /** The production plan whose capacity check gives the load; null when there is none yet. */
  productionPlan: z.object({ id: z.string(), title: z.string(), state: z.string() }).nullable(),
  groups: z.array(z.object({ start: z.string(), label: Text })),
  rows: z.array(
    z.object({
      workshopId: z.string(),
      workshopName: z.string(),
      lightest: z.string().nullable(),
      tight: z.array(z.string()),
      cells: z.array(
        z.object({
          start: z.string(),
          load: z.number().nullable(),
          capacity: z.number().nullable(),
          maintenanceHours: z.number(),
          maintenanceCapacity: z.number(),
          headroom: z.number().nullable(),
        }),
      ),
    }),
  ),
  slots: z.array(SlotView),
  /** Slots are movable once the annual plan is issued (T4 第四十九条). */
  isSplit: z.boolean(),
  maxUtilisation: z.number(),
});
export type MaintenanceBalance = z.infer<typeof MaintenanceBalance>;

export const SlotMove = z.object({ version: z.number().int(), plannedOn: z.iso.date() });
export type SlotMove = z.infer<typeof SlotMove>;
export const SlotDone = z.object({ version: z.number().int(), actualHours: z.number().min(0).max(744), note: z.string().trim().max(500).optional() });
export type SlotDone = z.infer<typeof SlotDone>;
