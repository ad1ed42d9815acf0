import { z } from 'zod';
import { STOCK_DOC_KINDS, STOCK_PURPOSES } from './ledger.schema';

// The warehouse's HTTP contract (PP-16): request and response schemas, the one source of
// the types for the routes, the services and the web.

const qty = z.number().min(0).max(1e12);

export const StockDocLineBody = z.object({
  itemId: z.uuid(),
  locationId: z.uuid().nullish(),
  lot: z.string().trim().max(60).nullish(),
  qty,
  toLocationId: z.uuid().nullish(),
});
export type StockDocLineBody = z.infer<typeof StockDocLineBody>;

export const StockDocBody = z.object({
  kind: z.enum(['opening', 'receipt', 'issue', 'transfer', 'count']),
  purpose: z.enum(STOCK_PURPOSES),
  docDate: z.iso.date().optional(),
  workshopId: z.uuid().nullish(),
  reference: z.object({ type: z.string().min(1).max(40), id: z.uuid().nullish(), number: z.string().max(60).nullish() }).nullish(),
  note: z.string().max(2000).optional(),
  lines: z.array(StockDocLineBody).min(1).max(5000),
});
export type StockDocBody = z.infer<typeof StockDocBody>;
/** What postStockDocument takes: a posted document as the route receives it. */
export type StockDocInput = StockDocBody;
export type StockDocLineInput = StockDocLineBody;

export const ReverseBody = z.object({ reason: z.string().trim().min(2).max(2000) });

export const OnHandQuery = z.object({
  itemId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  q: z.string().max(100).optional(),
  includeZero: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200_000).optional(),
});

export const OnHandRow = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  category: z.string(),
  locationId: z.uuid(),
  locationCode: z.string(),
  locationName: z.string(),
  lot: z.string(),
  onHand: z.number(),
  updatedAt: z.date(),
});
export type OnHandRow = z.infer<typeof OnHandRow>;

export const StockDocLine = z.object({
  lineNo: z.number().int(),
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  locationId: z.uuid(),
  locationName: z.string(),
  lot: z.string(),
  qty: z.number(),
  shortage: z.number(),
  balanceAfter: z.number(),
});

export const StockDocView = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(STOCK_DOC_KINDS),
  purpose: z.enum(STOCK_PURPOSES),
  docDate: z.string(),
  workshopId: z.uuid().nullable(),
  referenceType: z.string().nullable(),
  referenceId: z.uuid().nullable(),
  referenceNumber: z.string().nullable(),
  note: z.string(),
  reversesId: z.uuid().nullable(),
  reversedById: z.uuid().nullable(),
  postedBy: z.uuid().nullable(),
  postedAt: z.date(),
  seq: z.number().int(),
  lines: z.array(StockDocLine),
});
export type StockDocView = z.infer<typeof StockDocView>;
