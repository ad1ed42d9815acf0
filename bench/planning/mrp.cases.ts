import { type CaseFigures, collectGarbage, median, peakRssMb, percentile, time } from './child.runner.js';
import { createRandom, generatePlantSpec, toMrpInput } from './plant.generator.js';
import { indexPlantSpec } from './plant-spec.indexer.js';
import { indexMrpInput, type MrpResult, parseMrpInput, recomputeMrpNetChange, runMrp, runMrpIndexed, runMrpReference } from './planning-kernels.js';

export interface PlantParams {
  items: number;
  lines: number;
  levels: number;
  seed: number;
}

const RESULT_FIELDS = ['gross', 'projectedOnHand', 'net', 'plannedReceipts', 'plannedReleases'] as const;

function sameResult(a: MrpResult, b: MrpResult): boolean {
  return RESULT_FIELDS.every((f) => a[f].length === b[f].length && a[f].every((v, k) => Object.is(v, b[f][k])));
}

/** Compute on the pre-indexed plant: full runs, net change, memory. */
export function measureMrpKernel(p: PlantParams): CaseFigures {
  const [spec, generateMs] = time(() => generatePlantSpec({ items: p.items, bomLines: p.lines, levels: p.levels, seed: p.seed }));
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
  const spec = generatePlantSpec({ items: p.items, bomLines: p.lines, levels: p.levels, seed: p.seed });
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
  const spec = generatePlantSpec({ items: p.items, bomLines: p.lines, levels: p.levels, seed: p.seed });
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
