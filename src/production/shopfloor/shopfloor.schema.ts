import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CheckResult, OperationKind, RectificationSource, RectificationState } from './shopfloor.contract';

export const prodSafetyItems = pgTable(
  'prod_safety_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    workshopId: uuid('workshop_id'),
    text: text('text').notNull(),
    sort: integer('sort').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type SafetyItemRow = typeof prodSafetyItems.$inferSelect;

export const prodSafetyChecks = pgTable(
  'prod_safety_checks',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    workshopId: uuid('workshop_id').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    results: jsonb('results').$type<CheckResult[]>().notNull(),
    problemCount: integer('problem_count').notNull().default(0),
    checkedBy: uuid('checked_by').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type SafetyCheckRow = typeof prodSafetyChecks.$inferSelect;

export const prodPatrols = pgTable(
  'prod_patrols',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    workshopId: uuid('workshop_id').notNull(),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    findingCount: integer('finding_count').notNull().default(0),
    inspectorId: uuid('inspector_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type PatrolRow = typeof prodPatrols.$inferSelect;

export const prodRectifications = pgTable(
  'prod_rectifications',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    source: text('source').$type<RectificationSource>().notNull(),
    checkId: uuid('check_id'),
    patrolId: uuid('patrol_id'),
    workshopId: uuid('workshop_id').notNull(),
    itemText: text('item_text').notNull().default(''),
    problem: text('problem').notNull(),
    ownerUserId: uuid('owner_user_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    state: text('state').$type<RectificationState>().notNull().default('open'),
    escalatedBy: uuid('escalated_by'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalationNote: text('escalation_note'),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeNote: text('close_note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type RectificationRow = typeof prodRectifications.$inferSelect;

export const prodOperationRecords = pgTable(
  'prod_operation_records',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    workshopId: uuid('workshop_id').notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    shift: integer('shift').notNull(),
    step: text('step').notNull(),
    kind: text('kind').$type<OperationKind>().notNull(),
    result: text('result').$type<'ok' | 'problem'>().notNull(),
    note: text('note').notNull().default(''),
    checkedUserId: uuid('checked_user_id'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type OperationRecordRow = typeof prodOperationRecords.$inferSelect;
