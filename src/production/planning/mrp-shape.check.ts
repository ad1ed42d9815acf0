import type { MrpInput } from './mrp.schema.js';

// Issue 11: validating a 100,000-item plant with zod's object parsing costs about a second,
// more than the netting. This is the same contract as MrpInputSchema written as plain loops:
// it only answers yes or no. Yes means zod would accept the input unchanged (its defaults are
// applied by the indexer); no sends the input through zod, which names the first bad field.
// mrp-shape.check.test.ts checks that both agree.

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isQuantity = (v: unknown) => isNumber(v) && v >= 0;
const isWhole = (v: unknown, min: number) => isNumber(v) && Number.isSafeInteger(v) && v >= min;
const isId = (v: unknown) => typeof v === 'string' && v.length >= 1;
/** Present keys all allowed (strict objects); an optional key may hold undefined. */
function onlyKeys(o: Obj, allowed: readonly string[]): boolean {
  for (const k in o) if (!allowed.includes(k)) return false;
  return true;
}

const ITEM_KEYS = ['id', 'name', 'onHand', 'safetyStock', 'leadTime', 'lotSizing'] as const;
const BOM_KEYS = ['parent', 'child', 'qty', 'scrap'] as const;
const ROW_KEYS = ['item', 'period', 'qty'] as const;
const TOP_KEYS = ['periods', 'items', 'bom', 'demand', 'scheduledReceipts'] as const;
const MAX_PERIODS = 1000;

function isLotSizing(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (v.rule === 'lfl') return onlyKeys(v, ['rule']);
  if (v.rule === 'fixed') return onlyKeys(v, ['rule', 'qty']) && isNumber(v.qty) && v.qty > 0;
  if (v.rule === 'multiple') return onlyKeys(v, ['rule', 'qty', 'min']) && isNumber(v.qty) && v.qty > 0 && (v.min === undefined || isQuantity(v.min));
  return false;
}

function isItem(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, ITEM_KEYS) || !isId(v.id)) return false;
  if (v.name !== undefined && typeof v.name !== 'string') return false;
  if (v.onHand !== undefined && !isQuantity(v.onHand)) return false;
  if (v.safetyStock !== undefined && !isQuantity(v.safetyStock)) return false;
  if (v.leadTime !== undefined && !isWhole(v.leadTime, 0)) return false;
  return v.lotSizing === undefined || isLotSizing(v.lotSizing);
}

const isBomLine = (v: unknown) =>
  isObject(v) && onlyKeys(v, BOM_KEYS) && isId(v.parent) && isId(v.child) && isNumber(v.qty) && v.qty > 0 && (v.scrap === undefined || isQuantity(v.scrap));

const isPeriodRow = (v: unknown) => isObject(v) && onlyKeys(v, ROW_KEYS) && isId(v.item) && isWhole(v.period, 0) && isQuantity(v.qty);

function everyOf(list: unknown, ok: (v: unknown) => boolean, required: boolean): boolean {
  if (list === undefined) return !required;
  if (!Array.isArray(list)) return false;
  for (let k = 0; k < list.length; k++) if (!ok(list[k])) return false;
  return true;
}

/** True when `raw` is a well-formed MRP input as MrpInputSchema defines it (references and cycles are the indexer's). */
export function isMrpInputShape(raw: unknown): raw is MrpInput {
  if (!isObject(raw) || !onlyKeys(raw, TOP_KEYS)) return false;
  if (!isWhole(raw.periods, 1) || (raw.periods as number) > MAX_PERIODS) return false;
  if (!Array.isArray(raw.items) || raw.items.length < 1) return false;
  return (
    everyOf(raw.items, isItem, true) &&
    everyOf(raw.bom, isBomLine, false) &&
    everyOf(raw.demand, isPeriodRow, false) &&
    everyOf(raw.scheduledReceipts, isPeriodRow, false)
  );
}
