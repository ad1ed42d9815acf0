import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const SIGNOFF_RATINGS = ['good', 'pass', 'improve'] as const;
export type SignOffRating = (typeof SIGNOFF_RATINGS)[number];
export const RECORD_BOOK_FINDINGS = ['complete', 'incomplete', 'missing'] as const;
export type RecordBookFinding = (typeof RECORD_BOOK_FINDINGS)[number];

/** Issue 13 item 15, S1 学习制度 1: 年度考核记实手册按月签评 — one sign-off per teacher and month. */
export const handbookSignOffs = pgTable(
  'training_handbook_signoffs',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    teacherId: uuid('teacher_id').notNull(),
    /** 'YYYY-MM' */
    month: text('month').notNull(),
    rating: text('rating').$type<SignOffRating>().notNull(),
    comment: text('comment').notNull(),
    signedBy: uuid('signed_by').notNull(),
    signedByName: text('signed_by_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** Issue 13 item 15, S1 考勤 三: the leadership group's inspection of a teacher's 《校本培训记录册》. */
export const recordBookChecks = pgTable(
  'training_record_book_checks',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    teacherId: uuid('teacher_id').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    finding: text('finding').$type<RecordBookFinding>().notNull(),
    /** Record-book entries the teacher had filled in by the day of the check. */
    entries: integer('entries').notNull(),
    comment: text('comment').notNull().default(''),
    checkedBy: uuid('checked_by').notNull(),
    checkedByName: text('checked_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type HandbookSignOffRow = typeof handbookSignOffs.$inferSelect;
export type RecordBookCheckRow = typeof recordBookChecks.$inferSelect;
