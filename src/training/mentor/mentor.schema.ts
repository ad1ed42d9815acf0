import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** S2 四.3, T5: 老带新 pairs with goals, and the supervision records of each pair (ST-13). */
export const mentorPairs = pgTable(
  'training_mentor_pairs',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    mentorId: uuid('mentor_id').notNull(),
    menteeId: uuid('mentee_id').notNull(),
    schoolYear: text('school_year').notNull(),
    goals: text('goals').notNull(),
    state: text('state').$type<'active' | 'completed' | 'ended'>().notNull().default('active'),
    review: text('review'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const MENTOR_RECORD_KINDS = ['guidance', 'observation', 'demo_lesson', 'review'] as const;
export type MentorRecordKind = (typeof MENTOR_RECORD_KINDS)[number];

export const mentorRecords = pgTable(
  'training_mentor_records',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pairId: uuid('pair_id').notNull(),
    kind: text('kind').$type<MentorRecordKind>().notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type MentorPairRow = typeof mentorPairs.$inferSelect;
export type MentorRecordRow = typeof mentorRecords.$inferSelect;
