import { date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const MAINTENANCE_CYCLES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type MaintenanceCycle = (typeof MAINTENANCE_CYCLES)[number];
export const SLOT_STATES = ['planned', 'done'] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export const prodMaintenancePlans = pgTable(
  'prod_maintenance_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    documentId: uuid('document_id').notNull(),
    year: integer('year').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type MaintenancePlanRow = typeof prodMaintenancePlans.$inferSelect;

export const prodMaintenanceLines = pgTable(
  'prod_maintenance_lines',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    machineId: uuid('machine_id').notNull(),
    cycle: text('cycle').$type<MaintenanceCycle>().notNull(),
    content: text('content').notNull(),
    ownerUserId: uuid('owner_user_id'),
    hours: doublePrecision('hours').notNull(),
    months: integer('months').array().notNull(),
    week: integer('week').notNull().default(1),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type MaintenanceLineRow = typeof prodMaintenanceLines.$inferSelect;

export const prodMaintenanceSlots = pgTable(
  'prod_maintenance_slots',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    lineId: uuid('line_id'),
    machineId: uuid('machine_id').notNull(),
    month: text('month').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    hours: doublePrecision('hours').notNull(),
    state: text('state').$type<SlotState>().notNull().default('planned'),
    movedBy: uuid('moved_by'),
    movedAt: timestamp('moved_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    actualHours: doublePrecision('actual_hours'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type MaintenanceSlotRow = typeof prodMaintenanceSlots.$inferSelect;
