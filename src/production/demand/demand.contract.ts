import { z } from 'zod';
import { DOCUMENT_STATES } from '#core/approval';
import { MonthSchema } from '#core/validation';
import { DocView } from '../common/index';
import { CHANGE_KINDS, ORDER_KINDS, ORDER_STATES, REVIEW_PARTIES, SALES_PLAN_KINDS } from './demand.schema';

// Demand's answers (PP-1 … PP-5, PP-12): sales plans, orders with their joint review and
// customer changes, the shipment plan and the month-end summary.

/** One line of an order as POST /production/orders and each row of the orders sheet take it. */
export const OrderLineBody = z.object({
  itemId: z.uuid(),
  qty: z.number().gt(0).max(1e12),
  requestedShipOn: z.iso.date(),
  unitPrice: z.number().min(0).max(1e12).nullish(),
});
export type OrderLineBody = z.infer<typeof OrderLineBody>;

/** An order as POST /production/orders (and PUT, with its version) takes it. */
export const OrderBody = z.object({
  kind: z.enum(ORDER_KINDS),
  customer: z.string().trim().min(1).max(100),
  contact: z.string().max(100).optional(),
  receivedOn: z.iso.date(),
  note: z.string().max(2000).optional(),
  lines: z.array(OrderLineBody).min(1).max(500),
});
export type OrderBody = z.infer<typeof OrderBody>;

const qty = z.number().min(0).max(1e12);
const money = z.number().min(0).max(1e12);

/** One line of a sales plan as PUT /production/sales-plans/:id/lines and the sales-plan sheet take it. */
export const SalesPlanLineBody = z.object({ itemId: z.uuid(), onDate: z.iso.date(), qty, unitPrice: money.nullish() });
export type SalesPlanLineBody = z.infer<typeof SalesPlanLineBody>;

/** What a shipment records (PATCH /production/shipments/:id and the shipment sheet). */
export const ShipmentRecordBody = z.object({
  shippedOn: z.iso.date().nullish(),
  shippedQty: qty.optional(),
  invoicedAmount: money.optional(),
  collectedAmount: money.optional(),
});
export type ShipmentRecordBody = z.infer<typeof ShipmentRecordBody>;

export type OrderLineInput = OrderLineBody;
export type OrderInput = OrderBody;
export type SalesPlanLineInput = SalesPlanLineBody;

/** The sales plans list's filters (GET /production/sales-plans). */
export const SalesPlansQuery = z.object({ kind: z.enum(SALES_PLAN_KINDS).optional(), year: z.coerce.number().int().optional() });

/** A new annual, quarterly or monthly sales plan (PP-1, PP-2). */
export const NewSalesPlanBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annual'), year: z.number().int().min(2000).max(2100) }),
  z.object({ kind: z.literal('quarterly'), year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('monthly'), month: MonthSchema }),
]);
export type NewSalesPlanBody = z.infer<typeof NewSalesPlanBody>;

/** A sales plan's lines as PUT /production/sales-plans/:id/lines saves them. */
export const SalesPlanLinesBody = z.object({
  version: z.number().int(),
  lines: z.array(SalesPlanLineBody).max(20000),
});
export type SalesPlanLinesBody = z.infer<typeof SalesPlanLinesBody>;

/** The orders list's filters (GET /production/orders). */
export const OrdersQuery = z.object({
  state: z.enum(ORDER_STATES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().max(100).optional(),
});

/** A changed order (PUT /production/orders/:id). */
export const OrderChangeBody = OrderBody.extend({ version: z.number().int() });
export type OrderChangeBody = z.infer<typeof OrderChangeBody>;

/** Cancelling an order. */
export const OrderCancelBody = z.object({ version: z.number().int() });

/** One party's opinion in the joint review (T4 第十四条). */
export const ReviewOpinionBody = z.object({ party: z.enum(REVIEW_PARTIES), opinion: z.string().max(2000), isAgreed: z.boolean() });
export type ReviewOpinionBody = z.infer<typeof ReviewOpinionBody>;

/** The joint review's conclusion: the agreed quantity and date of each line. */
export const ConcludeBody = z.object({
  version: z.number().int(),
  lines: z.array(z.object({ lineId: z.uuid(), agreedQty: qty, agreedShipOn: z.iso.date() })).max(500),
});
export type ConcludeBody = z.infer<typeof ConcludeBody>;

/** A customer change (PP-4). */
export const CustomerChangeBody = z.object({
  orderLineId: z.uuid(),
  kind: z.enum(CHANGE_KINDS),
  newItemId: z.uuid().nullish(),
  newQty: qty.nullish(),
  newShipOn: z.iso.date().nullish(),
  reason: z.string().max(2000),
  receivedOn: z.iso.date(),
  hasWrittenConfirmation: z.boolean(),
  confirmationRef: z.string().max(200).optional(),
});
export type CustomerChangeBody = z.infer<typeof CustomerChangeBody>;

/** Applying a customer change. */
export const ApplyChangeBody = z.object({
  version: z.number().int(),
  acceptShortNotice: z.boolean().optional(),
  shortNoticeReason: z.string().max(1000).optional(),
});

/** Declining a customer change. */
export const RejectChangeBody = z.object({ version: z.number().int(), note: z.string().max(2000) });

/** A shipment's record with its version (PATCH /production/shipments/:id). */
export const ShipmentChangeBody = ShipmentRecordBody.extend({ version: z.number().int() });

export const SalesPlanOut = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(SALES_PLAN_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  createdBy: z.string(),
  createdAt: z.date(),
  version: z.number().int(),
});
export type SalesPlanOut = z.infer<typeof SalesPlanOut>;

export const SalesPlanSummary = SalesPlanOut.extend({
  number: z.string(),
  title: z.string(),
  state: z.enum(DOCUMENT_STATES),
  total: z.number(),
  lineCount: z.number().int(),
  link: z.string(),
});
export type SalesPlanSummary = z.infer<typeof SalesPlanSummary>;

export const SalesPlanView = SalesPlanOut.extend({
  title: z.string(),
  number: z.string(),
  state: z.enum(DOCUMENT_STATES),
  lines: z.array(
    z.object({
      id: z.string(),
      itemId: z.string(),
      code: z.string(),
      name: z.string(),
      spec: z.string(),
      unit: z.string(),
      onDate: z.string(),
      qty: z.number(),
      unitPrice: z.number().nullable(),
    }),
  ),
  productTotals: z.array(
    z.object({
      itemId: z.string(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      qty: z.number(),
      amount: z.number().nullable(),
      lineCount: z.number().int(),
    }),
  ),
  document: DocView.nullable(),
});
export type SalesPlanView = z.infer<typeof SalesPlanView>;

export const SalesPlanLinesSaved = z.object({ version: z.number().int(), lines: z.number().int() });
export const IdOut = z.object({ id: z.string() });

export const OrderOut = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(ORDER_KINDS),
  customer: z.string(),
  contact: z.string(),
  receivedOn: z.string(),
  note: z.string(),
  state: z.enum(ORDER_STATES),
  reviewDocumentId: z.string().nullable(),
  salesSheetNumber: z.string().nullable(),
  approvedAt: z.date().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  version: z.number().int(),
});
export type OrderOut = z.infer<typeof OrderOut>;

export const OrderSummary = OrderOut.extend({ totalQty: z.number(), firstShipOn: z.string().nullable(), lineCount: z.number().int(), link: z.string() });
export type OrderSummary = z.infer<typeof OrderSummary>;

export const OrderLineOut = z.object({
  id: z.string(),
  orderId: z.string(),
  lineNo: z.number().int(),
  itemId: z.string(),
  qty: z.number(),
  requestedShipOn: z.string(),
  agreedQty: z.number().nullable(),
  agreedShipOn: z.string().nullable(),
  unitPrice: z.number().nullable(),
  version: z.number().int(),
});

export const CustomerChangeOut = z.object({
  id: z.string(),
  orderId: z.string(),
  orderLineId: z.string(),
  kind: z.enum(CHANGE_KINDS),
  newItemId: z.string().nullable(),
  newQty: z.number().nullable(),
  newShipOn: z.string().nullable(),
  reason: z.string(),
  receivedOn: z.string(),
  hasWrittenConfirmation: z.boolean(),
  confirmationRef: z.string(),
  noticeDays: z.number().int(),
  isShortNotice: z.boolean(),
  shortNoticeReason: z.string().nullable(),
  state: z.enum(['pending', 'applied', 'rejected']),
  decisionNote: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  version: z.number().int(),
});
export type CustomerChangeOut = z.infer<typeof CustomerChangeOut>;

export const OrderView = OrderOut.extend({
  lines: z.array(OrderLineOut.extend({ code: z.string(), name: z.string(), spec: z.string(), unit: z.string() })),
  reviews: z.array(
    z.object({
      orderId: z.string(),
      party: z.enum(REVIEW_PARTIES),
      reviewerId: z.string(),
      reviewerName: z.string(),
      opinion: z.string(),
      isAgreed: z.boolean(),
      at: z.date(),
    }),
  ),
  changes: z.array(CustomerChangeOut),
  /** Which department speaks for each party, and whether the viewer may (a member of it). */
  reviewParties: z.array(z.object({ party: z.enum(REVIEW_PARTIES), departmentNames: z.array(z.string()), mayReview: z.boolean() })),
});
export type OrderView = z.infer<typeof OrderView>;

export const ChangeApplied = z.object({
  change: CustomerChangeOut,
  line: OrderLineOut,
  order: OrderOut,
  /** What the plan did with the changed line (PP-12): absorbed, adjusted or left pending. */
  absorption: z.unknown(),
});

export const ShipmentLine = z.object({
  id: z.string(),
  plannedOn: z.string(),
  qty: z.number(),
  shippedOn: z.string().nullable(),
  shippedQty: z.number(),
  invoicedAmount: z.number(),
  collectedAmount: z.number(),
  version: z.number().int(),
  orderId: z.string(),
  salesSheetNumber: z.string().nullable(),
  customer: z.string(),
  itemId: z.string(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
});
export type ShipmentLine = z.infer<typeof ShipmentLine>;

export const ShipmentOut = z.object({
  id: z.string(),
  orderLineId: z.string(),
  plannedOn: z.string(),
  qty: z.number(),
  shippedOn: z.string().nullable(),
  shippedQty: z.number(),
  invoicedAmount: z.number(),
  collectedAmount: z.number(),
  version: z.number().int(),
});

/** The month of the shipment plan and of the month-end summary (GET /production/shipments, /production/month-summary). */
export const MonthQuery = z.object({ month: MonthSchema });

/** The month whose summary goes to the GM (POST /production/month-summary/:month/submit). */
export const MonthParams = z.object({ month: MonthSchema });

export const MonthSummary = z.object({
  month: z.string(),
  sales: z.array(
    z.object({
      itemId: z.string(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      planned: z.number(),
      ordered: z.number(),
      shipped: z.number(),
      invoiced: z.number(),
    }),
  ),
  collection: z.array(z.object({ customer: z.string(), invoiced: z.number(), collected: z.number(), outstanding: z.number() })),
  submittedAt: z.date().nullable(),
  reportVersion: z.number().int().nullable(),
});
export type MonthSummary = z.infer<typeof MonthSummary>;
