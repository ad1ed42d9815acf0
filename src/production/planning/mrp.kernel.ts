import { isRealNeed, sizeLot } from './lot-size.rule.js';
import { indexMrpInput, type MrpPlant } from './mrp-plant.indexer.js';
import type { MrpInput } from './mrp.schema.js';

/** Plan rows, each n × periods (row i = item i), same layout as MrpPlant.demand. */
export interface MrpResult {
  periods: number;
  itemCount: number;
  gross: Float64Array;
  projectedOnHand: Float64Array;
  net: Float64Array;
  plannedReceipts: Float64Array;
  plannedReleases: Float64Array;
}

export interface MrpItemPlan {
  lowLevelCode: number;
  gross: number[];
  scheduledReceipts: number[];
  projectedOnHand: number[];
  net: number[];
  plannedReceipts: number[];
  plannedReleases: number[];
}

export interface PastDueRelease {
  item: string;
  /** Where the release was put: always 0, the first period of the horizon. */
  period: number;
  qty: number;
  /** Period the planned receipt is needed in. */
  receiptPeriod: number;
  /** How many periods before period 0 the release should have been made. */
  periodsLate: number;
}

export interface MrpOutput {
  items: Record<string, MrpItemPlan>;
  pastDue: PastDueRelease[];
}

export function allocateMrpResult(plant: MrpPlant): MrpResult {
  const cells = plant.itemCount * plant.periods;
  return {
    periods: plant.periods,
    itemCount: plant.itemCount,
    gross: new Float64Array(cells),
    projectedOnHand: new Float64Array(cells),
    net: new Float64Array(cells),
    plannedReceipts: new Float64Array(cells),
    plannedReleases: new Float64Array(cells),
  };
}

/**
 * Gross-to-net for one item from period `from` on, assuming every parent's
 * releases are final. Rebuilds the item's whole release row. The full run and
 * the net-change recompute both go through here, so their bits agree.
 */
export function planItem(plant: MrpPlant, result: MrpResult, i: number, from: number): void {
  const P = plant.periods;
  const base = i * P;
  const { gross, projectedOnHand, net, plannedReceipts, plannedReleases } = result;
  const { demand, scheduledReceipts, parentStart, parentIndex, parentUsage } = plant;

  for (let t = from; t < P; t++) gross[base + t] = demand[base + t];
  // Parents in BOM-line order: a fixed summation order, whoever runs this.
  for (let e = parentStart[i]; e < parentStart[i + 1]; e++) {
    const parentBase = parentIndex[e] * P;
    const usage = parentUsage[e];
    for (let t = from; t < P; t++) {
      gross[base + t] += plannedReleases[parentBase + t] * usage;
    }
  }

  const safetyStock = plant.safetyStock[i];
  const rule = plant.lotRule[i];
  const lotQty = plant.lotQty[i];
  const lotMin = plant.lotMin[i];
  let onHand = from === 0 ? plant.onHand[i] : projectedOnHand[base + from - 1];
  for (let t = from; t < P; t++) {
    const k = base + t;
    const g = gross[k];
    const available = onHand + scheduledReceipts[k];
    const need = g + safetyStock - available;
    let receipt = 0;
    if (isRealNeed(need, g, safetyStock)) {
      net[k] = need;
      receipt = sizeLot(need, rule, lotQty, lotMin);
    } else {
      net[k] = 0;
    }
    plannedReceipts[k] = receipt;
    onHand = available + receipt - g;
    projectedOnHand[k] = onHand;
  }

  // Offset by lead time; receipts due before the lead time elapses land in period 0 (past due).
  const leadTime = plant.leadTime[i];
  plannedReleases.fill(0, base, base + P);
  for (let t = 0; t < P; t++) {
    const receipt = plannedReceipts[base + t];
    if (receipt !== 0) {
      const release = t - leadTime;
      plannedReleases[base + Math.max(release, 0)] += receipt;
    }
  }
}

/** Full MRP run on a pre-indexed plant, items in low-level-code order. */
export function runMrpIndexed(plant: MrpPlant, into?: MrpResult): MrpResult {
  const result = into ?? allocateMrpResult(plant);
  const { order } = plant;
  for (let k = 0; k < order.length; k++) planItem(plant, result, order[k], 0);
  return result;
}

export function collectPastDue(plant: MrpPlant, result: MrpResult, item: number): PastDueRelease[] {
  const out: PastDueRelease[] = [];
  const P = plant.periods;
  const leadTime = plant.leadTime[item];
  for (let t = 0; t < leadTime && t < P; t++) {
    const qty = result.plannedReceipts[item * P + t];
    if (qty !== 0) {
      out.push({ item: plant.ids[item], period: 0, qty, receiptPeriod: t, periodsLate: leadTime - t });
    }
  }
  return out;
}

// A plain loop into a sized array: 3× faster than Array.from(subarray) at 600,000 rows.
function rowOf(cells: Float64Array, item: number, periods: number): number[] {
  const row = new Array<number>(periods);
  const base = item * periods;
  for (let t = 0; t < periods; t++) row[t] = cells[base + t];
  return row;
}

/** JSON-shaped output keyed by item id, items in input order. */
export function formatMrpResult(plant: MrpPlant, result: MrpResult): MrpOutput {
  const P = plant.periods;
  const entries: [string, MrpItemPlan][] = [];
  const pastDue: PastDueRelease[] = [];
  for (let i = 0; i < plant.itemCount; i++) {
    entries.push([
      plant.ids[i],
      {
        lowLevelCode: plant.lowLevelCode[i],
        gross: rowOf(result.gross, i, P),
        scheduledReceipts: rowOf(plant.scheduledReceipts, i, P),
        projectedOnHand: rowOf(result.projectedOnHand, i, P),
        net: rowOf(result.net, i, P),
        plannedReceipts: rowOf(result.plannedReceipts, i, P),
        plannedReleases: rowOf(result.plannedReleases, i, P),
      },
    ]);
    pastDue.push(...collectPastDue(plant, result, i));
  }
  // fromEntries defines own properties, so an item called "__proto__" stays data.
  return { items: Object.fromEntries(entries), pastDue };
}

/** Validated (or typed) input in, JSON-shaped plan out. Throws PlanningInputError. */
export function runMrp(input: MrpInput): MrpOutput {
  const plant = indexMrpInput(input);
  return formatMrpResult(plant, runMrpIndexed(plant));
}
