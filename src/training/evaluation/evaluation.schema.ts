import { date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const EVALUATION_SOURCES = ['self', 'peers', 'administrators', 'students', 'parents'] as const;
export type EvaluationSource = (typeof EVALUATION_SOURCES)[number];

export const evaluationRounds = pgTable(
  'training_evaluation_rounds',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolYear: text('school_year').notNull(),
    term: integer('term').$type<1 | 2>().notNull(),
    title: text('title').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    linkSecret: text('link_secret').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const evaluations = pgTable(
  'training_evaluations',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    source: text('source').$type<EvaluationSource>().notNull(),
    evaluatorKey: text('evaluator_key').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type EvaluationRoundRow = typeof evaluationRounds.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;
