import { integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AssessmentReason, Verdict } from './assessment.rules';

export const trainingAssessments = pgTable(
  'training_assessments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    teacherId: uuid('teacher_id').notNull(),
    schoolYear: text('school_year').notNull(),
    verdict: text('verdict').$type<Verdict>().notNull(),
    reasons: jsonb('reasons').$type<AssessmentReason[]>().notNull().default([]),
    credits: numeric('credits', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    requiredCredits: numeric('required_credits', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    unexcusedAbsences: integer('unexcused_absences').notNull(),
    state: text('state').$type<'computed' | 'confirmed'>().notNull().default('computed'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    confirmedByName: text('confirmed_by_name'),
    opinion: text('opinion'),
    findingId: uuid('finding_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type AssessmentRow = typeof trainingAssessments.$inferSelect;
