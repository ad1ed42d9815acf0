import { z } from 'zod';
import { MACHINE_STATES, REPAIR_SOURCES, REPAIR_STATES, UPKEEP_FREQUENCIES } from './equipment.schema';

// Spot checks before each operation and repair orders (PP-26, T4 第五十 … 五十二条).

export const SpotCheckInput = z.object({
  machineId: z.uuid(),
  items: z
    .array(z.object({ itemId: z.uuid(), isOk: z.boolean(), note: z.string().trim().max(500).optional() }))
    .min(1)
    .max(40),
  note: z.string().trim().max(1000).optional(),
});
export type SpotCheckInput = z.infer<typeof SpotCheckInput>;

export const SpotCheckAnswer = z.object({
  id: z.string(),
  result: z.enum(['ok', 'anomaly']),
  machineState: z.enum(MACHINE_STATES),
  repair: z.object({ id: z.string(), number: z.string() }).nullable(),
});
export type SpotCheckAnswer = z.infer<typeof SpotCheckAnswer>;

export const SpotCheckFilter = z.object({
  machineId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  result: z.enum(['ok', 'anomaly']).optional(),
});
export type SpotCheckFilter = z.infer<typeof SpotCheckFilter>;

export const SpotCheckView = z.object({
  id: z.string(),
  machineId: z.string(),
  machineCode: z.string(),
  machineName: z.string(),
  checkedAt: z.string(),
  checkedByName: z.string(),
  result: z.enum(['ok', 'anomaly']),
  items: z.array(z.object({ itemId: z.string(), content: z.string(), isOk: z.boolean(), note: z.string() })),
  note: z.string(),
  repairId: z.string().nullable(),
});
export type SpotCheckView = z.infer<typeof SpotCheckView>;

/** What the phone shows when the card's code is scanned: one screen, under a minute. */
export const MachinePhoneView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  model: z.string(),
  workshopName: z.string(),
  state: z.enum(MACHINE_STATES),
  checkItems: z.array(z.object({ id: z.string(), content: z.string(), standard: z.string() })),
  openRepair: z.object({ id: z.string(), number: z.string(), state: z.enum(REPAIR_STATES), fault: z.string(), reportedAt: z.string() }).nullable(),
  lastCheck: z.object({ checkedAt: z.string(), checkedByName: z.string(), result: z.enum(['ok', 'anomaly']) }).nullable(),
  upkeep: z.array(
    z.object({
      itemId: z.string(),
      content: z.string(),
      method: z.string(),
      frequency: z.enum(UPKEEP_FREQUENCIES),
      status: z.enum(['done', 'due', 'overdue', 'rest']),
    }),
  ),
});
export type MachinePhoneView = z.infer<typeof MachinePhoneView>;

export const RepairReport = z.object({ machineId: z.uuid(), fault: z.string().trim().min(2).max(2000) });
export type RepairReport = z.infer<typeof RepairReport>;

const Part = z.object({ name: z.string().trim().min(1).max(100), qty: z.number().gt(0).max(1e6), unit: z.string().trim().max(20) });

export const RepairAccept = z.object({ version: z.number().int() });
export const RepairDiagnose = z.object({ version: z.number().int(), diagnosis: z.string().trim().min(2).max(2000), parts: z.array(Part).max(50).optional() });
export type RepairDiagnose = z.infer<typeof RepairDiagnose>;
export const RepairComplete = z.object({ version: z.number().int(), actionTaken: z.string().trim().min(2).max(2000), parts: z.array(Part).max(50).optional() });
export type RepairComplete = z.infer<typeof RepairComplete>;

export const RepairFilter = z.object({ state: z.enum([...REPAIR_STATES, 'open'] as const).optional(), machineId: z.uuid().optional() });
export type RepairFilter = z.infer<typeof RepairFilter>;

export const RepairSummary = z.object({
  id: z.string(),
  number: z.string(),
  machineId: z.string(),
  machineCode: z.string(),
  machineName: z.string(),
  workshopName: z.string(),
  source: z.enum(REPAIR_SOURCES),
  fault: z.string(),
  state: z.enum(REPAIR_STATES),
  reportedAt: z.string(),
  reportedByName: z.string(),
  returnedAt: z.string().nullable(),
  downtimeHours: z.number().nullable(),
  version: z.number(),
});
export type RepairSummary = z.infer<typeof RepairSummary>;

export const RepairView = RepairSummary.extend({
  machineState: z.enum(MACHINE_STATES),
  stoppedAt: z.string(),
  acceptedAt: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  diagnosis: z.string(),
  diagnosedAt: z.string().nullable(),
  diagnosedByName: z.string().nullable(),
  parts: z.array(Part),
  actionTaken: z.string(),
  returnedByName: z.string().nullable(),
  /** Hours so far while the machine still stands still. */
  downtimeSoFar: z.number(),
  spotCheck: SpotCheckView.nullable(),
});
export type RepairView = z.infer<typeof RepairView>;
