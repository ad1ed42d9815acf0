import { boolean, date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ITEM_CATEGORIES = ['finished', 'semi', 'raw', 'packaging'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
export const ITEM_SOURCES = ['make', 'buy', 'outsource'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];
export const LOT_RULES = ['lfl', 'fixed', 'multiple'] as const;
export type LotRule = (typeof LOT_RULES)[number];

export const prodItems = pgTable(
  'prod_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    spec: text('spec').notNull().default(''),
    unit: text('unit').notNull(),
    category: text('category').$type<ItemCategory>().notNull(),
    source: text('source').$type<ItemSource>().notNull(),
    leadTimeDays: integer('lead_time_days').notNull().default(0),
    lotRule: text('lot_rule').$type<LotRule>().notNull().default('lfl'),
    lotQty: doublePrecision('lot_qty'),
    lotMin: doublePrecision('lot_min'),
    isMature: boolean('is_mature').notNull().default(true),
    /** Who it is bought from: purchase orders are grouped per supplier (PP-15). */
    supplier: text('supplier').notNull().default(''),
    isActive: boolean('is_active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type ItemRow = typeof prodItems.$inferSelect;

export const prodStock = pgTable(
  'prod_stock',
  {
    orgId: uuid('org_id').notNull(),
    itemId: uuid('item_id').notNull(),
    minQty: doublePrecision('min_qty'),
    maxQty: doublePrecision('max_qty'),
    /** The safety stock in force: the last approved value (T4 第二十四条). */
    safetyStock: doublePrecision('safety_stock').notNull().default(0),
    /** A changed value waiting for the approver; never read by MRP or the purchase plan. */
    safetyPending: doublePrecision('safety_pending'),
    safetyRequestedBy: uuid('safety_requested_by'),
    safetyRequestedAt: timestamp('safety_requested_at', { withTimezone: true }),
    safetyApprovedBy: uuid('safety_approved_by'),
    safetyApprovedAt: timestamp('safety_approved_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.itemId] })],
);
export type StockRow = typeof prodStock.$inferSelect;

export const LOCATION_KINDS = ['general', 'raw', 'semi', 'finished', 'wip'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Warehouses and their locations (库位); stock is kept per item, location and lot. */
export const prodLocations = pgTable(
  'prod_locations',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<LocationKind>().notNull().default('general'),
    isActive: boolean('is_active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type LocationRow = typeof prodLocations.$inferSelect;

/** On hand per item, location and lot: the sum of the ledger's moves, kept as they post (PP-16). */
export const prodStockBalances = pgTable(
  'prod_stock_balances',
  {
    orgId: uuid('org_id').notNull(),
    itemId: uuid('item_id').notNull(),
    locationId: uuid('location_id').notNull(),
    lot: text('lot').notNull().default(''),
    onHand: doublePrecision('on_hand').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.itemId, t.locationId, t.lot] })],
);

export const prodBomLines = pgTable(
  'prod_bom_lines',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    parentItemId: uuid('parent_item_id').notNull(),
    childItemId: uuid('child_item_id').notNull(),
    qtyPer: doublePrecision('qty_per').notNull(),
    scrapRate: doublePrecision('scrap_rate').notNull().default(0),
    yieldRate: doublePrecision('yield_rate').notNull().default(1),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type BomLineRow = typeof prodBomLines.$inferSelect;

export const prodWorkshops = pgTable(
  'prod_workshops',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    departmentId: uuid('department_id'),
    shiftsPerDay: integer('shifts_per_day').notNull().default(1),
    hoursPerShift: doublePrecision('hours_per_shift').notNull().default(8),
    lines: integer('lines').notNull().default(1),
    efficiency: doublePrecision('efficiency').notNull().default(1),
    workingWeekdays: integer('working_weekdays').array().notNull().default([1, 2, 3, 4, 5]),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type WorkshopRow = typeof prodWorkshops.$inferSelect;

export const prodWorkshopDays = pgTable(
  'prod_workshop_days',
  {
    orgId: uuid('org_id').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    hours: doublePrecision('hours').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.workshopId, t.day] })],
);
export type WorkshopDayRow = typeof prodWorkshopDays.$inferSelect;

export const prodRoutingOps = pgTable(
  'prod_routing_ops',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    seq: integer('seq').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    hoursPerUnit: doublePrecision('hours_per_unit').notNull(),
    offsetDays: integer('offset_days').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type RoutingOpRow = typeof prodRoutingOps.$inferSelect;
