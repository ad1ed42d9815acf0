import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/** A purchase receipt's supplier and the purchase plan it was received against (PP-15, PP-16). */
export const prodPurchaseReceipts = pgTable(
  'prod_purchase_receipts',
  {
    orgId: uuid('org_id').notNull(),
    docId: uuid('doc_id').notNull(),
    supplier: text('supplier').notNull().default(''),
    purchasePlanId: uuid('purchase_plan_id'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.docId] })],
);

/** Which purchase order line a receipt line fills; received is the sum of these moves unless reversed. */
export const prodPurchaseReceiptLines = pgTable(
  'prod_purchase_receipt_lines',
  {
    orgId: uuid('org_id').notNull(),
    docId: uuid('doc_id').notNull(),
    lineNo: integer('line_no').notNull(),
    purchaseLineId: uuid('purchase_line_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.docId, t.lineNo] })],
);
