import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type PanelVerdict = 'qualified' | 'unqualified';

/** The term's facts as the panel saw them when deciding (S2 五.5, S2 七). */
export interface TermPanelFacts {
  unexcusedAbsences: number;
  sessionsExpected: number;
  sessionsPresent: number;
  assignmentsDue: number;
  assignmentsMissing: number;
  selfStudyWeeksDue: number;
  selfStudyWeeksMet: number;
  records: number;
}

/** Issue 13 item 14: the term-end verdict of the school's assessment panel, per teacher and term. */
export const termAssessments = pgTable(
  'training_term_assessments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    teacherId: uuid('teacher_id').notNull(),
    schoolYear: text('school_year').notNull(),
    term: integer('term').$type<1 | 2>().notNull(),
    verdict: text('verdict').$type<PanelVerdict>().notNull(),
    facts: jsonb('facts')
      .$type<TermPanelFacts>()
      .notNull()
      .default({} as TermPanelFacts),
    opinion: text('opinion'),
    decidedBy: uuid('decided_by').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type TermAssessmentRow = typeof termAssessments.$inferSelect;
