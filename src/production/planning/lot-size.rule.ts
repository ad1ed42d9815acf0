// Lot sizing and the two tolerances that keep floating point from ordering
// phantom lots. Shared by the kernel and the reference implementation so both
// apply the same documented rule.

export const LOT_RULE_LFL = 0;
export const LOT_RULE_FIXED = 1;
export const LOT_RULE_MULTIPLE = 2;
export type LotRuleCode = typeof LOT_RULE_LFL | typeof LOT_RULE_FIXED | typeof LOT_RULE_MULTIPLE;

/**
 * A lot count within this of a whole number is that whole number:
 * 200.00000000001 / 100 must order 2 lots, not 3.
 */
export const LOT_EPSILON = 1e-9;

/**
 * A need no larger than NET_EPSILON × max(1, gross + safety stock) is rounding
 * noise (0.1 + 0.2 − 0.3), not a shortage; without this a minimum lot of 100
 * would be ordered for a need of 5e-17.
 */
export const NET_EPSILON = 1e-9;

export function isRealNeed(need: number, gross: number, safetyStock: number): boolean {
  const scale = gross + safetyStock;
  return need > NET_EPSILON * Math.max(scale, 1);
}

/** Whole lots needed to cover `quantity`, at least one. */
export function countLots(quantity: number, lotQty: number): number {
  const lots = Math.ceil(quantity / lotQty - LOT_EPSILON);
  return Math.max(lots, 1);
}

/**
 * Planned receipt for a positive net need.
 * lfl: the need itself; fixed: whole multiples of qty;
 * multiple: at least `min`, rounded up to a multiple of qty.
 */
export function sizeLot(need: number, rule: number, lotQty: number, lotMin: number): number {
  if (rule === LOT_RULE_FIXED) return countLots(need, lotQty) * lotQty;
  if (rule === LOT_RULE_MULTIPLE) {
    return countLots(Math.max(need, lotMin), lotQty) * lotQty;
  }
  return need;
}
