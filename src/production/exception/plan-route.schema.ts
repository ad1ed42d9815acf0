import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { UnmetState } from './plan-route.contract';

export const prodUnmetPlanRoutes = pgTable(
  'prod_unmet_plan_routes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    planId: uuid('plan_id').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    reason: text('reason').notNull(),
    state: text('state').$type<UnmetState>().notNull().default('reported'),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    forwardedBy: uuid('forwarded_by'),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    forwardNote: text('forward_note'),
    marketBy: uuid('market_by'),
    marketAt: timestamp('market_at', { withTimezone: true }),
    marketNote: text('market_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type UnmetRouteRow = typeof prodUnmetPlanRoutes.$inferSelect;

export const prodPlanChangeCauses = pgTable(
  'prod_plan_change_causes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    revision: integer('revision').notNull(),
    orderChangeId: uuid('order_change_id'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
