import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CreditCategory } from '#core/policy';

export type PlanKind = 'annual' | 'semester';

/** One line of a plan: what is trained, in which content category, by whom, when (ST-1, S2 三). */
export interface PlanItem {
  category: CreditCategory;
  topic: string;
  ownerTeacherId: string | null;
  /** Free text as schools write it: '每周一', '9月第二周'. */
  schedule: string;
  /** The month it happens in, when known: 'YYYY-MM'. */
  month: string | null;
  hours: number | null;
}

export const trainingPlans = pgTable(
  'training_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').$type<PlanKind>().notNull(),
    schoolYear: text('school_year').notNull(),
    term: integer('term').$type<1 | 2>(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    goals: text('goals').notNull().default(''),
    items: jsonb('items').$type<PlanItem[]>().notNull().default([]),
    ownerUserId: uuid('owner_user_id').notNull(),
    sessionsGeneratedAt: timestamp('sessions_generated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type PlanRow = typeof trainingPlans.$inferSelect;
