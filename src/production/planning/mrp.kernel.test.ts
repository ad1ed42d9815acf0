import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseMrpInput, runMrp, type MrpInput } from './index.js';

function plan(input: MrpInput) {
  return runMrp(parseMrpInput(input));
}

const zeros = (n: number) => new Array<number>(n).fill(0);

describe('MRP gross-to-net', () => {
  it('PP-14 nets on-hand and scheduled receipts before planning an order', () => {
    const out = plan({
      periods: 6,
      items: [{ id: 'A', onHand: 20, leadTime: 1 }],
      demand: [
        { item: 'A', period: 1, qty: 15 },
        { item: 'A', period: 3, qty: 30 },
      ],
      scheduledReceipts: [{ item: 'A', period: 2, qty: 10 }],
    });
    const a = out.items.A;
    expect(a.gross).toEqual([0, 15, 0, 30, 0, 0]);
    expect(a.projectedOnHand).toEqual([20, 5, 15, 0, 0, 0]);
    expect(a.net).toEqual([0, 0, 0, 15, 0, 0]);
    expect(a.plannedReceipts).toEqual([0, 0, 0, 15, 0, 0]);
    expect(a.plannedReleases).toEqual([0, 0, 15, 0, 0, 0]);
  });

  it('PP-14 nets intermediate stock before exploding components', () => {
    // 100 A need 100 B; 70 B are on hand, so only 30 B are made and only 30 × 2 C are needed.
    const out = plan({
      periods: 4,
      items: [{ id: 'A', leadTime: 1 }, { id: 'B', onHand: 70, leadTime: 1 }, { id: 'C' }],
      bom: [
        { parent: 'A', child: 'B', qty: 1 },
        { parent: 'B', child: 'C', qty: 2 },
      ],
      demand: [{ item: 'A', period: 3, qty: 100 }],
    });
    expect(out.items.B.gross).toEqual([0, 0, 100, 0]);
    expect(out.items.B.plannedReleases).toEqual([0, 30, 0, 0]);
    expect(out.items.C.gross).toEqual([0, 60, 0, 0]);
  });

  it('PP-14 plans every BOM level in one run, with deep quantities multiplied down the tree', () => {
    const items = ['L0', 'L1', 'L2', 'L3', 'L4'].map((id) => ({ id }));
    const bom = items.slice(1).map((item, k) => ({ parent: items[k].id, child: item.id, qty: 3 }));
    const out = plan({ periods: 2, items, bom, demand: [{ item: 'L0', period: 1, qty: 2 }] });
    expect(out.items.L4.gross).toEqual([0, 2 * 3 ** 4]);
    expect(out.items.L4.lowLevelCode).toBe(4);
  });

  it('PP-14 sums the requirements of a shared component from every parent', () => {
    const out = plan({
      periods: 3,
      items: [{ id: 'P1' }, { id: 'P2' }, { id: 'S' }],
      bom: [
        { parent: 'P1', child: 'S', qty: 2 },
        { parent: 'P2', child: 'S', qty: 5 },
      ],
      demand: [
        { item: 'P1', period: 1, qty: 10 },
        { item: 'P2', period: 1, qty: 3 },
        { item: 'S', period: 2, qty: 7 },
      ],
    });
    expect(out.items.S.gross).toEqual([0, 35, 7]);
  });

  it('PP-14 waits for a shared component on a deeper level (low-level code) before netting it', () => {
    // S is a child of A (level 0) and of B (level 1): its low-level code is 2, so
    // B's release is known before S is netted and both needs land in one order.
    const out = plan({
      periods: 4,
      // Listed child-first on purpose: input order must not matter.
      items: [
        { id: 'S', lotSizing: { rule: 'multiple', qty: 1, min: 50 } },
        { id: 'B', leadTime: 1 },
        { id: 'A', leadTime: 1 },
      ],
      bom: [
        { parent: 'A', child: 'S', qty: 1 },
        { parent: 'A', child: 'B', qty: 1 },
        { parent: 'B', child: 'S', qty: 1 },
      ],
      demand: [{ item: 'A', period: 3, qty: 20 }],
    });
    expect(out.items.S.lowLevelCode).toBe(2);
    expect(out.items.S.gross).toEqual([0, 20, 20, 0]);
    expect(out.items.S.plannedReceipts).toEqual([0, 50, 0, 0]);
    expect(out.items.S.projectedOnHand).toEqual([0, 30, 10, 10]);
  });

  it('PP-15 applies a minimum order once to the consolidated need of the period (3 × 20 with min 100 is 100)', () => {
    const out = plan({
      periods: 2,
      items: [{ id: 'P1' }, { id: 'P2' }, { id: 'P3' }, { id: 'S', lotSizing: { rule: 'multiple', qty: 1, min: 100 } }],
      bom: ['P1', 'P2', 'P3'].map((parent) => ({ parent, child: 'S', qty: 1 })),
      demand: ['P1', 'P2', 'P3'].map((item) => ({ item, period: 1, qty: 20 })),
    });
    expect(out.items.S.net).toEqual([0, 60]);
    expect(out.items.S.plannedReceipts).toEqual([0, 100]);
    expect(out.items.S.projectedOnHand).toEqual([0, 40]);
  });

  it('PP-15 fixed lots order whole multiples of the lot quantity', () => {
    const out = plan({
      periods: 3,
      items: [{ id: 'A', lotSizing: { rule: 'fixed', qty: 40 } }],
      demand: [
        { item: 'A', period: 0, qty: 30 },
        { item: 'A', period: 1, qty: 95 },
        { item: 'A', period: 2, qty: 5 },
      ],
    });
    expect(out.items.A.plannedReceipts).toEqual([40, 120, 0]);
    expect(out.items.A.projectedOnHand).toEqual([10, 35, 30]);
  });

  it('PP-15 multiple-of rounds the need up to the multiple and respects the minimum', () => {
    const out = plan({
      periods: 3,
      items: [{ id: 'A', lotSizing: { rule: 'multiple', qty: 30, min: 100 } }],
      demand: [
        { item: 'A', period: 0, qty: 60 },
        { item: 'A', period: 1, qty: 200 },
      ],
    });
    // max(60, 100) → 120 (4 × 30); then 200 − 60 left → 140 → 150.
    expect(out.items.A.plannedReceipts).toEqual([120, 150, 0]);
  });

  it('PP-15 does not round 2.0000000001 lots up to 3 (lot epsilon)', () => {
    const out = plan({
      periods: 1,
      items: [{ id: 'A', lotSizing: { rule: 'fixed', qty: 0.1 } }],
      // 0.1 + 0.2 = 0.30000000000000004: three lots of 0.1, not four.
      demand: [
        { item: 'A', period: 0, qty: 0.1 },
        { item: 'A', period: 0, qty: 0.2 },
      ],
    });
    expect(out.items.A.plannedReceipts[0]).toBeCloseTo(0.3, 12);
  });

  it('PP-15 orders nothing for a rounding-noise need under a minimum lot', () => {
    const out = plan({
      periods: 1,
      items: [{ id: 'A', onHand: 0.3, lotSizing: { rule: 'multiple', qty: 1, min: 100 } }],
      demand: [
        { item: 'A', period: 0, qty: 0.1 },
        { item: 'A', period: 0, qty: 0.2 },
      ],
    });
    expect(out.items.A.net).toEqual([0]);
    expect(out.items.A.plannedReceipts).toEqual([0]);
  });

  it('PP-15 keeps projected on hand at or above safety stock', () => {
    const out = plan({
      periods: 3,
      items: [{ id: 'A', onHand: 10, safetyStock: 15, leadTime: 0 }],
      demand: [{ item: 'A', period: 1, qty: 20 }],
    });
    expect(out.items.A.net).toEqual([5, 20, 0]);
    expect(out.items.A.projectedOnHand).toEqual([15, 15, 15]);
  });

  it('PP-14 adds scrap to the component requirement', () => {
    const out = plan({
      periods: 2,
      items: [{ id: 'A' }, { id: 'B' }],
      bom: [{ parent: 'A', child: 'B', qty: 4, scrap: 0.25 }],
      demand: [{ item: 'A', period: 1, qty: 10 }],
    });
    expect(out.items.B.gross).toEqual([0, 50]);
  });

  it('PP-15 puts a release that falls before period 0 in period 0 and reports it past due', () => {
    const out = plan({
      periods: 5,
      items: [{ id: 'A', leadTime: 3 }],
      demand: [
        { item: 'A', period: 1, qty: 10 },
        { item: 'A', period: 2, qty: 5 },
        { item: 'A', period: 4, qty: 7 },
      ],
    });
    expect(out.items.A.plannedReleases).toEqual([15, 7, 0, 0, 0]);
    expect(out.pastDue).toEqual([
      { item: 'A', period: 0, qty: 10, receiptPeriod: 1, periodsLate: 2 },
      { item: 'A', period: 0, qty: 5, receiptPeriod: 2, periodsLate: 1 },
    ]);
  });

  it('PP-14 leaves items without demand with all-zero rows', () => {
    const out = plan({ periods: 3, items: [{ id: 'A' }] });
    expect(out.items.A).toMatchObject({ gross: zeros(3), plannedReleases: zeros(3) });
    expect(out.pastDue).toEqual([]);
  });
});

describe('MRP textbook table', () => {
  it('PP-14 PP-15 reproduces the hand-checked four-level table (fixtures/mrp-textbook.json)', () => {
    const raw = JSON.parse(readFileSync(new URL('./fixtures/mrp-textbook.json', import.meta.url), 'utf8'));
    const out = plan(raw);
    // A: OH 10, LT 1, L4L; demand 40@3, 30@5, 20@7.
    expect(out.items.A.plannedReleases).toEqual([0, 0, 30, 0, 30, 0, 20, 0]);
    // B = 2 × A releases; OH 15 + SR 10 @1; LT 2.
    expect(out.items.B).toMatchObject({
      gross: [0, 0, 60, 0, 60, 0, 40, 0],
      projectedOnHand: [15, 25, 0, 0, 0, 0, 0, 0],
      plannedReceipts: [0, 0, 35, 0, 60, 0, 40, 0],
      plannedReleases: [35, 0, 60, 0, 40, 0, 0, 0],
    });
    // C = 1 × A + 2 × B (low-level code 2); OH 20, fixed lots of 50, LT 1.
    expect(out.items.C).toMatchObject({
      lowLevelCode: 2,
      gross: [70, 0, 150, 0, 110, 0, 20, 0],
      net: [50, 0, 150, 0, 110, 0, 0, 0],
      plannedReceipts: [50, 0, 150, 0, 150, 0, 0, 0],
      projectedOnHand: [0, 0, 0, 0, 40, 40, 20, 20],
      plannedReleases: [50, 150, 0, 150, 0, 0, 0, 0],
    });
    // D = 2 × (1 + 25% scrap) × C; OH 100, safety stock 20, LT 1.
    expect(out.items.D).toMatchObject({
      lowLevelCode: 3,
      gross: [125, 375, 0, 375, 0, 0, 0, 0],
      net: [45, 375, 0, 375, 0, 0, 0, 0],
      projectedOnHand: [20, 20, 20, 20, 20, 20, 20, 20],
      plannedReleases: [420, 0, 375, 0, 0, 0, 0, 0],
    });
    expect(out.pastDue).toEqual([
      { item: 'C', period: 0, qty: 50, receiptPeriod: 0, periodsLate: 1 },
      { item: 'D', period: 0, qty: 45, receiptPeriod: 0, periodsLate: 1 },
    ]);
  });
});
