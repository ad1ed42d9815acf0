import { z } from 'zod';
import { MonthSchema } from '#core/validation';
import { UPKEEP_FREQUENCIES, UPKEEP_RESULTS } from './equipment.schema';

// Daily upkeep (PP-24, T4 第四十七条): the due list, the records and the monthly compliance.

export const UpkeepRecordInput = z.object({
  machineId: z.uuid(),
  entries: z
    .array(z.object({ itemId: z.uuid(), result: z.enum(UPKEEP_RESULTS), note: z.string().trim().max(500).optional() }))
    .min(1)
    .max(40),
});
export type UpkeepRecordInput = z.infer<typeof UpkeepRecordInput>;

export const UpkeepRecordAnswer = z.object({ recorded: z.number() });

export const DueQuery = z.object({ workshopId: z.uuid().optional() });

export const DueItem = z.object({
  machineId: z.string(),
  machineCode: z.string(),
  machineName: z.string(),
  itemId: z.string(),
  content: z.string(),
  method: z.string(),
  frequency: z.enum(UPKEEP_FREQUENCIES),
  status: z.enum(['due', 'overdue']),
  lastDoneOn: z.string().nullable(),
});
export type DueItem = z.infer<typeof DueItem>;

export const DueList = z.object({
  today: z.string(),
  workshops: z.array(z.object({ workshopId: z.string(), workshopName: z.string(), isWorkingDay: z.boolean(), items: z.array(DueItem) })),
});
export type DueList = z.infer<typeof DueList>;

export const RecordsQuery = z.object({ machineId: z.uuid().optional(), month: MonthSchema.optional() });
export type RecordsQuery = z.infer<typeof RecordsQuery>;

export const UpkeepRecordView = z.object({
  id: z.string(),
  machineId: z.string(),
  machineCode: z.string(),
  itemId: z.string(),
  content: z.string(),
  frequency: z.enum(UPKEEP_FREQUENCIES),
  doneAt: z.string(),
  doneByName: z.string(),
  result: z.enum(UPKEEP_RESULTS),
  note: z.string(),
});
export type UpkeepRecordView = z.infer<typeof UpkeepRecordView>;

export const ComplianceQuery = z.object({ month: MonthSchema, workshopId: z.uuid().optional() });
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

/** 定期检查设备日常保养状况: per machine and month, upkeep kept and spot checks made. */
export const ComplianceRow = z.object({
  machineId: z.string(),
  code: z.string(),
  name: z.string(),
  workshopName: z.string(),
  required: z.number(),
  done: z.number(),
  rate: z.number().nullable(),
  problems: z.number(),
  spotChecks: z.number(),
  anomalies: z.number(),
  downtimeHours: z.number(),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

export const ComplianceView = z.object({ month: z.string(), until: z.string(), rows: z.array(ComplianceRow) });
export type ComplianceView = z.infer<typeof ComplianceView>;
