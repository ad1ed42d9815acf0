import { integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const GROUP_PLAN_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type GroupPlanState = (typeof GROUP_PLAN_STATES)[number];

/** Issue 13 item 16, S2 六.(二): a teaching group's plan under the school's plan, approved by the office. */
export const groupPlans = pgTable(
  'training_group_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolPlanId: uuid('school_plan_id').notNull(),
    groupId: uuid('group_id').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    state: text('state').$type<GroupPlanState>().notNull().default('draft'),
    reviewComment: text('review_comment'),
    writtenBy: uuid('written_by').notNull(),
    writtenByName: text('written_by_name').notNull(),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** Issue 13 item 16, S2 六.(五): one line of the training budget (专设培训经费投入项目). */
export const budgetItems = pgTable(
  'training_budget_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolYear: text('school_year').notNull(),
    planId: uuid('plan_id'),
    title: text('title').notNull(),
    plannedAmount: numeric('planned_amount', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    spentAmount: numeric('spent_amount', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type GroupPlanRow = typeof groupPlans.$inferSelect;
export type BudgetItemRow = typeof budgetItems.$inferSelect;
