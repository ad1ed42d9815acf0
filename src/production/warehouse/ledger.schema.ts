import { bigint, date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const STOCK_DOC_KINDS = ['opening', 'receipt', 'issue', 'transfer', 'count', 'reversal'] as const;
export type StockDocKind = (typeof STOCK_DOC_KINDS)[number];

export const STOCK_PURPOSES = ['opening', 'purchase', 'production', 'return', 'requisition', 'shipment', 'transfer', 'count', 'reversal', 'other'] as const;
export type StockPurpose = (typeof STOCK_PURPOSES)[number];

/** One numbered warehouse document (入库单, 出库单, 调拨单, 盘点单, 冲销单). */
export const prodStockDocs = pgTable(
  'prod_stock_docs',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    kind: text('kind').$type<StockDocKind>().notNull(),
    purpose: text('purpose').$type<StockPurpose>().notNull(),
    docDate: date('doc_date', { mode: 'string' }).notNull(),
    workshopId: uuid('workshop_id'),
    referenceType: text('reference_type'),
    referenceId: uuid('reference_id'),
    referenceNumber: text('reference_number'),
    note: text('note').notNull().default(''),
    reversesId: uuid('reverses_id'),
    reversedById: uuid('reversed_by_id'),
    postedBy: uuid('posted_by'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type StockDocRow = typeof prodStockDocs.$inferSelect;

/** The append-only ledger: signed quantities; a trigger refuses updates and deletes. */
export const prodStockMoves = pgTable(
  'prod_stock_moves',
  {
    orgId: uuid('org_id').notNull(),
    docId: uuid('doc_id').notNull(),
    lineNo: integer('line_no').notNull(),
    itemId: uuid('item_id').notNull(),
    locationId: uuid('location_id').notNull(),
    lot: text('lot').notNull().default(''),
    qty: doublePrecision('qty').notNull(),
    shortage: doublePrecision('shortage').notNull().default(0),
    balanceAfter: doublePrecision('balance_after').notNull(),
    docDate: date('doc_date', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.docId, t.lineNo] })],
);
export type StockMoveRow = typeof prodStockMoves.$inferSelect;
