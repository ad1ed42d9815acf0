import { date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const leaguePlans = pgTable(
  'league_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolYear: text('school_year').notNull(),
    term: integer('term').$type<1 | 2>().notNull(),
    title: text('title').notNull(),
    guiding: text('guiding').notNull().default(''),
    goals: text('goals').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const leaguePlanItems = pgTable(
  'league_plan_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    month: integer('month').notNull(),
    theme: text('theme'),
    title: text('title').notNull(),
    state: text('state').$type<'planned' | 'done' | 'dropped'>().notNull().default('planned'),
    doneOn: date('done_on', { mode: 'string' }),
    note: text('note'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const flagRaisings = pgTable(
  'league_flag_raisings',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    theme: text('theme').notNull(),
    focus: text('focus'),
    classMeetingTheme: text('class_meeting_theme'),
    blackboardTheme: text('blackboard_theme'),
    speaker: text('speaker'),
    heldOn: date('held_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export interface Criterion {
  item: string;
  points: number;
}

export const blackboardChecks = pgTable(
  'league_blackboard_checks',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    theme: text('theme').notNull(),
    checkOn: date('check_on', { mode: 'string' }).notNull(),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const blackboardScores = pgTable(
  'league_blackboard_scores',
  {
    orgId: uuid('org_id').notNull(),
    checkId: uuid('check_id').notNull(),
    branchId: uuid('branch_id').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    total: numeric('total', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    comment: text('comment'),
    checkedBy: uuid('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.checkId, t.branchId] })],
);

export type LeaguePlanRow = typeof leaguePlans.$inferSelect;
export type LeaguePlanItemRow = typeof leaguePlanItems.$inferSelect;
export type FlagRaisingRow = typeof flagRaisings.$inferSelect;
export type BlackboardCheckRow = typeof blackboardChecks.$inferSelect;
