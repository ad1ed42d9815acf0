import { date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Daily reports, coordination items, month-end causes and daily schedules (migration 0045).

export const STOPPAGE_REASONS = ['material', 'equipment', 'outage', 'quality', 'process', 'other'] as const;
export type StoppageReason = (typeof STOPPAGE_REASONS)[number];

export const CAUSE_KINDS = ['organisation', 'quality', 'material', 'equipment', 'outage', 'process', 'other'] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];

export type CompletionMeasure = 'warehouse_receipt' | 'reported_output';

export const prodDailyReports = pgTable(
  'prod_daily_reports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    shift: integer('shift').notNull(),
    hoursWorked: doublePrecision('hours_worked').notNull().default(0),
    note: text('note').notNull().default(''),
    receiptDocId: uuid('receipt_doc_id'),
    amendment: integer('amendment').notNull().default(0),
    reportedBy: uuid('reported_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    amendedBy: uuid('amended_by'),
    amendedAt: timestamp('amended_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type DailyReportRow = typeof prodDailyReports.$inferSelect;

export const prodDailyReportLines = pgTable(
  'prod_daily_report_lines',
  {
    orgId: uuid('org_id').notNull(),
    reportId: uuid('report_id').notNull(),
    itemId: uuid('item_id').notNull(),
    plannedQty: doublePrecision('planned_qty').notNull().default(0),
    outputQty: doublePrecision('output_qty').notNull().default(0),
    warehouseQty: doublePrecision('warehouse_qty').notNull().default(0),
    scrapQty: doublePrecision('scrap_qty').notNull().default(0),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.reportId, t.itemId] })],
);
export type DailyReportLineRow = typeof prodDailyReportLines.$inferSelect;

export const prodDailyReportStoppages = pgTable(
  'prod_daily_report_stoppages',
  {
    orgId: uuid('org_id').notNull(),
    reportId: uuid('report_id').notNull(),
    lineNo: integer('line_no').notNull(),
    reason: text('reason').$type<StoppageReason>().notNull(),
    minutes: integer('minutes').notNull(),
    itemId: uuid('item_id'),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.reportId, t.lineNo] })],
);
export type StoppageRow = typeof prodDailyReportStoppages.$inferSelect;

export const prodDailyReportRevisions = pgTable(
  'prod_daily_report_revisions',
  {
    orgId: uuid('org_id').notNull(),
    reportId: uuid('report_id').notNull(),
    amendment: integer('amendment').notNull(),
    snapshot: jsonb('snapshot').$type<unknown>().notNull(),
    reason: text('reason').notNull(),
    amendedBy: uuid('amended_by'),
    amendedAt: timestamp('amended_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.reportId, t.amendment] })],
);

export const prodCoordinationItems = pgTable(
  'prod_coordination_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    itemId: uuid('item_id').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    planToDate: doublePrecision('plan_to_date').notNull(),
    doneToDate: doublePrecision('done_to_date').notNull(),
    lagQty: doublePrecision('lag_qty').notNull(),
    lagDays: doublePrecision('lag_days').notNull(),
    measure: text('measure').$type<CompletionMeasure>().notNull(),
    ownerUserId: uuid('owner_user_id'),
    state: text('state').$type<'open' | 'resolved'>().notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    meetingId: uuid('meeting_id'),
    reportId: uuid('report_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type CoordinationRow = typeof prodCoordinationItems.$inferSelect;

export const prodMonthVariances = pgTable(
  'prod_month_variances',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    month: text('month').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    itemId: uuid('item_id').notNull(),
    causeKind: text('cause_kind').$type<CauseKind>().notNull(),
    cause: text('cause').notNull(),
    correctiveAction: text('corrective_action').notNull(),
    enteredBy: uuid('entered_by'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type MonthVarianceRow = typeof prodMonthVariances.$inferSelect;

export const prodDailySchedules = pgTable(
  'prod_daily_schedules',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    month: text('month').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    planId: uuid('plan_id').notNull(),
    documentId: uuid('document_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type DailyScheduleRow = typeof prodDailySchedules.$inferSelect;

export const prodDailyScheduleLines = pgTable(
  'prod_daily_schedule_lines',
  {
    orgId: uuid('org_id').notNull(),
    scheduleId: uuid('schedule_id').notNull(),
    itemId: uuid('item_id').notNull(),
    quantities: doublePrecision('quantities').array().notNull(),
    total: doublePrecision('total').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.scheduleId, t.itemId] })],
);
