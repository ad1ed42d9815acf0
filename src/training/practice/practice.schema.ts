import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** T5 "四个一": read a book, teach a demo lesson, evaluate a lesson, write a narrative (ST-14). */
export const FOUR_ONES_ITEMS = ['book', 'demo_lesson', 'lesson_evaluation', 'narrative'] as const;
export type FourOnesItem = (typeof FOUR_ONES_ITEMS)[number];

export const fourOnes = pgTable(
  'training_four_ones',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    teacherId: uuid('teacher_id').notNull(),
    schoolYear: text('school_year').notNull(),
    item: text('item').$type<FourOnesItem>().notNull(),
    title: text('title').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** S1 奖惩 二: papers, lesson designs, study notes, cases, reflections (ST-15). */
export const ASSIGNMENT_KINDS = ['paper', 'lesson_design', 'study_notes', 'case', 'reflection'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const assignments = pgTable(
  'training_assignments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolYear: text('school_year').notNull(),
    term: integer('term').$type<1 | 2>().notNull(),
    kind: text('kind').$type<AssignmentKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    groupId: uuid('group_id'),
    sessionId: uuid('session_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type ReviewState = 'submitted' | 'accepted' | 'returned';

export const submissions = pgTable(
  'training_submissions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    assignmentId: uuid('assignment_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    content: text('content').notNull(),
    attachmentIds: uuid('attachment_ids').array().notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    isLate: boolean('is_late').notNull(),
    reviewState: text('review_state').$type<ReviewState>().notNull().default('submitted'),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** S1 管理制度 5: each semester experience exchange, case analysis, lesson design, observation (ST-16). */
export const ACTIVITY_KINDS = ['experience_exchange', 'case_analysis', 'lesson_design', 'observation'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const activities = pgTable(
  'training_activities',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolYear: text('school_year').notNull(),
    term: integer('term').$type<1 | 2>().notNull(),
    kind: text('kind').$type<ActivityKind>().notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    groupId: uuid('group_id'),
    sessionId: uuid('session_id'),
    description: text('description').notNull().default(''),
    outcome: text('outcome'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type FourOnesRow = typeof fourOnes.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
