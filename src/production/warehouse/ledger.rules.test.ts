import { describe, expect, it } from 'vitest';
import { balanceDeltas, balanceKey, planMoves, planReversal } from './ledger.rules';

const key = (item: string, loc = 'L1', lot = '') => balanceKey(item, loc, lot);
const line = (itemId: string, qty: number, extra: object = {}) => ({ itemId, locationId: 'L1', lot: '', qty, ...extra });

describe('warehouse ledger rules (PP-16)', () => {
  it('PP-16 a receipt adds, an issue takes away, each move carries the balance after it', () => {
    const r = planMoves('receipt', [line('A', 10), line('A', 5)], new Map([[key('A'), 2]]), 'refuse');
    expect(r.moves.map((m) => [m.qty, m.balanceAfter])).toEqual([
      [10, 12],
      [5, 17],
    ]);
    const i = planMoves('issue', [line('A', 7)], new Map([[key('A'), 17]]), 'refuse');
    expect(i.moves).toMatchObject([{ qty: -7, shortage: 0, balanceAfter: 10 }]);
  });

  it('PP-16 an issue beyond stock is refused under the refuse policy, naming the line and what is on hand', () => {
    const r = planMoves('issue', [line('A', 3), line('A', 8)], new Map([[key('A'), 10]]), 'refuse');
    expect(r.moves).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ line: 2, field: 'lines.1.qty', zh: '库存不足：现有 7，要发 8' })]);
  });

  it('PP-16 under the record-shortage policy what is there goes out and the rest is a shortage; nothing goes negative', () => {
    const r = planMoves('issue', [line('A', 8), line('B', 4)], new Map([[key('A'), 5]]), 'record_shortage');
    expect(r.problems).toEqual([]);
    expect(r.moves).toMatchObject([
      { itemId: 'A', qty: -5, shortage: 3, balanceAfter: 0 },
      { itemId: 'B', qty: 0, shortage: 4, balanceAfter: 0 },
    ]);
    expect(balanceDeltas(r.moves)).toEqual([{ itemId: 'A', locationId: 'L1', lot: '', delta: -5 }]);
  });

  it('PP-16 a count posts the difference, also when it matches (zero move kept as the record of the count)', () => {
    const r = planMoves(
      'count',
      [line('A', 95), line('B', 0), line('C', 4)],
      new Map([
        [key('A'), 100],
        [key('C'), 4],
      ]),
      'refuse',
    );
    expect(r.moves.map((m) => [m.itemId, m.qty, m.balanceAfter])).toEqual([
      ['A', -5, 95],
      ['B', 0, 0],
      ['C', 0, 4],
    ]);
  });

  it('PP-16 a transfer moves between locations and never records a shortage', () => {
    const ok = planMoves('transfer', [line('A', 4, { toLocationId: 'L2' })], new Map([[key('A'), 10]]), 'record_shortage');
    expect(ok.moves.map((m) => [m.locationId, m.qty, m.balanceAfter])).toEqual([
      ['L1', -4, 6],
      ['L2', 4, 4],
    ]);
    const short = planMoves('transfer', [line('A', 11, { toLocationId: 'L2' })], new Map([[key('A'), 10]]), 'record_shortage');
    expect(short.problems[0].field).toBe('lines.0.qty');
    expect(planMoves('transfer', [line('A', 1)], new Map(), 'refuse').problems[0].field).toBe('lines.0.toLocationId');
  });

  it('PP-16 lots are kept apart; zero, negative and non-finite quantities are refused by line', () => {
    const r = planMoves('issue', [line('A', 2, { lot: 'B2' })], new Map([[key('A', 'L1', 'B1'), 10]]), 'refuse');
    expect(r.problems[0].zh).toContain('现有 0');
    const bad = planMoves('receipt', [line('A', 0), line('A', -1), line('A', Number.NaN)], new Map(), 'refuse');
    expect(bad.problems.map((p) => p.field)).toEqual(['lines.0.qty', 'lines.1.qty', 'lines.2.qty']);
  });

  it('PP-16 a reversal moves every line back and refuses to take stock below zero', () => {
    const original = [{ itemId: 'A', locationId: 'L1', lot: '', qty: 10 }];
    expect(planReversal(original, new Map([[key('A'), 12]])).moves).toMatchObject([{ qty: -10, balanceAfter: 2 }]);
    const r = planReversal(original, new Map([[key('A'), 4]]));
    expect(r.moves).toEqual([]);
    expect(r.problems[0].zh).toContain('冲销后库存将为负数');
  });

  it('PP-16 decimal quantities add up without floating point residue', () => {
    const r = planMoves('receipt', [line('A', 0.1), line('A', 0.2)], new Map(), 'refuse');
    expect(r.moves[1].balanceAfter).toBe(0.3);
  });
});
