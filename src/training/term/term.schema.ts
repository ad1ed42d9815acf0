import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

type Text = { zh: string; en: string };
export type HonourKind = 'commendation' | 'criticism' | 'advanced_individual' | 'advanced_group';

/** ST-10 (S1 奖惩), ST-11 (S2 六.(四)): proposals from the rules, confirmed by the office. */
export const termHonours = pgTable(
  'training_term_honours',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolYear: text('school_year').notNull(),
    term: integer('term').$type<1 | 2>().notNull(),
    kind: text('kind').$type<HonourKind>().notNull(),
    teacherId: uuid('teacher_id'),
    groupId: uuid('group_id'),
    reasons: jsonb('reasons').$type<Text[]>().notNull().default([]),
    state: text('state').$type<'proposed' | 'confirmed' | 'dropped'>().notNull().default('proposed'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    findingId: uuid('finding_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** ST-17 (S1 管理制度 6): achievements, problems, improvements, with the term's figures. */
export const termSummaries = pgTable(
  'training_term_summaries',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolYear: text('school_year').notNull(),
    term: integer('term').$type<1 | 2>().notNull(),
    achievements: text('achievements').notNull().default(''),
    problems: text('problems').notNull().default(''),
    improvements: text('improvements').notNull().default(''),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull().default({}),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type HonourRow = typeof termHonours.$inferSelect;
export type TermSummaryRow = typeof termSummaries.$inferSelect;
