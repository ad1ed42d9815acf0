import { round } from '../common/index';
import { effectiveQtyPer } from '../master/index';

// PP-17 (T4 第二十八条): a requisition's quantities come from the plan and the material norms
// (材料定额标准及合格率). Pure: plain BOM lines, routings, planned quantities and earlier
// requisitions in, norms and proposals out.

const EPS = 1e-6;

export interface NormBomLine {
  id: string;
  parentItemId: string;
  childItemId: string;
  qtyPer: number;
  scrapRate: number;
  yieldRate: number;
  /** The workshop set to draw this component (用料车间), if any. */
  workshopId: string | null;
}

export interface RoutingStep {
  itemId: string;
  seq: number;
  workshopId: string;
}

/** A material a workshop draws per unit of a product it makes. */
export interface WorkshopNorm {
  workshopId: string;
  productId: string;
  materialId: string;
  /** Per good unit of the product, as the MRP explodes it: quantity / yield × (1 + scrap). */
  perUnit: number;
}

export const normPerUnit = (l: Pick<NormBomLine, 'qtyPer' | 'scrapRate' | 'yieldRate'>): number =>
  round(effectiveQtyPer(l.qtyPer, l.yieldRate) * (1 + l.scrapRate));

/** The workshop drawing a component: the one set on the BOM line, else the parent's first routing operation. */
export function drawingWorkshopOf(line: NormBomLine, routings: readonly RoutingStep[]): string | null {
  if (line.workshopId) return line.workshopId;
  let first: RoutingStep | undefined;
  for (const r of routings) if (r.itemId === line.parentItemId && (!first || r.seq < first.seq)) first = r;
  return first?.workshopId ?? null;
}

export function workshopNorms(bom: readonly NormBomLine[], routings: readonly RoutingStep[]): WorkshopNorm[] {
  const out: WorkshopNorm[] = [];
  for (const line of bom) {
    const workshopId = drawingWorkshopOf(line, routings);
    if (workshopId) out.push({ workshopId, productId: line.parentItemId, materialId: line.childItemId, perUnit: normPerUnit(line) });
  }
  return out;
}

export interface PlannedQty {
  day: string;
  itemId: string;
  qty: number;
}

/** The norm of each material per day for what the workshop plans to make. */
export function normsByDay(workshopId: string, planned: readonly PlannedQty[], norms: readonly WorkshopNorm[]): Map<string, Map<string, number>> {
  const byProduct = new Map<string, WorkshopNorm[]>();
  for (const n of norms) if (n.workshopId === workshopId) byProduct.set(n.productId, [...(byProduct.get(n.productId) ?? []), n]);
  const out = new Map<string, Map<string, number>>();
  for (const p of planned) {
    if (p.qty <= 0) continue;
    for (const n of byProduct.get(p.itemId) ?? []) {
      const days = out.get(n.materialId) ?? new Map<string, number>();
      days.set(p.day, round((days.get(p.day) ?? 0) + p.qty * n.perUnit));
      out.set(n.materialId, days);
    }
  }
  return out;
}

/** A line of an earlier requisition of the workshop that is not rejected or withdrawn. */
export interface PriorLine {
  days: readonly string[];
  itemId: string;
  requestedQty: number;
  normByDay: Readonly<Record<string, number>>;
}

/**
 * What earlier requisitions already asked for these days: each earlier line's quantity is
 * shared over its own days in proportion to its norm (equally when it had none), and the
 * shares of the days asked for now count.
 */
export function priorForDays(prior: readonly PriorLine[], days: readonly string[]): Map<string, number> {
  const wanted = new Set(days);
  const out = new Map<string, number>();
  for (const p of prior) {
    if (p.days.length === 0) continue;
    const total = p.days.reduce((s, d) => s + (p.normByDay[d] ?? 0), 0);
    const share = p.days.filter((d) => wanted.has(d)).reduce((s, d) => s + (total > EPS ? (p.normByDay[d] ?? 0) / total : 1 / p.days.length), 0);
    if (share > 0) out.set(p.itemId, round((out.get(p.itemId) ?? 0) + p.requestedQty * share));
  }
  return out;
}

// Materials counted in pieces are proposed in whole pieces; the others to two decimals.
const COUNT_UNITS = new Set(['个', '只', '张', '瓶', '箱', '盒', '套', '件', '支', '袋', '卷', '桶', '片', '枚', '根', '包']);

/** Rounds a proposed quantity up, so a proposal never falls below the norm. */
export function roundUpQty(qty: number, unit: string): number {
  if (qty <= EPS) return 0;
  const step = COUNT_UNITS.has(unit.trim()) ? 1 : 100;
  return Math.ceil(round(qty * step, 6)) / step;
}

export interface ProposedLine {
  itemId: string;
  normQty: number;
  priorQty: number;
  proposedQty: number;
  normByDay: Record<string, number>;
}

/** The proposal: the norm of the days minus what was already asked for them, never below zero. */
export function proposeLines(
  days: readonly string[],
  norms: Map<string, Map<string, number>>,
  prior: Map<string, number>,
  unitOf: (itemId: string) => string,
): ProposedLine[] {
  const wanted = new Set(days);
  const out: ProposedLine[] = [];
  for (const [itemId, perDay] of norms) {
    const normByDay: Record<string, number> = {};
    for (const [day, qty] of perDay) if (wanted.has(day) && qty > 0) normByDay[day] = qty;
    const normQty = round(Object.values(normByDay).reduce((s, q) => s + q, 0));
    if (normQty <= EPS) continue;
    const priorQty = prior.get(itemId) ?? 0;
    out.push({ itemId, normQty, priorQty, proposedQty: roundUpQty(normQty - priorQty, unitOf(itemId)), normByDay });
  }
  return out;
}

/**
 * Above the norm when, with what was already asked for the same days, the days would get more
 * than their norm plus the policy's tolerance (production.requisitionNormTolerance).
 */
export function isAboveNorm(line: { normQty: number; priorQty: number; requestedQty: number }, tolerance: number): boolean {
  return line.priorQty + line.requestedQty > line.normQty * (1 + tolerance) + EPS;
}

export interface RequestedLine {
  itemId: string;
  requestedQty: number;
  reason?: string | null;
}

export interface LineProblem {
  field: string;
  zh: string;
  en: string;
}

/** An above-norm line needs its reason; an item appears once; something must be asked for. */
export function checkRequestedLines(lines: readonly (RequestedLine & { normQty: number; priorQty: number })[], tolerance: number): LineProblem[] {
  const problems: LineProblem[] = [];
  if (lines.length === 0) problems.push({ field: 'lines', zh: '领料单至少需要一行物料', en: 'a requisition needs at least one line' });
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (seen.has(l.itemId)) problems.push({ field: `lines.${i}.itemId`, zh: '同一物料只能出现一次', en: 'an item may appear only once' });
    seen.add(l.itemId);
    if (!(l.requestedQty > 0)) problems.push({ field: `lines.${i}.requestedQty`, zh: '申领数量须大于 0', en: 'must be above 0' });
    else if (isAboveNorm(l, tolerance) && (l.reason ?? '').trim().length < 2) {
      problems.push({ field: `lines.${i}.reason`, zh: '超定额领料须说明原因', en: 'a line above the norm needs a reason' });
    }
  });
  return problems;
}
