import { boolean, date, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const holidays = pgTable(
  'holidays',
  {
    orgId: uuid('org_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    isWorkday: boolean('is_workday').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.date] })],
);

export type DeadlineState = 'open' | 'done' | 'missed' | 'cancelled';

export const deadlines = pgTable(
  'deadlines',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    link: text('link'),
    ownerUserId: uuid('owner_user_id').notNull(),
    ownerDepartmentId: uuid('owner_department_id'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    escalateAt: timestamp('escalate_at', { withTimezone: true }),
    escalateTo: uuid('escalate_to').array().notNull().default([]),
    clause: text('clause').notNull(),
    requirementId: text('requirement_id'),
    ruleCode: text('rule_code').notNull(),
    penaltyAmount: numeric('penalty_amount', { precision: 12, scale: 2, mode: 'number' }),
    verdict: text('verdict').notNull().default('missed-deadline'),
    recordsFinding: boolean('records_finding').notNull().default(true),
    state: text('state').$type<DeadlineState>().notNull().default('open'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    missedAt: timestamp('missed_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    findingId: uuid('finding_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type DeadlineRow = typeof deadlines.$inferSelect;
