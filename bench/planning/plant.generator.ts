import type { MrpInput } from './planning-kernels.js';

// Seeded generator of realistic plants for the MRP benchmarks: finished goods
// on level 0, 6–10 BOM levels, 3–6 children per parent, product families whose
// sub-assemblies mostly stay inside the family, plus a pool of common parts
// (fasteners, packaging) shared across families and used at several levels.

export interface PlantSpec {
  periods: number;
  itemCount: number;
  levels: number;
  level: Int32Array;
  isLeaf: Uint8Array;
  onHand: Float64Array;
  safetyStock: Float64Array;
  leadTime: Int32Array;
  lotRule: Uint8Array;
  lotQty: Float64Array;
  lotMin: Float64Array;
  parents: Int32Array;
  children: Int32Array;
  qty: Float64Array;
  scrap: Float64Array;
  /** Rows [item, period, qty] flattened. */
  demand: Float64Array;
  receipts: Float64Array;
}

export interface PlantOptions {
  items: number;
  bomLines: number;
  periods?: number;
  levels?: number;
  seed?: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY_SIZE = 500;

export function generatePlantSpec(options: PlantOptions): PlantSpec {
  const rand = createRandom(options.seed ?? 42);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const n = options.items;
  const periods = options.periods ?? 52;
  const levels = options.levels ?? 6 + ((options.seed ?? 42) % 5);
  const families = Math.max(1, Math.round(n / FAMILY_SIZE));

  // Level sizes: 5% finished goods, the rest spread evenly over the lower levels.
  const sizes: number[] = [Math.max(1, Math.round(n * 0.05))];
  for (let k = 1; k < levels; k++) sizes.push(Math.round((n - sizes[0]) / (levels - 1)));
  sizes[levels - 1] += n - sizes.reduce((a, b) => a + b, 0);

  const level = new Int32Array(n);
  const family = new Int32Array(n); // -1: common part
  const byLevelFamily: number[][][] = Array.from({ length: levels }, () => Array.from({ length: families + 1 }, () => []));
  let next = 0;
  for (let k = 0; k < levels; k++) {
    for (let j = 0; j < sizes[k]; j++, next++) {
      level[next] = k;
      family[next] = k >= 2 && j < sizes[k] * 0.1 ? -1 : j % families;
      byLevelFamily[k][family[next] + 1].push(next);
    }
  }

  // Enough parents to reach the wanted line count at the mean child count.
  const childCounts = [3, 4, 5, 5, 6, 6];
  const meanChildren = childCounts.reduce((a, b) => a + b, 0) / childCounts.length;
  const wantedParents = Math.min(n - sizes[levels - 1], Math.round(options.bomLines / meanChildren));
  const leafShare = 1 - wantedParents / (n - sizes[levels - 1]);
  const isLeaf = new Uint8Array(n);
  for (let i = 0; i < n; i++) isLeaf[i] = level[i] === levels - 1 || (level[i] > 0 && rand() < leafShare) ? 1 : 0;

  const parents: number[] = [];
  const children: number[] = [];
  const childCount = new Int32Array(n);
  const pick = (pool: number[]) => pool[Math.floor(rand() ** 2 * pool.length)]; // skew: popular parts
  const addEdge = (p: number, c: number) => {
    parents.push(p);
    children.push(c);
    childCount[p]++;
  };

  const makers = byLevelFamily.map((byFamily) => byFamily.map((items) => items.filter((i) => !isLeaf[i])));
  const makersByLevel = makers.map((byFamily) => byFamily.flat());
  const itemsByLevel = byLevelFamily.map((byFamily) => byFamily.flat());

  // Pass 1: every item below the top gets a parent one level up (same family if possible).
  for (let i = 0; i < n; i++) {
    if (level[i] === 0) continue;
    const own = family[i] >= 0 ? makers[level[i] - 1][family[i] + 1] : [];
    const pool = own.length > 0 ? own : makersByLevel[level[i] - 1];
    if (pool.length > 0) addEdge(pool[Math.floor(rand() * pool.length)], i);
  }
  // Pass 2: fill each parent to 3–6 children.
  for (let p = 0; p < n; p++) {
    if (isLeaf[p]) continue;
    const target = childCounts[int(0, childCounts.length - 1)];
    const k = level[p];
    const fam = family[p] >= 0 ? family[p] : int(0, families - 1);
    for (let guard = 0; childCount[p] < target && guard < 20; guard++) {
      const r = rand();
      let pool: number[];
      if (r < 0.85 || k + 2 >= levels) pool = byLevelFamily[k + 1][fam + 1];
      else if (r < 0.95) pool = byLevelFamily[int(Math.max(k + 1, 2), levels - 1)][0];
      else pool = byLevelFamily[int(k + 2, levels - 1)][fam + 1];
      if (pool.length === 0) pool = itemsByLevel[k + 1];
      const c = pick(pool);
      let duplicate = false;
      for (let e = children.length - 1; e >= 0 && parents[e] === p; e--) duplicate ||= children[e] === c;
      if (!duplicate) addEdge(p, c);
    }
  }

  return finishPlant(rand, { periods, levels, level, isLeaf, parents, children });
}

/**
 * A plant without the family locality of generatePlantSpec (issue 11): every item sits on a
 * random level and every BOM line joins a random parent to a random item on any lower level, so
 * a parent's children are scattered over the whole item range (worst case for memory access).
 */
export function generateRandomPlantSpec(options: PlantOptions): PlantSpec {
  const rand = createRandom(options.seed ?? 7);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const n = options.items;
  const periods = options.periods ?? 52;
  const levels = options.levels ?? 8;
  const level = new Int32Array(n);
  // 5 % finished goods on level 0; the rest uniformly on levels 1 … levels − 1, in random positions.
  for (let i = 0; i < n; i++) level[i] = rand() < 0.05 ? 0 : int(1, levels - 1);
  const byLevel: number[][] = Array.from({ length: levels }, () => []);
  for (let i = 0; i < n; i++) byLevel[level[i]].push(i);
  const below: number[][] = byLevel.map((_, k) => byLevel.slice(k + 1).flat());
  const parents: number[] = [];
  const children: number[] = [];
  const seen = new Set<number>();
  while (parents.length < options.bomLines) {
    const p = int(0, n - 1);
    const pool = below[level[p]];
    if (pool.length === 0) continue;
    const c = pool[int(0, pool.length - 1)];
    const key = p * n + c;
    if (seen.has(key)) continue;
    seen.add(key);
    parents.push(p);
    children.push(c);
  }
  const isLeaf = new Uint8Array(n).fill(1);
  for (const p of parents) isLeaf[p] = 0;
  return finishPlant(rand, { periods, levels, level, isLeaf, parents, children });
}

/**
 * Quantities per BOM line and each item's stock, lead time, lot rule, demand and receipts, drawn
 * the same way for both plants (in this order, so a seed gives the same plant as before).
 */
function finishPlant(
  rand: () => number,
  shape: { periods: number; levels: number; level: Int32Array; isLeaf: Uint8Array; parents: number[]; children: number[] },
): PlantSpec {
  const { periods, levels, level, isLeaf, parents, children } = shape;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const n = level.length;
  const m = parents.length;
  const qty = new Float64Array(m);
  const scrap = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    qty[e] = [1, 1, 1, 2, 2, 4][int(0, 5)];
    scrap[e] = rand() < 0.1 ? 0.02 : 0;
  }
  const onHand = new Float64Array(n);
  const safetyStock = new Float64Array(n);
  const leadTime = new Int32Array(n);
  const lotRule = new Uint8Array(n);
  const lotQty = new Float64Array(n);
  const lotMin = new Float64Array(n);
  const demand: number[] = [];
  const receipts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rand() < 0.4) onHand[i] = int(0, 50) * (level[i] + 1);
    if (rand() < 0.1) safetyStock[i] = int(5, 20);
    leadTime[i] = isLeaf[i] ? int(1, 4) : int(0, 2);
    const rule = rand();
    if (rule < 0.2) {
      lotRule[i] = 1;
      lotQty[i] = [10, 25, 50, 100, 500][int(0, 4)];
    } else if (rule < 0.4) {
      lotRule[i] = 2;
      lotQty[i] = [1, 5, 10, 50][int(0, 3)];
      lotMin[i] = int(0, 4) * 50;
    }
    if (level[i] === 0) for (let t = 0; t < periods; t++) if (rand() < 0.8) demand.push(i, t, int(0, 100));
    if (rand() < 0.05) receipts.push(i, int(0, Math.min(3, periods - 1)), int(1, 20) * 10);
  }
  return {
    periods,
    itemCount: n,
    levels,
    level,
    isLeaf,
    onHand,
    safetyStock,
    leadTime,
    lotRule,
    lotQty,
    lotMin,
    parents: Int32Array.from(parents),
    children: Int32Array.from(children),
    qty,
    scrap,
    demand: Float64Array.from(demand),
    receipts: Float64Array.from(receipts),
  };
}

const RULE_NAMES = ['lfl', 'fixed', 'multiple'] as const;

/** The same plant as plain JSON-shaped input (for parse/index and the naive reference). */
export function toMrpInput(spec: PlantSpec): MrpInput {
  const id = (i: number) => `P${i}`;
  const rows = (flat: Float64Array) => {
    const out: { item: string; period: number; qty: number }[] = [];
    for (let k = 0; k < flat.length; k += 3) out.push({ item: id(flat[k]), period: flat[k + 1], qty: flat[k + 2] });
    return out;
  };
  return {
    periods: spec.periods,
    items: Array.from({ length: spec.itemCount }, (_, i) => {
      const rule = RULE_NAMES[spec.lotRule[i]];
      const lotSizing = rule === 'lfl' ? { rule } : rule === 'fixed' ? { rule, qty: spec.lotQty[i] } : { rule, qty: spec.lotQty[i], min: spec.lotMin[i] };
      return {
        id: id(i),
        onHand: spec.onHand[i],
        safetyStock: spec.safetyStock[i],
        leadTime: spec.leadTime[i],
        lotSizing,
      };
    }),
    bom: Array.from(spec.parents, (p, e) => ({
      parent: id(p),
      child: id(spec.children[e]),
      qty: spec.qty[e],
      scrap: spec.scrap[e],
    })),
    demand: rows(spec.demand),
    scheduledReceipts: rows(spec.receipts),
  };
}
