import type { PlantSpec } from './plant.generator.js';
import { buildBomGraph, type MrpPlant } from './planning-kernels.js';

/**
 * The pre-indexed plant straight from typed arrays, as the app would keep it in
 * memory: no strings or objects per item, so the benchmark measures the kernel.
 * Same arithmetic as indexMrpInput (usage = qty × (1 + scrap), rows summed in order).
 */
export function indexPlantSpec(spec: PlantSpec): MrpPlant {
  const n = spec.itemCount;
  const P = spec.periods;
  const usage = new Float64Array(spec.qty.length);
  for (let e = 0; e < usage.length; e++) usage[e] = spec.qty[e] * (1 + spec.scrap[e]);
  const ids = Array.from({ length: n }, (_, i) => `P${i}`);
  const graph = buildBomGraph(n, spec.parents, spec.children, usage, ids);
  const demand = new Float64Array(n * P);
  for (let k = 0; k < spec.demand.length; k += 3) demand[spec.demand[k] * P + spec.demand[k + 1]] += spec.demand[k + 2];
  const scheduledReceipts = new Float64Array(n * P);
  for (let k = 0; k < spec.receipts.length; k += 3) {
    scheduledReceipts[spec.receipts[k] * P + spec.receipts[k + 1]] += spec.receipts[k + 2];
  }
  return {
    ...graph,
    periods: P,
    ids,
    onHand: spec.onHand,
    safetyStock: spec.safetyStock,
    leadTime: spec.leadTime,
    lotRule: spec.lotRule,
    lotQty: spec.lotQty,
    lotMin: spec.lotMin,
    demand,
    scheduledReceipts,
  };
}
