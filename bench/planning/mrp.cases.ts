import { type CaseFigures, collectGarbage, median, peakRssMb, percentile, time } from './child.runner.js';
import { createRandom, generatePlantSpec, generateRandomPlantSpec, type PlantSpec, toMrpInput } from './plant.generator.js';
import { indexPlantSpec } from './plant-spec.indexer.js';
import {
  explodeSchedule,
  indexMrpInput,
  type MrpResult,
  type PlanningMaster,
  parseMrpInput,
  recomputeMrpNetChange,
  runMrp,
  runMrpIndexed,
  runMrpReference,
} from './planning-kernels.js';

export interface PlantParams {
  items: number;
  lines: number;
  levels: number;
  seed: number;
  /** The bench generator's families (default) or the locality-free random plant. */
  shape?: 'families' | 'random';
}

const plantOf = (p: PlantParams): PlantSpec =>
  (p.shape === 'random' ? generateRandomPlantSpec : generatePlantSpec)({ items: p.items, bomLines: p.lines, levels: p.levels, seed: p.seed });

const RESULT_FIELDS = ['gross', 'projectedOnHand', 'net', 'plannedReceipts', 'plannedReleases'] as const;

function sameResult(a: MrpResult, b: MrpResult): boolean {
  return RESULT_FIELDS.every((f) => a[f].length === b[f].length && a[f].every((v, k) => Object.is(v, b[f][k])));
}

/** Compute on the pre-indexed plant: full runs, net change, memory. */
export function measureMrpKernel(p: PlantParams): CaseFigures {
  const [spec, generateMs] = time(() => plantOf(p));
  const [plant, indexMs] = time(() => indexPlantSpec(spec));
  collectGarbage();
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;

  // Each run allocates its own result arrays, as a caller would.
  const [, coldMs] = time(() => runMrpIndexed(plant));
  const rssAfterRunMb = process.memoryUsage().rss / 2 ** 20;
  const warm: number[] = [];
  let result = runMrpIndexed(plant);
  for (let k = 0; k < 5; k++) {
    collectGarbage();
    const [r, ms] = time(() => runMrpIndexed(plant));
    warm.push(ms);
    result = r;
  }
  const peakAfterFullMb = peakRssMb();

  // Net change: one demand edit on a finished good, recompute, repeat. The
  // full runs above left ~1 GB of garbage; collect it so a GC pause is not billed here.
  collectGarbage();
  const rand = createRandom(p.seed + 1);
  const topItems = plant.order.subarray(0, plant.lowLevelCode.filter((l) => l === 0).length);
  const netChange: number[] = [];
  let recomputed = 0;
  for (let k = 0; k < 40; k++) {
    const item = topItems[Math.floor(rand() * topItems.length)];
    const period = Math.floor(rand() * plant.periods);
    const qty = Math.floor(rand() * 150);
    const [report, ms] = time(() => recomputeMrpNetChange(plant, result, [{ kind: 'demand', item, period, qty }]));
    netChange.push(ms);
    recomputed += report.recomputedItems;
  }
  const isNetChangeExact = sameResult(result, runMrpIndexed(plant));

  const cells = plant.itemCount * plant.periods;
  return {
    items: plant.itemCount,
    bomLines: plant.parentIndex.length,
    levels: Math.max(...plant.lowLevelCode) + 1,
    periods: plant.periods,
    generateMs,
    indexMs,
    coldMs,
    warmMedianMs: median(warm),
    warmMaxMs: Math.max(...warm),
    netChangeMedianMs: median(netChange),
    netChangeP95Ms: percentile(netChange, 95),
    netChangeMaxMs: Math.max(...netChange),
    netChangeItemsAvg: recomputed / netChange.length,
    isNetChangeExact,
    // 5 result rows + demand + scheduled receipts, Float64 each.
    typedArraysMb: (cells * 8 * 7) / 2 ** 20,
    rssBeforeMb,
    rssAfterRunMb,
    peakRssMb: peakAfterFullMb,
  };
}

/** Object-shaped input: zod parse, indexing, and runMrp end to end (objects in, objects out). */
export function measureMrpObjects(p: PlantParams): CaseFigures {
  const spec = plantOf(p);
  const input = toMrpInput(spec);
  collectGarbage();
  const [, parseMs] = time(() => parseMrpInput(input));
  collectGarbage();
  const [, indexMs] = time(() => indexMrpInput(input));
  collectGarbage();
  const [, endToEndMs] = time(() => runMrp(input));
  return { parseMs, indexMs, endToEndMs, peakRssMb: peakRssMb() };
}

/** The naive reference (objects, maps, item by item), checked against the kernel. */
export function measureMrpNaive(p: PlantParams): CaseFigures {
  const spec = plantOf(p);
  const input = toMrpInput(spec);
  const plant = indexMrpInput(input);
  // Kernel timed warm, as in the kernel case; the naive run needs seconds, so JIT warm-up is noise there.
  runMrpIndexed(plant);
  const [kernel, kernelMs] = time(() => runMrpIndexed(plant));
  collectGarbage();
  const [naive, naiveMs] = time(() => runMrpReference(input));
  let mismatches = 0;
  const P = plant.periods;
  for (let i = 0; i < plant.itemCount; i++) {
    const row = naive.items[plant.ids[i]];
    for (const field of RESULT_FIELDS) {
      for (let t = 0; t < P; t++) if (!Object.is(row[field][t], kernel[field][i * P + t])) mismatches++;
    }
  }
  return { naiveMs, kernelMs, mismatches, peakRssMb: peakRssMb() };
}

const LOT_RULES = ['lfl', 'fixed', 'multiple'] as const;
const uuidOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/**
 * The plant as the app holds it after reading its master data (item rows, stock, BOM lines with
 * uuid ids) and a daily schedule of the finished goods: what plan approval and the capacity
 * check hand to explodeSchedule.
 */
function appMasterOf(spec: PlantSpec) {
  const n = spec.itemCount;
  const items = Array.from({ length: n }, (_, i) => ({
    id: uuidOf(i),
    source: spec.isLeaf[i] ? ('buy' as const) : ('make' as const),
    leadTimeDays: spec.leadTime[i],
    lotRule: LOT_RULES[spec.lotRule[i]],
    lotQty: spec.lotQty[i] || null,
    lotMin: spec.lotMin[i] || null,
  }));
  const stock = new Map(items.map((it, i) => [it.id, { onHand: spec.onHand[i], safetyStock: spec.safetyStock[i] }]));
  const bom = Array.from(spec.parents, (p, e) => ({
    parentItemId: uuidOf(p),
    childItemId: uuidOf(spec.children[e]),
    qtyPer: spec.qty[e],
    scrapRate: spec.scrap[e],
    yieldRate: 1,
  }));
  const master = { items, stock, bom, routings: [] } as unknown as PlanningMaster;
  const bucketStarts = Array.from({ length: spec.periods }, (_, t) => new Date(Date.UTC(2027, 0, 1 + t)).toISOString().slice(0, 10));
  const byItem = new Map<number, number[]>();
  for (let k = 0; k < spec.demand.length; k += 3) {
    const row = byItem.get(spec.demand[k]) ?? new Array<number>(spec.periods).fill(0);
    row[spec.demand[k + 1]] += spec.demand[k + 2];
    byItem.set(spec.demand[k], row);
  }
  const lines = [...byItem].map(([i, quantities]) => ({ itemId: uuidOf(i), quantities }));
  return { master, schedule: { bucket: 'day' as const, bucketStarts, lines } };
}

/** Issue 11: a full MRP run through the app's own path (explodeSchedule), objects in, material rows out. */
export async function measureMrpApp(p: PlantParams): Promise<CaseFigures> {
  const spec = plantOf(p);
  const { master, schedule } = appMasterOf(spec);
  collectGarbage();
  const runs: number[] = [];
  let rows = 0;
  for (let k = 0; k < 4; k++) {
    collectGarbage();
    const started = performance.now();
    const exploded = await explodeSchedule(master, schedule, '2026-12-20');
    runs.push(performance.now() - started);
    rows = exploded?.rows.length ?? 0;
  }
  return {
    items: spec.itemCount,
    bomLines: spec.parents.length,
    coldMs: runs[0],
    warmMedianMs: median(runs.slice(1)),
    materialRows: rows,
    peakRssMb: peakRssMb(),
  };
}
