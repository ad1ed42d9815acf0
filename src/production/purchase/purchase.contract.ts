import { z } from 'zod';
import { DOCUMENT_STATES } from '#core/approval';

// The purchase plan's HTTP contract (PP-15, T4 第二十三、二十四条), purchase receipts against
// it (PP-16), shortages (T4 第二十六、二十七条) and the plan's material view (issue 14 item 10).

const qty = z.number().min(0).max(1e12);
const Period = z.enum(['day', 'week', 'month']);
export const CompileBody = z.object({ sourcePlanId: z.uuid() });
export const VersionBody = z.object({ version: z.number().int() });

export const PurchasePlanSummary = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  number: z.string(),
  title: z.string(),
  state: z.enum(DOCUMENT_STATES),
  sourcePlanId: z.uuid(),
  sourcePlanTitle: z.string(),
  orderPeriod: Period,
  compiledAt: z.date(),
  lines: z.number().int(),
  suppliers: z.number().int(),
  /** Lines fully received. */
  received: z.number().int(),
  link: z.string(),
});
export type PurchasePlanSummary = z.infer<typeof PurchasePlanSummary>;

export const PurchaseMaterial = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  supplier: z.string(),
  gross: z.number(),
  onHand: z.number(),
  openOrders: z.number(),
  safety: z.number(),
  minQty: z.number().nullable(),
  maxQty: z.number().nullable(),
  net: z.number(),
  planned: z.number(),
});

export const PurchaseLine = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  supplier: z.string(),
  periodStart: z.string(),
  needOn: z.string(),
  releaseOn: z.string(),
  gross: z.number(),
  net: z.number(),
  qty: z.number(),
  isPastDue: z.boolean(),
  received: z.number(),
});
export type PurchaseLine = z.infer<typeof PurchaseLine>;

export const SupplierTotalView = z.object({
  supplier: z.string(),
  materials: z.number().int(),
  lines: z.number().int(),
  byUnit: z.array(z.object({ unit: z.string(), qty: z.number() })),
});
export const UnitTotals = z.array(z.object({ unit: z.string(), values: z.record(z.string(), z.number()) }));

export const PurchasePlanView = PurchasePlanSummary.extend({
  sourcePlanNumber: z.string().nullable(),
  lotPolicy: z.enum(['max_min', 'lot_for_lot']),
  version: z.number().int(),
  createdByName: z.string(),
  materials: z.array(PurchaseMaterial),
  orders: z.array(PurchaseLine),
  suppliers: z.array(SupplierTotalView),
  totals: UnitTotals,
  /** The source plan's materials were decomposed again since: compile again before submitting. */
  isStale: z.boolean(),
});
export type PurchasePlanView = z.infer<typeof PurchasePlanView>;

export const OpenOrderLine = PurchaseLine.extend({ purchasePlanId: z.uuid(), number: z.string(), open: z.number() });
export type OpenOrderLine = z.infer<typeof OpenOrderLine>;

export const PurchaseReceiptBody = z.object({
  supplier: z.string().trim().max(100).optional(),
  purchasePlanId: z.uuid().nullish(),
  docDate: z.iso.date().optional(),
  note: z.string().max(2000).optional(),
  lines: z
    .array(z.object({ itemId: z.uuid(), qty, lot: z.string().trim().max(60).nullish(), locationId: z.uuid().nullish(), purchaseLineId: z.uuid().nullish() }))
    .min(1)
    .max(500),
});
export type PurchaseReceiptBody = z.infer<typeof PurchaseReceiptBody>;

/** The purchase plans' filter (GET /production/purchase-plans): those compiled from one production plan, or all. */
export const PurchasePlansQuery = z.object({ sourcePlanId: z.uuid().optional() });

const MaterialKind = z.enum(['make', 'buy', 'outsource']);
/**
 * The material tab's question (issue 11): a period, and for a large plan one kind, a text and one
 * page of each list (the materials from `offset`, the orders from `ordersOffset`). Without `limit`
 * the answer holds every row (the print view).
 */
export const MaterialPlanQuery = z.object({
  period: Period.optional(),
  kind: MaterialKind.optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  ordersOffset: z.coerce.number().int().min(0).optional(),
});
export type MaterialPlanQuery = z.infer<typeof MaterialPlanQuery>;
/** The export holds every row: it asks for the period alone. */
export const MaterialPlanExportQuery = MaterialPlanQuery.pick({ period: true });
export const MaterialPlanMaterial = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  kind: MaterialKind,
  supplier: z.string(),
  gross: z.number(),
  onHand: z.number(),
  safety: z.number(),
  net: z.number(),
  planned: z.number(),
  firstNeedOn: z.string(),
  isPastDue: z.boolean(),
});
export const MaterialPlanOrder = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: MaterialKind,
  periodStart: z.string(),
  periodEnd: z.string(),
  /** ISO week ('2026-W15', Monday to Sunday on the organisation's calendar) when grouped per week. */
  isoWeek: z.string().nullable(),
  needOn: z.string(),
  releaseOn: z.string(),
  gross: z.number(),
  qty: z.number(),
  isPastDue: z.boolean(),
});
export const MaterialPlanView = z.object({
  planId: z.uuid(),
  title: z.string(),
  materialsAt: z.date().nullable(),
  period: Period,
  /** The page's materials (every material asked for when the question had no limit). */
  materials: z.array(MaterialPlanMaterial),
  /** How many materials match the question, over all pages. */
  materialsTotal: z.number().int(),
  orders: z.array(MaterialPlanOrder),
  ordersTotal: z.number().int(),
  /** Totals per unit over every material that matches, not only the page. */
  totals: UnitTotals,
  /** Materials that cannot arrive in time at their lead time (T4 第二十六条): the first 20 named, whatever the page. */
  shortages: z.array(z.object({ itemId: z.uuid(), code: z.string(), name: z.string(), unit: z.string(), qty: z.number(), needOn: z.string() })),
  /** How many materials cannot arrive in time, in all. */
  shortagesTotal: z.number().int(),
});
export type MaterialPlanView = z.infer<typeof MaterialPlanView>;

// T4 第二十六、二十七条: materials that will run short, and shortages issues recorded.
export const ProjectedShortageRow = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  supplier: z.string(),
  shortOn: z.string(),
  shortQty: z.number(),
  needed: z.number(),
  onHand: z.number(),
  onOrder: z.number(),
});
export const RecordedShortageRow = z.object({
  docId: z.uuid(),
  number: z.string(),
  docDate: z.string(),
  workshopName: z.string().nullable(),
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  shortage: z.number(),
});
export const ShortageView = z.object({ projected: z.array(ProjectedShortageRow), recorded: z.array(RecordedShortageRow) });
export type ShortageView = z.infer<typeof ShortageView>;

// Request schemas.

export const OpenOrderLinesQuery = z.object({ purchasePlanId: z.uuid().optional(), supplier: z.string().max(100).optional() });
export type OpenOrderLinesQuery = z.infer<typeof OpenOrderLinesQuery>;
