import { date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type NoticeState = 'draft' | 'issued' | 'done' | 'cancelled';

export const prodNotices = pgTable(
  'prod_notices',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    planId: uuid('plan_id'),
    workshopId: uuid('workshop_id'),
    itemId: uuid('item_id').notNull(),
    qty: doublePrecision('qty').notNull(),
    spec: text('spec').notNull().default(''),
    qualityRequirements: text('quality_requirements').notNull(),
    packagingRequirements: text('packaging_requirements').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    state: text('state').$type<NoticeState>().notNull().default('draft'),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type NoticeRow = typeof prodNotices.$inferSelect;

export const prodTransfers = pgTable(
  'prod_transfers',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    noticeId: uuid('notice_id').notNull(),
    itemId: uuid('item_id').notNull(),
    qty: doublePrecision('qty').notNull(),
    fromWorkshopId: uuid('from_workshop_id'),
    toWorkshopId: uuid('to_workshop_id'),
    transferredOn: date('transferred_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
