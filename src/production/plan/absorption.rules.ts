// T4 第二十一条 (PP-12): an order received after the monthly plan is absorbed while the month's
// orders stay within what the plan forecast; above it, the plan is adjusted. Pure.

export interface AbsorptionFacts {
  /** The plan's forecast for the product (月度生产计划已预估的量). */
  forecastQty: number;
  /** Approved orders of the product for the month, this one included. */
  cumulativeQty: number;
  /** policy.production.orderAdjustmentThreshold: 1 = any quantity above the forecast. */
  threshold: number;
}

export type AbsorptionDecision = { decision: 'absorbed'; headroom: number } | { decision: 'adjust'; excess: number; limit: number };

export function decideAbsorption(f: AbsorptionFacts): AbsorptionDecision {
  const limit = f.forecastQty * f.threshold;
  // A hair of floating noise must not re-open an approved plan.
  if (f.cumulativeQty <= limit + 1e-9 * Math.max(1, limit)) return { decision: 'absorbed', headroom: limit - f.cumulativeQty };
  return { decision: 'adjust', excess: f.cumulativeQty - limit, limit };
}
