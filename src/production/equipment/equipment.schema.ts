import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const MACHINE_STATES = ['running', 'stopped', 'under_repair', 'retired'] as const;
export type MachineState = (typeof MACHINE_STATES)[number];
export const UPKEEP_FREQUENCIES = ['shift', 'daily', 'weekly', 'monthly'] as const;
export type UpkeepFrequency = (typeof UPKEEP_FREQUENCIES)[number];
export const UPKEEP_RESULTS = ['done', 'problem'] as const;
export type UpkeepResult = (typeof UPKEEP_RESULTS)[number];
export const REPAIR_STATES = ['reported', 'accepted', 'repairing', 'done'] as const;
export type RepairState = (typeof REPAIR_STATES)[number];
export const REPAIR_SOURCES = ['spot_check', 'report'] as const;
export type RepairSource = (typeof REPAIR_SOURCES)[number];

export const prodMachines = pgTable(
  'prod_machines',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    model: text('model').notNull().default(''),
    workshopId: uuid('workshop_id').notNull(),
    location: text('location').notNull().default(''),
    maker: text('maker').notNull().default(''),
    commissionedOn: date('commissioned_on', { mode: 'string' }),
    state: text('state').$type<MachineState>().notNull().default('running'),
    ownerUserId: uuid('owner_user_id'),
    capacityShare: doublePrecision('capacity_share'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type MachineRow = typeof prodMachines.$inferSelect;

export const prodMachineCheckItems = pgTable(
  'prod_machine_check_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    machineId: uuid('machine_id').notNull(),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    standard: text('standard').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type CheckItemRow = typeof prodMachineCheckItems.$inferSelect;

export const prodUpkeepItems = pgTable(
  'prod_upkeep_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    machineId: uuid('machine_id').notNull(),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    method: text('method').notNull().default(''),
    frequency: text('frequency').$type<UpkeepFrequency>().notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type UpkeepItemRow = typeof prodUpkeepItems.$inferSelect;

export const prodUpkeepRecords = pgTable(
  'prod_upkeep_records',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    machineId: uuid('machine_id').notNull(),
    itemId: uuid('item_id').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull(),
    doneBy: uuid('done_by').notNull(),
    result: text('result').$type<UpkeepResult>().notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type UpkeepRecordRow = typeof prodUpkeepRecords.$inferSelect;

export interface RepairPart {
  name: string;
  qty: number;
  unit: string;
}

export const prodRepairOrders = pgTable(
  'prod_repair_orders',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    machineId: uuid('machine_id').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    source: text('source').$type<RepairSource>().notNull(),
    fault: text('fault').notNull(),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }).notNull(),
    state: text('state').$type<RepairState>().notNull().default('reported'),
    acceptedBy: uuid('accepted_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    diagnosis: text('diagnosis').notNull().default(''),
    diagnosedBy: uuid('diagnosed_by'),
    diagnosedAt: timestamp('diagnosed_at', { withTimezone: true }),
    parts: jsonb('parts').$type<RepairPart[]>().notNull().default([]),
    actionTaken: text('action_taken').notNull().default(''),
    returnedBy: uuid('returned_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    downtimeHours: doublePrecision('downtime_hours'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type RepairRow = typeof prodRepairOrders.$inferSelect;

export interface CheckedItem {
  itemId: string;
  content: string;
  isOk: boolean;
  note: string;
}

export const prodSpotChecks = pgTable(
  'prod_spot_checks',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    machineId: uuid('machine_id').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    checkedBy: uuid('checked_by').notNull(),
    result: text('result').$type<'ok' | 'anomaly'>().notNull(),
    items: jsonb('items').$type<CheckedItem[]>().notNull(),
    note: text('note').notNull().default(''),
    repairId: uuid('repair_id'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type SpotCheckRow = typeof prodSpotChecks.$inferSelect;
