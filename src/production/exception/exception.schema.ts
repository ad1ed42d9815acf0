import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ExceptionKind, ExceptionState, ImpactLineView } from './exception.contract';
import type { ImpactVerdict } from './exception.rules';

export const prodExceptions = pgTable(
  'prod_exceptions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    kind: text('kind').$type<ExceptionKind>().notNull(),
    workshopId: uuid('workshop_id').notNull(),
    description: text('description').notNull(),
    machineRef: text('machine_ref').notNull().default(''),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    hoursLost: doublePrecision('hours_lost').notNull().default(0),
    hoursEstimated: doublePrecision('hours_estimated').notNull().default(0),
    impactLines: jsonb('impact_lines').$type<ImpactLineView[]>().notNull().default([]),
    affectsOtherWorkshops: boolean('affects_other_workshops').notNull().default(false),
    affectsSchedule: boolean('affects_schedule').notNull().default(false),
    needsCoordination: boolean('needs_coordination').notNull().default(false),
    judgement: jsonb('judgement').$type<Pick<ImpactVerdict, 'lostHours' | 'reasons'>>().notNull(),
    state: text('state').$type<ExceptionState>().notNull().default('reported'),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    meetingId: uuid('meeting_id'),
    coordinatedBy: uuid('coordinated_by'),
    coordinatedAt: timestamp('coordinated_at', { withTimezone: true }),
    escalatedBy: uuid('escalated_by'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalationNote: text('escalation_note'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeNote: text('close_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type ExceptionRow = typeof prodExceptions.$inferSelect;

export const prodExceptionWorkshops = pgTable(
  'prod_exception_workshops',
  {
    orgId: uuid('org_id').notNull(),
    exceptionId: uuid('exception_id').notNull(),
    workshopId: uuid('workshop_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.exceptionId, t.workshopId] })],
);

export type ExceptionEventKind = 'reported' | 'escalated' | 'meeting' | 'action_done' | 'resolved' | 'closed';

export const prodExceptionEvents = pgTable(
  'prod_exception_events',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    exceptionId: uuid('exception_id').notNull(),
    kind: text('kind').$type<ExceptionEventKind>().notNull(),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
