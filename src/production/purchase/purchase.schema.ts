import { boolean, date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LotPolicy, OrderPeriod } from './purchase.rules';

/** A purchase plan (物资采购计划, CGJH-<year>-<n>) compiled from an issued production plan (PP-15). */
export const prodPurchasePlans = pgTable(
  'prod_purchase_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    documentId: uuid('document_id').notNull(),
    sourcePlanId: uuid('source_plan_id').notNull(),
    title: text('title').notNull(),
    orderPeriod: text('order_period').$type<OrderPeriod>().notNull(),
    lotPolicy: text('lot_policy').$type<LotPolicy>().notNull(),
    compiledAt: timestamp('compiled_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type PurchasePlanRow = typeof prodPurchasePlans.$inferSelect;

/** Per material, the netting as it stood when the plan was compiled. */
export const prodPurchasePlanItems = pgTable(
  'prod_purchase_plan_items',
  {
    orgId: uuid('org_id').notNull(),
    purchasePlanId: uuid('purchase_plan_id').notNull(),
    itemId: uuid('item_id').notNull(),
    supplier: text('supplier').notNull().default(''),
    gross: doublePrecision('gross').notNull(),
    onHand: doublePrecision('on_hand').notNull(),
    openOrders: doublePrecision('open_orders').notNull(),
    safety: doublePrecision('safety').notNull(),
    minQty: doublePrecision('min_qty'),
    maxQty: doublePrecision('max_qty'),
    net: doublePrecision('net').notNull(),
    planned: doublePrecision('planned').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.purchasePlanId, t.itemId] })],
);

/** One order line per supplier, material and period; once approved, an open purchase order. */
export const prodPurchaseLines = pgTable(
  'prod_purchase_lines',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    purchasePlanId: uuid('purchase_plan_id').notNull(),
    itemId: uuid('item_id').notNull(),
    supplier: text('supplier').notNull().default(''),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    needOn: date('need_on', { mode: 'string' }).notNull(),
    releaseOn: date('release_on', { mode: 'string' }).notNull(),
    gross: doublePrecision('gross').notNull(),
    net: doublePrecision('net').notNull(),
    qty: doublePrecision('qty').notNull(),
    isPastDue: boolean('is_past_due').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type PurchaseLineRow = typeof prodPurchaseLines.$inferSelect;
