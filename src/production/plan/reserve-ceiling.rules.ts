import { effectiveQtyPer } from '../master/index';

// PP-7 (T1 7): material preparation and the highest work-in-progress reserve are set by what
// the plant needs at its MAXIMUM output, not by the planned output, and they do not follow
// every change of output: only a large change of the annual plan moves them. Pure.

export const CEILING_CLAUSE = 'T1 7';
/** The regulation's words, shown to users instead of the clause id. */
export const CEILING_REGULATION = {
  zh: '物资准备和在制品最高储备量都应以满足最大生产量的需要来确定，一般情况下不应频繁地随着产量的变动而变动。只有当年度生产计划大幅度变化时，才能考虑物资准备和在制品数量的变动。',
  en: 'Material preparation and the highest work-in-progress reserve are set to meet the maximum output and should not change often with output; only a large change of the annual plan justifies changing them.',
};

export interface CeilingPolicy {
  materialReserveDays: number;
  wipReserveDays: number;
  ceilingChangeThresholdPct: number;
}

export interface CeilingItem {
  id: string;
  code: string;
  name: string;
  unit: string;
  category: 'finished' | 'semi' | 'raw' | 'packaging';
  source: 'make' | 'buy' | 'outsource';
}

export interface CeilingInput {
  /** The plan's products and their planned quantity over the period. */
  products: { itemId: string; plannedQty: number }[];
  items: CeilingItem[];
  bom: { parentItemId: string; childItemId: string; qtyPer: number; scrapRate: number; yieldRate: number }[];
  routings: { itemId: string; seq: number; workshopId: string; hoursPerUnit: number }[];
  /** Capacity hours of each workshop over the plan's period. */
  workshops: { id: string; name: string; hours: number }[];
  /** Working days in the period (the days any workshop works). */
  workingDays: number;
  /** The item master's current maximum stock, null when not set. */
  maxStock: Record<string, number | null>;
  policy: CeilingPolicy;
  /** Change of the annual plan's total against its previous revision, in %; null when there is none to compare. */
  annualChangePct: number | null;
}

export type CeilingStatus = 'unset' | 'below' | 'ok' | 'hold' | 'adjust';

export interface CeilingRow {
  itemId: string;
  code: string;
  name: string;
  unit: string;
  kind: 'material' | 'wip';
  /** The workshop that makes a semi-finished item (its first operation); null for materials. */
  workshopId: string | null;
  workshopName: string | null;
  needPerDay: number;
  reserveDays: number;
  ceiling: number;
  currentMax: number | null;
  status: CeilingStatus;
}

export interface CeilingFinding {
  clause: string;
  severity: 'warning';
  zh: string;
  en: string;
}

export interface CeilingResult {
  /** Maximum output ÷ planned output: the plan's mix scaled until the bottleneck is full. */
  maxOutputFactor: number;
  bottleneck: { id: string; name: string } | null;
  workingDays: number;
  products: { itemId: string; plannedQty: number; maxQty: number; maxPerDay: number }[];
  rows: CeilingRow[];
  stability: { annualChangePct: number | null; thresholdPct: number; canChange: boolean; finding: CeilingFinding | null };
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
const MAX_LEVELS = 30;

/** Need per day of every component when the products are made at `rates` per day (multi-level, norm ÷ yield × (1 + scrap)). */
export function explodeDailyNeed(rates: Map<string, number>, bom: CeilingInput['bom']): Map<string, number> {
  const children = new Map<string, CeilingInput['bom']>();
  for (const b of bom) children.set(b.parentItemId, [...(children.get(b.parentItemId) ?? []), b]);
  const need = new Map<string, number>();
  let frontier = rates;
  // Level by level; a cycle in the BOM stops after MAX_LEVELS instead of looping.
  for (let level = 0; level < MAX_LEVELS && frontier.size > 0; level++) {
    const next = new Map<string, number>();
    for (const [parent, rate] of frontier) {
      for (const b of children.get(parent) ?? []) {
        const qty = rate * effectiveQtyPer(b.qtyPer, b.yieldRate) * (1 + b.scrapRate);
        if (qty <= 0) continue;
        next.set(b.childItemId, (next.get(b.childItemId) ?? 0) + qty);
        need.set(b.childItemId, (need.get(b.childItemId) ?? 0) + qty);
      }
    }
    frontier = next;
  }
  return need;
}

/** The stability rule: the ceilings move only when the annual plan changed by at least the threshold. */
export function judgeCeilingChange(annualChangePct: number | null, thresholdPct: number): { canChange: boolean; finding: CeilingFinding | null } {
  // No earlier annual plan to compare with: the ceilings are being set for the first time.
  if (annualChangePct === null) return { canChange: true, finding: null };
  if (Math.abs(annualChangePct) >= thresholdPct) return { canChange: true, finding: null };
  return {
    canChange: false,
    finding: {
      clause: CEILING_CLAUSE,
      severity: 'warning',
      zh: `年度计划变化不大，不应调整（变化 ${round(Math.abs(annualChangePct), 1)}%，未达到 ${thresholdPct}%）`,
      en: `The annual plan changed little; do not adjust (changed ${round(Math.abs(annualChangePct), 1)}%, below ${thresholdPct}%)`,
    },
  };
}

/** A row's status: below the need at maximum output, or a change the stability rule holds back or allows. */
export function ceilingStatus(ceiling: number, currentMax: number | null, canChange: boolean): CeilingStatus {
  if (currentMax === null) return 'unset';
  const eps = Math.max(1e-6, ceiling * 1e-6);
  if (currentMax < ceiling - eps) return 'below';
  if (currentMax <= ceiling + eps) return 'ok';
  return canChange ? 'adjust' : 'hold';
}

/** PP-7 (T1 7): the material and WIP ceilings of a plan, from its BOM explosion at maximum output. */
export function computeReserveCeilings(input: CeilingInput): CeilingResult {
  const planned = input.products.filter((p) => p.plannedQty > 0);
  const byId = new Map(input.items.map((i) => [i.id, i]));
  // Hours each workshop would spend on the planned output, components included.
  const plannedRates = new Map(planned.map((p) => [p.itemId, p.plannedQty]));
  const plannedNeed = explodeDailyNeed(plannedRates, input.bom);
  const made = new Map<string, number>([...plannedRates]);
  for (const [id, q] of plannedNeed) made.set(id, (made.get(id) ?? 0) + q);
  const load = new Map<string, number>();
  for (const r of input.routings) {
    const q = made.get(r.itemId);
    if (q) load.set(r.workshopId, (load.get(r.workshopId) ?? 0) + q * r.hoursPerUnit);
  }
  let factor = Number.POSITIVE_INFINITY;
  let bottleneck: CeilingResult['bottleneck'] = null;
  for (const w of input.workshops) {
    const l = load.get(w.id) ?? 0;
    if (l <= 0) continue;
    const f = w.hours / l;
    if (f < factor) {
      factor = f;
      bottleneck = { id: w.id, name: w.name };
    }
  }
  // Without routings there is no capacity to bind the output: the planned output is the most known.
  if (!Number.isFinite(factor)) factor = 1;
  const days = Math.max(1, input.workingDays);
  const maxRates = new Map(planned.map((p) => [p.itemId, (p.plannedQty * factor) / days]));
  const need = explodeDailyNeed(maxRates, input.bom);
  const stability = judgeCeilingChange(input.annualChangePct, input.policy.ceilingChangeThresholdPct);
  const firstOp = new Map<string, { workshopId: string; seq: number }>();
  for (const r of input.routings) {
    const cur = firstOp.get(r.itemId);
    if (!cur || r.seq < cur.seq) firstOp.set(r.itemId, { workshopId: r.workshopId, seq: r.seq });
  }
  const names = new Map(input.workshops.map((w) => [w.id, w.name]));
  const rows: CeilingRow[] = [];
  for (const [itemId, perDay] of need) {
    const item = byId.get(itemId);
    if (!item) continue;
    const isWip = item.category === 'semi' || item.category === 'finished' || (item.source === 'make' && input.bom.some((b) => b.parentItemId === itemId));
    const reserveDays = isWip ? input.policy.wipReserveDays : input.policy.materialReserveDays;
    // Whole units, rounded up: a ceiling a little short of the need would not meet it.
    const ceiling = Math.ceil(round(perDay * reserveDays, 6));
    const currentMax = input.maxStock[itemId] ?? null;
    const workshopId = isWip ? (firstOp.get(itemId)?.workshopId ?? null) : null;
    rows.push({
      itemId,
      code: item.code,
      name: item.name,
      unit: item.unit,
      kind: isWip ? 'wip' : 'material',
      workshopId,
      workshopName: workshopId ? (names.get(workshopId) ?? null) : null,
      needPerDay: round(perDay),
      reserveDays,
      ceiling,
      currentMax,
      status: ceilingStatus(ceiling, currentMax, stability.canChange),
    });
  }
  rows.sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'material' ? -1 : 1));
  return {
    maxOutputFactor: round(factor, 4),
    bottleneck,
    workingDays: days,
    products: planned.map((p) => ({
      itemId: p.itemId,
      plannedQty: p.plannedQty,
      maxQty: round(p.plannedQty * factor),
      maxPerDay: round(maxRates.get(p.itemId) ?? 0),
    })),
    rows,
    stability: {
      annualChangePct: input.annualChangePct === null ? null : round(input.annualChangePct, 2),
      thresholdPct: input.policy.ceilingChangeThresholdPct,
      canChange: stability.canChange,
      finding: stability.finding,
    },
  };
}

/** Change of an annual plan's total, in %, against an earlier total; null without an earlier one. */
export function annualChangePct(currentTotal: number, previousTotal: number | null): number | null {
  if (previousTotal === null) return null;
  if (previousTotal <= 0) return currentTotal > 0 ? 100 : 0;
  return ((currentTotal - previousTotal) / previousTotal) * 100;
}
