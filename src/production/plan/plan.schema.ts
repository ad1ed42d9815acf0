import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Feasibility } from './feasibility.rules';

export const PLAN_KINDS = ['annual', 'quarterly', 'monthly', 'weekly', 'special', 'temporary'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export type Bucket = 'day' | 'month';
export type CapacityStatus = 'unchecked' | 'ok' | 'over' | 'under' | 'over_under';

export const prodPlans = pgTable(
  'prod_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<PlanKind>().notNull(),
    documentId: uuid('document_id'),
    title: text('title').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    bucket: text('bucket').$type<Bucket>().notNull(),
    workshopId: uuid('workshop_id'),
    parentPlanId: uuid('parent_plan_id'),
    requestId: uuid('request_id'),
    capacity: jsonb('capacity').$type<unknown>(),
    capacityStatus: text('capacity_status').$type<CapacityStatus>().notNull().default('unchecked'),
    capacityVersion: integer('capacity_version'),
    capacityCalendar: text('capacity_calendar'),
    capacityCalendarChangedOn: date('capacity_calendar_changed_on', { mode: 'string' }),
    underReportedAt: timestamp('under_reported_at', { withTimezone: true }),
    materialsAt: timestamp('materials_at', { withTimezone: true }),
    materialsSummary: jsonb('materials_summary').$type<unknown>(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type PlanRow = typeof prodPlans.$inferSelect;

export const prodPlanLines = pgTable(
  'prod_plan_lines',
  {
    orgId: uuid('org_id').notNull(),
    planId: uuid('plan_id').notNull(),
    itemId: uuid('item_id').notNull(),
    forecastQty: doublePrecision('forecast_qty'),
    quantities: doublePrecision('quantities').array().notNull(),
    total: doublePrecision('total').notNull(),
    note: text('note').notNull().default(''),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.planId, t.itemId] })],
);
export type PlanLineRow = typeof prodPlanLines.$inferSelect;

export const prodPlanRevisionLines = pgTable(
  'prod_plan_revision_lines',
  {
    orgId: uuid('org_id').notNull(),
    planId: uuid('plan_id').notNull(),
    revision: integer('revision').notNull(),
    itemId: uuid('item_id').notNull(),
    forecastQty: doublePrecision('forecast_qty'),
    quantities: doublePrecision('quantities').array().notNull(),
    total: doublePrecision('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.planId, t.revision, t.itemId] })],
);

export interface RequestLine {
  itemId: string;
  qty: number;
  dueOn: string;
}

export const prodPlanRequests = pgTable(
  'prod_plan_requests',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    kind: text('kind').$type<'special' | 'temporary'>().notNull(),
    title: text('title').notNull(),
    requesterId: uuid('requester_id').notNull(),
    requesterDepartmentId: uuid('requester_department_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    issueDueOn: date('issue_due_on', { mode: 'string' }).notNull(),
    lines: jsonb('lines').$type<RequestLine[]>().notNull(),
    feasibility: jsonb('feasibility').$type<Feasibility | null>(),
    isFeasible: boolean('is_feasible'),
    feedbackZh: text('feedback_zh'),
    feedbackEn: text('feedback_en'),
    feedbackSentAt: timestamp('feedback_sent_at', { withTimezone: true }),
    planId: uuid('plan_id'),
    state: text('state').$type<'received' | 'planned' | 'infeasible' | 'closed'>().notNull().default('received'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type PlanRequestRow = typeof prodPlanRequests.$inferSelect;

export const ANNUAL_PARTIES = ['market', 'finance', 'procurement', 'rnd', 'production'] as const;
export type AnnualParty = (typeof ANNUAL_PARTIES)[number];

export const prodAnnualInputs = pgTable(
  'prod_annual_inputs',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    party: text('party').$type<AnnualParty>().notNull(),
    content: text('content').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const prodOrderAbsorptions = pgTable(
  'prod_order_absorptions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderLineId: uuid('order_line_id').notNull(),
    planId: uuid('plan_id').notNull(),
    itemId: uuid('item_id').notNull(),
    orderQty: doublePrecision('order_qty').notNull(),
    forecastQty: doublePrecision('forecast_qty').notNull(),
    cumulativeQty: doublePrecision('cumulative_qty').notNull(),
    decision: text('decision').$type<'absorbed' | 'adjusted' | 'pending'>().notNull(),
    planRevision: integer('plan_revision'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
