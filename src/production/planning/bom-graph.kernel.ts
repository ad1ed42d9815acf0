import { PlanningInputError } from './planning-input.error.js';

/** BOM as CSR adjacency plus low-level codes. Edge order within a row is BOM-line order. */
export interface BomGraph {
  itemCount: number;
  /** parent → children: children of i are childIndex[childStart[i] .. childStart[i+1]). */
  childStart: Int32Array;
  childIndex: Int32Array;
  /** child → parents, with the usage per parent unit, qty × (1 + scrap). */
  parentStart: Int32Array;
  parentIndex: Int32Array;
  parentUsage: Float64Array;
  /** Deepest level at which the item appears in any BOM (0 = top). */
  lowLevelCode: Int32Array;
  /** Items sorted by low-level code, then index: every parent precedes its children. */
  order: Int32Array;
}

// Stable counting sort of edges by key: keeps BOM-line order inside each row,
// which fixes the summation order of gross requirements (reproducible bits).
function toCsr(n: number, keys: Int32Array, values: Int32Array, weights: Float64Array | null): { start: Int32Array; index: Int32Array; weight: Float64Array } {
  const m = keys.length;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[keys[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const cursor = start.slice(0, n);
  const index = new Int32Array(m);
  const weight = new Float64Array(weights ? m : 0);
  for (let e = 0; e < m; e++) {
    const at = cursor[keys[e]]++;
    index[at] = values[e];
    if (weights) weight[at] = weights[e];
  }
  return { start, index, weight };
}

function findCycle(remaining: Int32Array, parentStart: Int32Array, parentIndex: Int32Array, ids: readonly string[]): string[] {
  // Every item left after Kahn's pass still has an unprocessed parent, so
  // walking up through such parents must revisit an item: that loop is a cycle.
  let v = remaining.findIndex((d) => d > 0);
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  while (!seenAt.has(v)) {
    seenAt.set(v, path.length);
    path.push(v);
    let next = -1;
    for (let e = parentStart[v]; e < parentStart[v + 1]; e++) {
      if (remaining[parentIndex[e]] > 0) {
        next = parentIndex[e];
        break;
      }
    }
    v = next;
  }
  const loop = path.slice(seenAt.get(v)).reverse();
  // Start at the item listed first so the message is stable: A → B → A.
  let first = 0;
  for (let k = 1; k < loop.length; k++) if (loop[k] < loop[first]) first = k;
  const rotated = [...loop.slice(first), ...loop.slice(0, first)];
  return [...rotated, rotated[0]].map((i) => ids[i] ?? String(i));
}

/**
 * Builds CSR adjacency and low-level codes from parallel edge arrays
 * (edge e: parents[e] uses usage[e] of children[e]). Throws on a cycle, naming its items.
 */
export function buildBomGraph(itemCount: number, parents: Int32Array, children: Int32Array, usage: Float64Array, ids: readonly string[]): BomGraph {
  const n = itemCount;
  const down = toCsr(n, parents, children, null);
  const up = toCsr(n, children, parents, usage);

  // Kahn's algorithm: an item is released once all its parents are, so its
  // low-level code (1 + deepest parent) is final when it leaves the queue.
  const pending = new Int32Array(n);
  for (let i = 0; i < n; i++) pending[i] = up.start[i + 1] - up.start[i];
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (pending[i] === 0) queue[tail++] = i;
  const lowLevelCode = new Int32Array(n);
  let maxLevel = 0;
  for (let head = 0; head < tail; head++) {
    const p = queue[head];
    const childLevel = lowLevelCode[p] + 1;
    for (let e = down.start[p]; e < down.start[p + 1]; e++) {
      const c = down.index[e];
      if (childLevel > lowLevelCode[c]) lowLevelCode[c] = childLevel;
      if (--pending[c] === 0) queue[tail++] = c;
    }
    if (lowLevelCode[p] > maxLevel) maxLevel = lowLevelCode[p];
  }
  if (tail < n) {
    const cycle = findCycle(pending, up.start, up.index, ids);
    const text = cycle.join(' → ');
    throw new PlanningInputError('bom', `cycle ${text}`, `物料清单存在循环：${text}`);
  }

  const levelStart = new Int32Array(maxLevel + 2);
  for (let i = 0; i < n; i++) levelStart[lowLevelCode[i] + 1]++;
  for (let l = 0; l <= maxLevel; l++) levelStart[l + 1] += levelStart[l];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[levelStart[lowLevelCode[i]]++] = i;

  return {
    itemCount: n,
    childStart: down.start,
    childIndex: down.index,
    parentStart: up.start,
    parentIndex: up.index,
    parentUsage: up.weight,
    lowLevelCode,
    order,
  };
}
