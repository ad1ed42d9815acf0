import { round } from '../common/index';

// Validation, totals and diffs of plan lines. Pure: items and buckets come in as data.

export interface PlanLineInput {
  itemId: string;
  quantities: number[];
  forecastQty?: number | null;
  note?: string;
}

export interface LineProblem {
  /** Index of the line in the input, as the grid shows it. */
  line: number;
  field: string;
  zh: string;
  en: string;
}

export function checkPlanLines(lines: readonly PlanLineInput[], bucketCount: number, knownItems: ReadonlySet<string>): LineProblem[] {
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  lines.forEach((l, i) => {
    if (!knownItems.has(l.itemId)) problems.push({ line: i, field: `lines[${i}].itemId`, zh: '物料不存在或已停用', en: 'unknown or inactive item' });
    if (seen.has(l.itemId))
      problems.push({
        line: i,
        field: `lines[${i}].itemId`,
        zh: `与第 ${(seen.get(l.itemId) ?? 0) + 1} 行重复`,
        en: `repeats line ${(seen.get(l.itemId) ?? 0) + 1}`,
      });
    seen.set(l.itemId, i);
    if (l.quantities.length !== bucketCount) {
      problems.push({
        line: i,
        field: `lines[${i}].quantities`,
        zh: `应有 ${bucketCount} 个数量（计划期内每期一个）`,
        en: `needs ${bucketCount} quantities, one per period of the plan`,
      });
    }
    l.quantities.forEach((q, k) => {
      if (!Number.isFinite(q) || q < 0)
        problems.push({ line: i, field: `lines[${i}].quantities[${k}]`, zh: '数量不能为负数', en: 'quantity must not be negative' });
    });
    if (l.forecastQty !== undefined && l.forecastQty !== null && (!Number.isFinite(l.forecastQty) || l.forecastQty < 0)) {
      problems.push({ line: i, field: `lines[${i}].forecastQty`, zh: '预估量不能为负数', en: 'forecast must not be negative' });
    }
  });
  return problems;
}

export const lineTotal = (quantities: readonly number[]): number => round(quantities.reduce((s, q) => s + q, 0));

export interface LineSnapshot {
  itemId: string;
  forecastQty: number | null;
  quantities: number[];
  total: number;
}

export interface LineDiff {
  itemId: string;
  kind: 'added' | 'removed' | 'changed';
  totalBefore: number;
  totalAfter: number;
  forecastBefore: number | null;
  forecastAfter: number | null;
  /** Buckets whose quantity changed: index, before, after. */
  buckets: { index: number; before: number; after: number }[];
}

/** What changed between two revisions of a plan (CORE-4): per product, per bucket. */
export function diffPlanLines(before: readonly LineSnapshot[], after: readonly LineSnapshot[]): LineDiff[] {
  const old = new Map(before.map((l) => [l.itemId, l]));
  const out: LineDiff[] = [];
  for (const a of after) {
    const b = old.get(a.itemId);
    old.delete(a.itemId);
    const size = Math.max(a.quantities.length, b?.quantities.length ?? 0);
    const buckets: LineDiff['buckets'] = [];
    for (let k = 0; k < size; k++) {
      const x = b?.quantities[k] ?? 0;
      const y = a.quantities[k] ?? 0;
      if (Math.abs(x - y) > 1e-9) buckets.push({ index: k, before: x, after: y });
    }
    const isForecastChanged = (b?.forecastQty ?? null) !== a.forecastQty;
    if (!b || buckets.length || isForecastChanged) {
      out.push({
        itemId: a.itemId,
        kind: b ? 'changed' : 'added',
        totalBefore: b?.total ?? 0,
        totalAfter: a.total,
        forecastBefore: b?.forecastQty ?? null,
        forecastAfter: a.forecastQty,
        buckets,
      });
    }
  }
  for (const b of old.values()) {
    out.push({
      itemId: b.itemId,
      kind: 'removed',
      totalBefore: b.total,
      totalAfter: 0,
      forecastBefore: b.forecastQty,
      forecastAfter: null,
      buckets: b.quantities.flatMap((q, index) => (q ? [{ index, before: q, after: 0 }] : [])),
    });
  }
  return out;
}

/**
 * Level production (T1 6, T3 第三条 均衡组织生产): a total spread over the working buckets,
 * in whole units, the remainder on the earliest ones. No working bucket: all on the last.
 */
export function spreadEvenly(total: number, isWorking: readonly boolean[]): number[] {
  const out = isWorking.map(() => 0);
  if (total <= 0 || out.length === 0) return out;
  const working = isWorking.flatMap((w, i) => (w ? [i] : []));
  if (working.length === 0) {
    out[out.length - 1] = total;
    return out;
  }
  const whole = Math.floor(total);
  const base = Math.floor(whole / working.length);
  let rest = whole - base * working.length;
  for (const i of working) {
    out[i] = base + (rest > 0 ? 1 : 0);
    if (rest > 0) rest--;
  }
  out[working[working.length - 1]] += round(total - whole);
  return out;
}

/** What to make of a finished product: the demand and safety stock not covered by stock on hand. */
export const netProduction = (demand: number, onHand: number, safetyStock: number): number => round(Math.max(0, demand + safetyStock - onHand));
