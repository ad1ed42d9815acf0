import { z } from 'zod';
import { MACHINE_STATES, UPKEEP_FREQUENCIES } from './equipment.schema';

// The machine register (PP-23, T4 第四十六条): requests and answers of its routes; services
// and the web take their types from here.

const text = (max: number) => z.string().trim().max(max);

export const MachineInput = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  model: text(100).optional(),
  workshopId: z.uuid(),
  location: text(100).optional(),
  maker: text(100).optional(),
  commissionedOn: z.iso.date().nullish(),
  ownerUserId: z.uuid().nullish(),
  /** Share of the workshop's capacity (0–1]; empty = an equal share of the workshop's machines. */
  capacityShare: z.number().gt(0).max(1).nullish(),
  note: text(2000).optional(),
});
export type MachineInput = z.infer<typeof MachineInput>;

export const MachineChange = MachineInput.partial().extend({ version: z.number().int() });
export type MachineChange = z.infer<typeof MachineChange>;

export const MachineStateChange = z.object({
  version: z.number().int(),
  state: z.enum(MACHINE_STATES),
  reason: z.string().trim().min(2).max(500),
});
export type MachineStateChange = z.infer<typeof MachineStateChange>;

export const MachineFilter = z.object({ workshopId: z.uuid().optional(), state: z.enum(MACHINE_STATES).optional() });
export type MachineFilter = z.infer<typeof MachineFilter>;

export const CheckItemsInput = z.object({
  items: z.array(z.object({ content: z.string().trim().min(1).max(200), standard: text(200).optional() })).max(40),
});
export type CheckItemsInput = z.infer<typeof CheckItemsInput>;

export const UpkeepItemsInput = z.object({
  items: z
    .array(
      z.object({ id: z.uuid().optional(), content: z.string().trim().min(1).max(200), method: text(200).optional(), frequency: z.enum(UPKEEP_FREQUENCIES) }),
    )
    .max(40),
});
export type UpkeepItemsInput = z.infer<typeof UpkeepItemsInput>;

export const CheckItemView = z.object({ id: z.string(), seq: z.number(), content: z.string(), standard: z.string() });
export const UpkeepItemView = z.object({ id: z.string(), seq: z.number(), content: z.string(), method: z.string(), frequency: z.enum(UPKEEP_FREQUENCIES) });

const OpenRepair = z.object({ id: z.string(), number: z.string(), state: z.string() });

export const MachineSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  model: z.string(),
  workshopId: z.string(),
  workshopName: z.string(),
  location: z.string(),
  maker: z.string(),
  commissionedOn: z.string().nullable(),
  state: z.enum(MACHINE_STATES),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  capacityShare: z.number().nullable(),
  /** The share in effect (its own, or 1 / the workshop's machines in service). */
  share: z.number(),
  note: z.string(),
  openRepair: OpenRepair.nullable(),
  version: z.number(),
});
export type MachineSummary = z.infer<typeof MachineSummary>;

export const MachineDetail = MachineSummary.extend({
  checkItems: z.array(CheckItemView),
  upkeepItems: z.array(UpkeepItemView),
  recentChecks: z.array(z.object({ id: z.string(), checkedAt: z.string(), checkedByName: z.string(), result: z.enum(['ok', 'anomaly']), note: z.string() })),
  repairs: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      state: z.string(),
      fault: z.string(),
      reportedAt: z.string(),
      returnedAt: z.string().nullable(),
      downtimeHours: z.number().nullable(),
    }),
  ),
  /** What the machine's stop takes from its workshop today and on a full working day (PP-26). */
  capacity: z.object({ workshopDayHours: z.number(), lostToday: z.number(), lostPerDay: z.number() }),
  phonePath: z.string(),
});
export type MachineDetail = z.infer<typeof MachineDetail>;

/** 设备管理卡: what the card on the machine carries (一机一卡). */
export const MachineCard = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  model: z.string(),
  workshopName: z.string(),
  location: z.string(),
  maker: z.string(),
  commissionedOn: z.string().nullable(),
  ownerName: z.string().nullable(),
  upkeepItems: z.array(UpkeepItemView),
  checkItemCount: z.number(),
  url: z.string(),
  qrSvg: z.string(),
});
export type MachineCard = z.infer<typeof MachineCard>;

export const CardsQuery = z.object({ workshopId: z.uuid().optional(), ids: z.string().max(4000).optional() });
