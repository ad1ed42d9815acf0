import { bigint, boolean, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type FindingState = 'open' | 'disputed' | 'confirmed' | 'withdrawn';
export type FindingAction = 'create' | 'dispute' | 'confirm' | 'withdraw' | 'falsified';

/** One piece of evidence: the record a rule looked at, and what it saw there. */
export interface Evidence {
  entity: string;
  entityId: string;
  label: string;
  link?: string;
}

export const findings = pgTable(
  'findings',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ruleCode: text('rule_code').notNull(),
    clause: text('clause').notNull(),
    requirementId: text('requirement_id'),
    subjectUserId: uuid('subject_user_id'),
    subjectDepartmentId: uuid('subject_department_id'),
    subjectLabel: text('subject_label').notNull(),
    period: text('period'),
    verdict: text('verdict').notNull(),
    amount: numeric('amount', { precision: 12, scale: 2, mode: 'number' }),
    summaryZh: text('summary_zh').notNull(),
    summaryEn: text('summary_en').notNull(),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull().default([]),
    state: text('state').$type<FindingState>().notNull().default('open'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    isFalsified: boolean('is_falsified').notNull().default(false),
    /** The amount before a falsification doubled it. */
    originalAmount: numeric('original_amount', { precision: 12, scale: 2, mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const findingEvents = pgTable(
  'finding_events',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    findingId: uuid('finding_id').notNull(),
    action: text('action').$type<FindingAction>().notNull(),
    fromState: text('from_state').$type<FindingState>(),
    toState: text('to_state').$type<FindingState>().notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
    amountBefore: numeric('amount_before', { precision: 12, scale: 2, mode: 'number' }),
    amountAfter: numeric('amount_after', { precision: 12, scale: 2, mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
