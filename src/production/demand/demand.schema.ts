import { boolean, date, doublePrecision, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const SALES_PLAN_KINDS = ['annual', 'quarterly', 'monthly'] as const;
export type SalesPlanKind = (typeof SALES_PLAN_KINDS)[number];

export const prodSalesPlans = pgTable(
  'prod_sales_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    documentId: uuid('document_id').notNull(),
    kind: text('kind').$type<SalesPlanKind>().notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type SalesPlanRow = typeof prodSalesPlans.$inferSelect;

const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

export const prodSalesPlanLines = pgTable(
  'prod_sales_plan_lines',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    itemId: uuid('item_id').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    qty: doublePrecision('qty').notNull(),
    unitPrice: money('unit_price'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const ORDER_KINDS = ['contract', 'oral', 'written', 'delivery_request'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
export const ORDER_STATES = ['received', 'in_review', 'submitted', 'approved', 'rejected', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const prodOrders = pgTable(
  'prod_orders',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    kind: text('kind').$type<OrderKind>().notNull(),
    customer: text('customer').notNull(),
    contact: text('contact').notNull().default(''),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    state: text('state').$type<OrderState>().notNull().default('received'),
    reviewDocumentId: uuid('review_document_id'),
    salesSheetNumber: text('sales_sheet_number'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type OrderRow = typeof prodOrders.$inferSelect;

export const prodOrderLines = pgTable(
  'prod_order_lines',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    itemId: uuid('item_id').notNull(),
    qty: doublePrecision('qty').notNull(),
    requestedShipOn: date('requested_ship_on', { mode: 'string' }).notNull(),
    agreedQty: doublePrecision('agreed_qty'),
    agreedShipOn: date('agreed_ship_on', { mode: 'string' }),
    unitPrice: money('unit_price'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type OrderLineRow = typeof prodOrderLines.$inferSelect;

export const REVIEW_PARTIES = ['production', 'quality', 'business'] as const;
export type ReviewParty = (typeof REVIEW_PARTIES)[number];

export const prodOrderReviews = pgTable(
  'prod_order_reviews',
  {
    orgId: uuid('org_id').notNull(),
    orderId: uuid('order_id').notNull(),
    party: text('party').$type<ReviewParty>().notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    opinion: text('opinion').notNull(),
    isAgreed: boolean('is_agreed').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.orderId, t.party] })],
);

export const CHANGE_KINDS = ['product', 'quantity', 'date', 'cancel'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const prodOrderChanges = pgTable(
  'prod_order_changes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    orderLineId: uuid('order_line_id').notNull(),
    kind: text('kind').$type<ChangeKind>().notNull(),
    newItemId: uuid('new_item_id'),
    newQty: doublePrecision('new_qty'),
    newShipOn: date('new_ship_on', { mode: 'string' }),
    reason: text('reason').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    hasWrittenConfirmation: boolean('has_written_confirmation').notNull().default(false),
    confirmationRef: text('confirmation_ref').notNull().default(''),
    noticeDays: integer('notice_days').notNull(),
    isShortNotice: boolean('is_short_notice').notNull(),
    shortNoticeReason: text('short_notice_reason'),
    state: text('state').$type<'pending' | 'applied' | 'rejected'>().notNull().default('pending'),
    decisionNote: text('decision_note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type OrderChangeRow = typeof prodOrderChanges.$inferSelect;

export const prodShipments = pgTable(
  'prod_shipments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderLineId: uuid('order_line_id').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    qty: doublePrecision('qty').notNull(),
    shippedOn: date('shipped_on', { mode: 'string' }),
    shippedQty: doublePrecision('shipped_qty').notNull().default(0),
    invoicedAmount: money('invoiced_amount').notNull().default(0),
    collectedAmount: money('collected_amount').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const prodMonthReports = pgTable(
  'prod_month_reports',
  {
    orgId: uuid('org_id').notNull(),
    month: text('month').notNull(),
    summary: jsonb('summary').$type<unknown>().notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month] })],
);
