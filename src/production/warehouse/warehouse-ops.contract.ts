import { z } from 'zod';
import { LOCATION_KINDS } from '../master/index';
import { STOCK_DOC_KINDS, STOCK_PURPOSES } from './ledger.schema';

// The warehouse desk's HTTP contract (PP-16, T4 第二十五 … 二十七条): locations, the document
// list and page, stock on hand per item with its standards, the stock card, shortages and
// shipment issues. The ledger's own posting contract is warehouse.contract.ts.

const qty = z.number().min(0).max(1e12);
const code = z.string().trim().min(1).max(40);
const name = z.string().trim().min(1).max(100);

export const LocationBody = z.object({ code, name, kind: z.enum(LOCATION_KINDS).optional(), sort: z.number().int().optional() });
export type LocationBody = z.infer<typeof LocationBody>;
export const LocationChange = z.object({
  version: z.number().int(),
  name: name.optional(),
  kind: z.enum(LOCATION_KINDS).optional(),
  sort: z.number().int().optional(),
});
export type LocationChange = z.infer<typeof LocationChange>;
export const LocationVersion = z.object({ version: z.number().int() });

export const LocationView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(LOCATION_KINDS),
  isActive: z.boolean(),
  sort: z.number().int(),
  version: z.number().int(),
  /** Item-lot balances held there now. */
  stockLines: z.number().int(),
});
export type LocationView = z.infer<typeof LocationView>;

/** The locations list's filter (GET /production/locations): active=true leaves out the retired ones. */
export const LocationsQuery = z.object({ active: z.enum(['true', 'false']).optional() });

export const DocumentListQuery = z.object({
  kind: z.enum(STOCK_DOC_KINDS).optional(),
  purpose: z.enum(STOCK_PURPOSES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  itemId: z.uuid().optional(),
  workshopId: z.uuid().optional(),
  /** The number of the record it comes from (a requisition, a purchase plan …), contains. */
  reference: z.string().max(60).optional(),
  /** The document's own number, contains. */
  q: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const DocumentSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(STOCK_DOC_KINDS),
  purpose: z.enum(STOCK_PURPOSES),
  docDate: z.string(),
  workshopName: z.string().nullable(),
  referenceType: z.string().nullable(),
  referenceNumber: z.string().nullable(),
  note: z.string(),
  isReversed: z.boolean(),
  postedByName: z.string().nullable(),
  postedAt: z.date(),
  lines: z.number().int(),
  /** Total quantity moved, in and out, for a quick look (units may differ). */
  qty: z.number(),
});
export const DocumentPage = z.object({ rows: z.array(DocumentSummary), total: z.number().int() });
export type DocumentPage = z.infer<typeof DocumentPage>;

/** What the ledger's document view lacks for the page and the printed form. */
export const DocumentContext = z.object({
  postedByName: z.string().nullable(),
  workshopName: z.string().nullable(),
  reversesNumber: z.string().nullable(),
  reversedByNumber: z.string().nullable(),
  reversedByNote: z.string().nullable(),
  supplier: z.string().nullable(),
  purchasePlanId: z.uuid().nullable(),
  /** Counts: what the books said before, per line (counted − difference). */
  bookQty: z.array(z.number()).nullable(),
});
export type DocumentContext = z.infer<typeof DocumentContext>;

export const StockSummaryQuery = z.object({
  q: z.string().max(100).optional(),
  locationId: z.uuid().optional(),
  category: z.enum(['finished', 'semi', 'raw', 'packaging']).optional(),
  /** Only items below their safety stock or minimum. */
  low: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(50_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export type StockSummaryQuery = z.infer<typeof StockSummaryQuery>;

export const StockSummaryRow = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  category: z.string(),
  onHand: z.number(),
  minQty: z.number().nullable(),
  maxQty: z.number().nullable(),
  safetyStock: z.number(),
  isBelowSafety: z.boolean(),
  isBelowMin: z.boolean(),
  /** Locations and lots holding it: "原料库 2603 ×1200" for a phone card. */
  places: z.number().int(),
});
export const StockSummaryPage = z.object({ rows: z.array(StockSummaryRow), total: z.number().int(), low: z.number().int() });
export type StockSummaryPage = z.infer<typeof StockSummaryPage>;

export const StockCardMove = z.object({
  docId: z.uuid(),
  number: z.string(),
  kind: z.enum(STOCK_DOC_KINDS),
  purpose: z.enum(STOCK_PURPOSES),
  docDate: z.string(),
  referenceNumber: z.string().nullable(),
  locationName: z.string(),
  lot: z.string(),
  qty: z.number(),
  shortage: z.number(),
  balanceAfter: z.number(),
  postedAt: z.date(),
});
export const StockCard = z.object({
  item: z.object({ id: z.uuid(), code: z.string(), name: z.string(), spec: z.string(), unit: z.string() }),
  onHand: z.number(),
  moves: z.array(StockCardMove),
});
export type StockCard = z.infer<typeof StockCard>;

export const ShipmentIssueBody = z.object({
  shipmentId: z.uuid(),
  docDate: z.iso.date().optional(),
  note: z.string().max(2000).optional(),
  lines: z
    .array(z.object({ locationId: z.uuid().nullish(), lot: z.string().trim().max(60).nullish(), qty }))
    .min(1)
    .max(100),
});
export type ShipmentIssueBody = z.infer<typeof ShipmentIssueBody>;

export const ShipmentOption = z.object({
  id: z.uuid(),
  plannedOn: z.string(),
  customer: z.string(),
  salesSheetNumber: z.string().nullable(),
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  qty: z.number(),
  /** Already issued from the warehouse against it (not reversed). */
  issued: z.number(),
});
export type ShipmentOption = z.infer<typeof ShipmentOption>;

/** How many of an item's latest movements its stock card shows (GET /production/items/:id/stock-card). */
export const StockCardQuery = z.object({ limit: z.coerce.number().int().min(1).max(5000).optional() });

/** The month whose shipment lines can be issued (GET /production/shipment-issues/options); the route checks its form. */
export const ShipmentOptionsQuery = z.object({ month: z.string() });
