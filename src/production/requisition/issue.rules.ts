import { round } from '../common/index';
import type { LineProblem } from './requisition.rules';
import type { RequisitionState } from './requisition.schema';

// PP-17 (T4 第二十八条 仓库凭批准的领料单核发材料): what the warehouse may still issue against a
// requisition, and what may come back. The issued and returned quantities are the ledger's
// documents that reference the requisition; these rules only compare numbers.

const EPS = 1e-6;

export interface LineProgress {
  itemId: string;
  requestedQty: number;
  /** Issued by the warehouse (an issue short under the record-shortage policy counts only what went out). */
  issuedQty: number;
  /** Returned unused (退料). */
  returnedQty: number;
  /** Still to issue: requested − issued. */
  outstandingQty: number;
}

export function progressOf(
  lines: readonly { itemId: string; requestedQty: number }[],
  issued: ReadonlyMap<string, number>,
  returned: ReadonlyMap<string, number>,
): LineProgress[] {
  return lines.map((l) => {
    const issuedQty = round(issued.get(l.itemId) ?? 0);
    return {
      itemId: l.itemId,
      requestedQty: l.requestedQty,
      issuedQty,
      returnedQty: round(returned.get(l.itemId) ?? 0),
      outstandingQty: round(Math.max(0, l.requestedQty - issuedQty)),
    };
  });
}

/** Where a requisition stands for the people who read the list. */
export const REQUISITION_STAGES = ['submitted', 'escalated', 'rejected', 'withdrawn', 'to_issue', 'partial', 'issued'] as const;
export type RequisitionStage = (typeof REQUISITION_STAGES)[number];

export function stageOf(state: RequisitionState, progress: readonly LineProgress[]): RequisitionStage {
  if (state !== 'approved') return state;
  const issuedAny = progress.some((p) => p.issuedQty > EPS);
  const outstanding = progress.some((p) => p.outstandingQty > EPS);
  if (!outstanding) return 'issued';
  return issuedAny ? 'partial' : 'to_issue';
}

export interface Refusal {
  zh: string;
  en: string;
}

/** Why nothing may be issued now (409), or null. */
export function issueRefusal(state: RequisitionState, number: string, progress: readonly LineProgress[]): Refusal | null {
  switch (state) {
    case 'submitted':
      return {
        zh: `领料单 ${number} 尚未经车间主任批准，仓库不能发料（T4 第二十八条）`,
        en: `Requisition ${number} is not approved by the workshop director yet; the warehouse cannot issue (T4 art. 28)`,
      };
    case 'escalated':
      return {
        zh: `领料单 ${number} 有超定额物料，尚待审批，仓库不能发料`,
        en: `Requisition ${number} has lines above the norm still awaiting approval; the warehouse cannot issue`,
      };
    case 'rejected':
      return { zh: `领料单 ${number} 已被退回，不能发料`, en: `Requisition ${number} was rejected and cannot be issued` };
    case 'withdrawn':
      return { zh: `领料单 ${number} 已撤回，不能发料`, en: `Requisition ${number} was withdrawn and cannot be issued` };
    case 'approved':
      return progress.every((p) => p.outstandingQty <= EPS) ? { zh: `领料单 ${number} 已全部发料`, en: `Requisition ${number} is fully issued` } : null;
  }
}

export interface MoveLine {
  itemId: string;
  qty: number;
}

/** Every issued line is on the requisition and within what is outstanding. */
export function checkIssueLines(progress: readonly LineProgress[], lines: readonly MoveLine[]): LineProblem[] {
  const byItem = new Map(progress.map((p) => [p.itemId, p]));
  const asked = new Map<string, number>();
  const problems: LineProblem[] = [];
  lines.forEach((l, i) => {
    const p = byItem.get(l.itemId);
    if (!p) {
      problems.push({ field: `lines.${i}.itemId`, zh: '该物料不在领料单上', en: 'the item is not on the requisition' });
      return;
    }
    const total = (asked.get(l.itemId) ?? 0) + l.qty;
    asked.set(l.itemId, total);
    if (!(l.qty > 0)) problems.push({ field: `lines.${i}.qty`, zh: '发料数量须大于 0', en: 'must be above 0' });
    else if (total > p.outstandingQty + EPS)
      problems.push({ field: `lines.${i}.qty`, zh: `超过未发数量 ${p.outstandingQty}`, en: `more than the ${p.outstandingQty} outstanding` });
  });
  return problems;
}

/** A return (退料) brings back at most what was issued and not yet returned. */
export function checkReturnLines(progress: readonly LineProgress[], lines: readonly MoveLine[]): LineProblem[] {
  const byItem = new Map(progress.map((p) => [p.itemId, p]));
  const back = new Map<string, number>();
  const problems: LineProblem[] = [];
  lines.forEach((l, i) => {
    const p = byItem.get(l.itemId);
    if (!p) {
      problems.push({ field: `lines.${i}.itemId`, zh: '该物料不在领料单上', en: 'the item is not on the requisition' });
      return;
    }
    const total = (back.get(l.itemId) ?? 0) + l.qty;
    back.set(l.itemId, total);
    const net = round(p.issuedQty - p.returnedQty);
    if (!(l.qty > 0)) problems.push({ field: `lines.${i}.qty`, zh: '退料数量须大于 0', en: 'must be above 0' });
    else if (total > net + EPS)
      problems.push({ field: `lines.${i}.qty`, zh: `超过已领未退数量 ${net}`, en: `more than the ${net} issued and not yet returned` });
  });
  return problems;
}

export interface HeldStock {
  itemId: string;
  locationId: string;
  lot: string;
  onHand: number;
}

export interface PlacedLine {
  itemId: string;
  qty: number;
  locationId: string | null;
  lot: string | null;
}

/**
 * Where an issue line that names no store or lot is taken from: the stores and lots holding
 * the item, in the order given (the ledger's by store code, oldest lot first), until the line
 * is covered. What no store holds stays on the first place (or the default store when nothing
 * is held), so the ledger's shortage policy judges it, exactly as before stores were split.
 */
export function placeIssueLines(
  lines: readonly { itemId: string; qty: number; locationId?: string | null; lot?: string | null }[],
  held: readonly HeldStock[],
): PlacedLine[] {
  const left = new Map<string, HeldStock[]>();
  for (const h of held) if (h.onHand > EPS) left.set(h.itemId, [...(left.get(h.itemId) ?? []), { ...h }]);
  const placed: PlacedLine[] = [];
  for (const l of lines) {
    if (l.locationId || l.lot) {
      placed.push({ itemId: l.itemId, qty: l.qty, locationId: l.locationId ?? null, lot: l.lot ?? null });
      continue;
    }
    const places = left.get(l.itemId) ?? [];
    let need = l.qty;
    const parts: PlacedLine[] = [];
    for (const p of places) {
      if (need <= EPS) break;
      const take = round(Math.min(need, p.onHand));
      if (take <= EPS) continue;
      parts.push({ itemId: l.itemId, qty: take, locationId: p.locationId, lot: p.lot || null });
      p.onHand = round(p.onHand - take);
      need = round(need - take);
    }
    if (need > EPS) {
      if (parts.length) parts[0] = { ...parts[0], qty: round(parts[0].qty + need) };
      else parts.push({ itemId: l.itemId, qty: need, locationId: places[0]?.locationId ?? null, lot: places[0]?.lot || null });
    }
    placed.push(...parts);
  }
  return placed;
}
