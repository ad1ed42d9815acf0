import type { StockDocKind } from './ledger.schema';

// PP-16 (T4 第二十五条): how a warehouse document moves stock. Pure: the service locks the
// balances it touches, asks these rules for the moves, then writes them. Quantities are in
// the item's unit; a balance is never allowed below zero without saying so.

export type NegativeStockPolicy = 'refuse' | 'record_shortage';

export interface LedgerLine {
  itemId: string;
  locationId: string;
  lot: string;
  /** Receipt, issue, transfer, opening: the quantity moved (> 0). Count: the quantity counted (≥ 0). */
  qty: number;
  /** Transfer only: where the goods go. */
  toLocationId?: string;
}

export interface PlannedMove {
  lineNo: number;
  itemId: string;
  locationId: string;
  lot: string;
  /** Signed: + into the location, − out of it. Zero only for a count that matched. */
  qty: number;
  /** Asked for but not on hand (欠料), when the policy records shortages. */
  shortage: number;
  balanceAfter: number;
}

export interface LedgerProblem {
  line: number;
  field: string;
  zh: string;
  en: string;
}

export const balanceKey = (itemId: string, locationId: string, lot: string): string => `${itemId}\u0000${locationId}\u0000${lot}`;

// Floating point sums of decimal quantities: treat a millionth as zero.
const EPS = 1e-6;
const clean = (x: number): number => (Math.abs(x) < EPS ? 0 : Math.round(x * 1e6) / 1e6);

/**
 * The moves of one document, line by line, against the balances as they stand (several lines
 * on the same item and location see each other). Problems instead of moves when it cannot post.
 */
export function planMoves(
  kind: Exclude<StockDocKind, 'reversal'>,
  lines: readonly LedgerLine[],
  balances: ReadonlyMap<string, number>,
  policy: NegativeStockPolicy,
): { moves: PlannedMove[]; problems: LedgerProblem[] } {
  const running = new Map(balances);
  const moves: PlannedMove[] = [];
  const problems: LedgerProblem[] = [];
  const at = (key: string) => running.get(key) ?? 0;
  const push = (line: number, l: { itemId: string; locationId: string; lot: string }, qty: number, shortage = 0) => {
    const key = balanceKey(l.itemId, l.locationId, l.lot);
    const after = clean(at(key) + qty);
    running.set(key, after);
    moves.push({
      lineNo: moves.length + 1,
      itemId: l.itemId,
      locationId: l.locationId,
      lot: l.lot,
      qty: clean(qty),
      shortage: clean(shortage),
      balanceAfter: after,
    });
    return line;
  };
  lines.forEach((l, i) => {
    const line = i + 1;
    const isCount = kind === 'count';
    if (!Number.isFinite(l.qty) || l.qty < 0 || (!isCount && l.qty <= 0)) {
      problems.push({
        line,
        field: `lines.${i}.qty`,
        zh: isCount ? '盘点数量不能为负数' : '数量须大于零',
        en: isCount ? 'a counted quantity cannot be negative' : 'the quantity must be above zero',
      });
      return;
    }
    const available = at(balanceKey(l.itemId, l.locationId, l.lot));
    switch (kind) {
      case 'opening':
      case 'receipt':
        push(line, l, l.qty);
        return;
      case 'count':
        push(line, l, l.qty - available);
        return;
      case 'issue': {
        if (l.qty <= available + EPS) {
          push(line, l, -l.qty);
          return;
        }
        if (policy === 'refuse') {
          problems.push({
            line,
            field: `lines.${i}.qty`,
            zh: `库存不足：现有 ${clean(available)}，要发 ${l.qty}`,
            en: `not enough stock: ${clean(available)} on hand, ${l.qty} asked`,
          });
          return;
        }
        // What is there goes out; the rest is recorded as a shortage, never as negative stock.
        if (available > EPS) push(line, l, -available, l.qty - available);
        else moves.push({ lineNo: moves.length + 1, itemId: l.itemId, locationId: l.locationId, lot: l.lot, qty: 0, shortage: clean(l.qty), balanceAfter: 0 });
        return;
      }
      case 'transfer': {
        if (!l.toLocationId || l.toLocationId === l.locationId) {
          problems.push({ line, field: `lines.${i}.toLocationId`, zh: '调拨须选择另一个库位', en: 'a transfer needs another location' });
          return;
        }
        // Goods that are not there cannot move: a transfer never records a shortage.
        if (l.qty > available + EPS) {
          problems.push({
            line,
            field: `lines.${i}.qty`,
            zh: `库存不足：现有 ${clean(available)}，要调拨 ${l.qty}`,
            en: `not enough stock to transfer: ${clean(available)} on hand`,
          });
          return;
        }
        push(line, l, -l.qty);
        push(line, { ...l, locationId: l.toLocationId }, l.qty);
        return;
      }
    }
  });
  return problems.length ? { moves: [], problems } : { moves, problems };
}

/** A reversal moves every line of the original back; it may not take stock below zero. */
export function planReversal(
  original: readonly { itemId: string; locationId: string; lot: string; qty: number }[],
  balances: ReadonlyMap<string, number>,
): { moves: PlannedMove[]; problems: LedgerProblem[] } {
  const running = new Map(balances);
  const moves: PlannedMove[] = [];
  const problems: LedgerProblem[] = [];
  original.forEach((m, i) => {
    if (m.qty === 0) return;
    const key = balanceKey(m.itemId, m.locationId, m.lot);
    const after = clean((running.get(key) ?? 0) - m.qty);
    if (after < 0) {
      problems.push({
        line: i + 1,
        field: `lines.${i}`,
        zh: `冲销后库存将为负数（${after}），请先处理后续单据`,
        en: `reversing would leave ${after} on hand; deal with the later documents first`,
      });
      return;
    }
    running.set(key, after);
    moves.push({ lineNo: moves.length + 1, itemId: m.itemId, locationId: m.locationId, lot: m.lot, qty: clean(-m.qty), shortage: 0, balanceAfter: after });
  });
  return problems.length ? { moves: [], problems } : { moves, problems };
}

/** The balance changes the moves make, summed per item, location and lot. */
export function balanceDeltas(moves: readonly PlannedMove[]): { itemId: string; locationId: string; lot: string; delta: number }[] {
  const sums = new Map<string, { itemId: string; locationId: string; lot: string; delta: number }>();
  for (const m of moves) {
    if (m.qty === 0) continue;
    const key = balanceKey(m.itemId, m.locationId, m.lot);
    const s = sums.get(key) ?? { itemId: m.itemId, locationId: m.locationId, lot: m.lot, delta: 0 };
    s.delta = clean(s.delta + m.qty);
    sums.set(key, s);
  }
  return [...sums.values()].filter((s) => s.delta !== 0);
}

export const DOC_PREFIX: Record<StockDocKind, string> = {
  opening: 'QC',
  receipt: 'RK',
  issue: 'CK',
  transfer: 'DB',
  count: 'PD',
  reversal: 'CX',
};
