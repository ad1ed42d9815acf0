import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CreditCategory } from '#core/policy';

/** A session may carry several credit types: minutes per content category (CEDS #1044). */
export interface CreditPart {
  category: CreditCategory;
  minutes: number;
}

/** void: entered by mistake and struck out by the office; its records count nowhere (issue 13 item 1). */
export type SessionState = 'scheduled' | 'cancelled' | 'void';

export const trainingSessions = pgTable(
  'training_sessions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id'),
    generationKey: text('generation_key'),
    slotCode: text('slot_code'),
    title: text('title').notNull(),
    topic: text('topic'),
    category: text('category').$type<CreditCategory>().notNull(),
    creditParts: jsonb('credit_parts').$type<CreditPart[]>().notNull().default([]),
    trainerTeacherId: uuid('trainer_teacher_id'),
    trainerName: text('trainer_name'),
    recorderTeacherId: uuid('recorder_teacher_id'),
    location: text('location'),
    sessionDate: date('session_date', { mode: 'string' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    audience: text('audience').$type<'all' | 'group'>().notNull(),
    groupId: uuid('group_id'),
    isCentralised: boolean('is_centralised').notNull().default(true),
    outline: text('outline'),
    outlineAt: timestamp('outline_at', { withTimezone: true }),
    minutes: text('minutes'),
    minutesAt: timestamp('minutes_at', { withTimezone: true }),
    state: text('state').$type<SessionState>().notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    voidReason: text('void_reason'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
    rosterClosedAt: timestamp('roster_closed_at', { withTimezone: true }),
    qrSecret: text('qr_secret').notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type SessionRow = typeof trainingSessions.$inferSelect;
