import { z } from 'zod';
import { ITEM_CATEGORIES, ITEM_SOURCES, LOT_RULES } from './master.schema';

// The master data's answers (items, stock standards, BOM, workshops and their calendar,
// routings): what /production/items, /bom, /workshops and /routings send back.

const qty = z.number().min(0).max(1e12);

/** An item as POST /production/items takes it, and as each row of the items sheet is checked (issue 16). */
export const ItemBody = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  spec: z.string().max(100).optional(),
  unit: z.string().trim().min(1).max(20),
  category: z.enum(ITEM_CATEGORIES),
  source: z.enum(ITEM_SOURCES),
  leadTimeDays: z.number().int().min(0).max(365).optional(),
  lotRule: z.enum(LOT_RULES).optional(),
  lotQty: z.number().positive().max(1e12).nullish(),
  lotMin: qty.nullish(),
  isMature: z.boolean().optional(),
  supplier: z.string().trim().max(100).optional(),
  isActive: z.boolean().optional(),
  sort: z.number().int().optional(),
});
export type ItemBody = z.infer<typeof ItemBody>;

/** An item's stock levels as PUT /production/items/:id/stock and the items sheet take them. */
export const StockLevelsBody = z.object({ minQty: qty.nullish(), maxQty: qty.nullish(), safetyStock: qty.optional() });
export type StockLevelsBody = z.infer<typeof StockLevelsBody>;

/** An item's stock levels with its version (PUT /production/items/:id/stock); unknown fields are refused. */
export const StockLevelsChangeBody = z.strictObject({ version: z.number().int(), ...StockLevelsBody.shape });

/** A BOM line as POST /production/bom and each row of the BOM sheet take it. */
export const BomLineBody = z.object({
  parentItemId: z.uuid(),
  childItemId: z.uuid(),
  qtyPer: z.number().positive().max(1e9),
  scrapRate: z.number().min(0).lt(1).optional(),
  yieldRate: z.number().gt(0).max(1).optional(),
});
export type BomLineBody = z.infer<typeof BomLineBody>;

/** One operation of a routing, as PUT /production/items/:id/routing and the routings sheet take it. */
export const RoutingOpBody = z.object({
  seq: z.number().int().positive().max(999),
  workshopId: z.uuid(),
  hoursPerUnit: z.number().min(0).max(10000),
  offsetDays: z.number().int().min(-365).max(365).optional(),
});
export type RoutingOpBody = z.infer<typeof RoutingOpBody>;

/** A workshop as POST /production/workshops and each row of the workshops sheet take it. */
export const WorkshopBody = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  departmentId: z.uuid().nullish(),
  shiftsPerDay: z.number().int().min(0).max(4).optional(),
  hoursPerShift: z.number().min(0).max(24).optional(),
  lines: z.number().int().min(0).max(1000).optional(),
  efficiency: z.number().gt(0).max(2).optional(),
  workingWeekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  sort: z.number().int().optional(),
});
export type WorkshopBody = z.infer<typeof WorkshopBody>;

export type ItemInput = ItemBody;
export type BomLineInput = BomLineBody;
export type RoutingOpInput = RoutingOpBody;
export type WorkshopInput = WorkshopBody;

/** The items list's filters (GET /production/items). */
export const ItemsQuery = z.object({
  category: z.enum(ITEM_CATEGORIES).optional(),
  q: z.string().max(100).optional(),
  includeInactive: z.coerce.boolean().optional(),
});

/** Approving an item's safety stock (T4 第二十四条). */
export const SafetyApproveBody = z.object({ version: z.number().int() });

/** An exception day of a workshop's calendar (PUT /production/workshops/:id/days/:day). */
export const WorkshopDayBody = z.object({ hours: z.number().min(0).max(24000), note: z.string().max(200).optional() });
export type WorkshopDayBody = z.infer<typeof WorkshopDayBody>;

/** The BOM lines' filter (GET /production/bom): one parent's lines, or all. */
export const BomQuery = z.object({ parentItemId: z.uuid().optional() });

/** The routings' filter (GET /production/routings): one item's operations, or all. */
export const RoutingsQuery = z.object({ itemId: z.uuid().optional() });

/** The capacity calendar's range (GET /production/capacity-calendar). */
export const CapacityCalendarQuery = z.object({ from: z.iso.date(), to: z.iso.date() });

/** An item's whole routing (PUT /production/items/:id/routing). */
export const RoutingBody = z.object({
  ops: z.array(RoutingOpBody).max(50),
  versions: z.record(z.string(), z.number().int()),
});
export type RoutingBody = z.infer<typeof RoutingBody>;

/** An item as stored (the answer to a create or a change). */
export const ItemOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  category: z.enum(ITEM_CATEGORIES),
  source: z.enum(ITEM_SOURCES),
  leadTimeDays: z.number(),
  lotRule: z.enum(LOT_RULES),
  lotQty: z.number().nullable(),
  lotMin: z.number().nullable(),
  isMature: z.boolean(),
  supplier: z.string(),
  isActive: z.boolean(),
  sort: z.number(),
  version: z.number().int(),
  createdAt: z.date(),
});
export type ItemOut = z.infer<typeof ItemOut>;

/** An item with its stock and standards (the items list). */
export const ItemWithStock = ItemOut.extend({
  onHand: z.number(),
  minQty: z.number().nullable(),
  maxQty: z.number().nullable(),
  /** The safety stock in force (the last approved value). */
  safetyStock: z.number(),
  /** A changed safety stock waiting for approval (T4 第二十四条); null when none. */
  safetyPending: z.number().nullable(),
  stockVersion: z.number().int().nullable(),
  isSafetyApproved: z.boolean(),
});
export type ItemWithStock = z.infer<typeof ItemWithStock>;

/** An item's stock standards as stored (who asked for and approved the safety stock). */
export const StockStandards = z.object({
  itemId: z.string(),
  minQty: z.number().nullable(),
  maxQty: z.number().nullable(),
  safetyStock: z.number(),
  safetyPending: z.number().nullable(),
  safetyRequestedBy: z.string().nullable(),
  safetyRequestedAt: z.date().nullable(),
  safetyApprovedBy: z.string().nullable(),
  safetyApprovedAt: z.date().nullable(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type StockStandards = z.infer<typeof StockStandards>;

export const BomLineOut = z.object({
  id: z.string(),
  parentItemId: z.string(),
  childItemId: z.string(),
  qtyPer: z.number(),
  scrapRate: z.number(),
  yieldRate: z.number(),
  version: z.number().int(),
});
export type BomLineOut = z.infer<typeof BomLineOut>;

export const BomLineView = BomLineOut.extend({ childCode: z.string(), childName: z.string(), childUnit: z.string() });
export type BomLineView = z.infer<typeof BomLineView>;

export const WorkshopOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  departmentId: z.string().nullable(),
  shiftsPerDay: z.number(),
  hoursPerShift: z.number(),
  lines: z.number(),
  efficiency: z.number(),
  workingWeekdays: z.array(z.number()),
  sort: z.number(),
  version: z.number().int(),
});
export type WorkshopOut = z.infer<typeof WorkshopOut>;

/** A calendar exception of a workshop: overtime or a stop on one day. */
export const WorkshopDayOut = z.object({ workshopId: z.string(), day: z.string(), hours: z.number(), note: z.string(), version: z.number().int() });
export type WorkshopDayOut = z.infer<typeof WorkshopDayOut>;

/** Capacity hours of a workshop per day of the asked range. */
export const CapacityCalendarRow = z.object({ id: z.string(), code: z.string(), name: z.string(), hours: z.array(z.number()) });
export type CapacityCalendarRow = z.infer<typeof CapacityCalendarRow>;

export const RoutingOpOut = z.object({
  id: z.string(),
  itemId: z.string(),
  seq: z.number().int(),
  workshopId: z.string(),
  hoursPerUnit: z.number(),
  offsetDays: z.number().int(),
  version: z.number().int(),
});
export type RoutingOpOut = z.infer<typeof RoutingOpOut>;

export const RoutingOpView = RoutingOpOut.extend({ itemCode: z.string(), itemName: z.string(), workshopName: z.string() });
export type RoutingOpView = z.infer<typeof RoutingOpView>;
