import { z } from 'zod';
import { indexMrpInput, type MrpPlant } from './mrp-plant.indexer.js';
import { isMrpInputShape } from './mrp-shape.check.js';
import { toPlanningInputError } from './planning-input.error.js';

// Objects are strict: a misspelt `saftyStock` must fail loudly, not plan with 0.
const itemId = z.string().min(1);
const quantity = z.number().min(0);
const period = z.int().min(0);

export const LotSizingSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('lfl') }),
  z.strictObject({ rule: z.literal('fixed'), qty: z.number().positive() }),
  z.strictObject({
    rule: z.literal('multiple'),
    qty: z.number().positive(),
    min: quantity.optional(),
  }),
]);

export const MrpItemSchema = z.strictObject({
  id: itemId,
  name: z.string().optional(),
  onHand: quantity.default(0),
  safetyStock: quantity.default(0),
  leadTime: z.int().min(0).default(0),
  lotSizing: LotSizingSchema.default({ rule: 'lfl' }),
});

export const BomLineSchema = z.strictObject({
  parent: itemId,
  child: itemId,
  qty: z.number().positive(),
  scrap: quantity.default(0),
});

export const ItemPeriodQtySchema = z.strictObject({
  item: itemId,
  period,
  qty: quantity,
});

// 1000 periods is almost 20 years of weeks; the cap keeps a typo from
// allocating gigabytes (items × periods × 5 Float64 cells).
export const MAX_PERIODS = 1000;

export const MrpInputSchema = z.strictObject({
  periods: z.int().min(1).max(MAX_PERIODS),
  items: z.array(MrpItemSchema).min(1),
  bom: z.array(BomLineSchema).default([]),
  demand: z.array(ItemPeriodQtySchema).default([]),
  scheduledReceipts: z.array(ItemPeriodQtySchema).default([]),
});

export type LotSizing = z.infer<typeof LotSizingSchema>;
/** What callers may pass: defaults (onHand 0, lfl, …) may be left out. */
export type MrpInput = z.input<typeof MrpInputSchema>;
export type MrpItem = z.input<typeof MrpItemSchema>;
export type BomLine = z.input<typeof BomLineSchema>;
export type ItemPeriodQty = z.infer<typeof ItemPeriodQtySchema>;

/**
 * Validates shape, references (unknown items), BOM cycles and the horizon.
 * Throws PlanningInputError naming the first bad field.
 */
export function parseMrpInput(raw: unknown): z.output<typeof MrpInputSchema> {
  const parsed = MrpInputSchema.safeParse(raw);
  if (!parsed.success) throw toPlanningInputError(parsed.error);
  // The indexer holds the cross-reference and cycle checks; building it here
  // once means a parsed input is known to run.
  indexMrpInput(parsed.data);
  return parsed.data;
}

/**
 * Validated and indexed in one pass, for large inputs (the CLI): a plain shape check instead of
 * zod's object parsing, zod only to name the field when the check fails. Throws PlanningInputError.
 */
export function parseMrpPlant(raw: unknown): MrpPlant {
  if (isMrpInputShape(raw)) return indexMrpInput(raw);
  const parsed = MrpInputSchema.safeParse(raw);
  if (!parsed.success) throw toPlanningInputError(parsed.error);
  return indexMrpInput(parsed.data);
}
