import { describe, expect, it } from 'vitest';
import { consolidate, type MaterialFacts, periodStartOf, planMaterialPurchase, sizeToLot, supplierTotals, totalsByUnit } from './purchase.rules';

const material = (extra: Partial<MaterialFacts> = {}): MaterialFacts => ({
  itemId: 'P1',
  supplier: '华兴玻璃',
  leadTimeDays: 5,
  onHand: 0,
  safety: 0,
  minQty: null,
  maxQty: null,
  lotRule: 'lfl',
  lotQty: null,
  lotMin: null,
  needs: [],
  openOrders: [],
  ...extra,
});
const week = { policy: 'lot_for_lot' as const, period: 'week' as const, from: '2026-04-01', today: '2026-03-25' };
const threeDays = [
  { on: '2026-04-06', qty: 300 },
  { on: '2026-04-07', qty: 300 },
  { on: '2026-04-08', qty: 300 },
];

describe('purchase plan rules (PP-15, T4 第二十三条)', () => {
  it('PP-15 order periods start on the day, the Monday of the week or the first of the month', () => {
    expect(['day', 'week', 'month'].map((p) => periodStartOf('2026-04-09', p as 'day'))).toEqual(['2026-04-09', '2026-04-06', '2026-04-01']);
    // Needs before the plan starts are due in its first period.
    expect(consolidate([{ on: '2026-03-20', qty: 5 }], [], 'week', '2026-04-01')).toEqual([
      { start: '2026-03-30', gross: 5, receipts: 0, firstNeed: '2026-04-01' },
    ]);
  });

  it('PP-15 needs on three days of one week are one order line for the week, not one per day', () => {
    const weekly = planMaterialPurchase(material({ needs: threeDays }), week);
    expect(weekly.orders).toEqual([
      {
        itemId: 'P1',
        supplier: '华兴玻璃',
        periodStart: '2026-04-06',
        needOn: '2026-04-06',
        releaseOn: '2026-04-01',
        gross: 900,
        net: 900,
        qty: 900,
        isPastDue: false,
      },
    ]);
    expect(planMaterialPurchase(material({ needs: threeDays }), { ...week, period: 'day' }).orders.map((o) => o.qty)).toEqual([300, 300, 300]);
    expect(planMaterialPurchase(material({ needs: threeDays }), { ...week, period: 'month' }).orders).toHaveLength(1);
  });

  it('PP-15 below the minimum the order brings stock up to the maximum; lot-for-lot orders only the net need', () => {
    const facts = material({ onHand: 1200, minQty: 1000, maxQty: 5000, safety: 200, needs: threeDays });
    const maxMin = planMaterialPurchase(facts, { ...week, policy: 'max_min' });
    // 1,200 − 900 = 300 projected, below the minimum 1,000: order 5,000 − 300.
    expect(maxMin.orders).toMatchObject([{ net: 700, qty: 4700 }]);
    expect(maxMin).toMatchObject({ gross: 900, onHand: 1200, safety: 200, net: 700, planned: 4700 });
    // Lot-for-lot keeps only the safety stock: 300 projected ≥ 200, nothing to buy.
    expect(planMaterialPurchase(facts, week).orders).toEqual([]);
    // A stock already below the minimum is topped up now, even before the plan needs it.
    expect(planMaterialPurchase(material({ onHand: 500, minQty: 1000, maxQty: 5000 }), { ...week, policy: 'max_min' }).orders).toMatchObject([
      { periodStart: '2026-03-30', needOn: '2026-04-01', qty: 4500 },
    ]);
  });

  it('PP-15 the approved safety stock is kept; without a maximum the max-min policy orders the net need', () => {
    const r = planMaterialPurchase(material({ onHand: 100, safety: 400, needs: [{ on: '2026-04-02', qty: 300 }] }), { ...week, policy: 'max_min' });
    expect(r.orders).toMatchObject([{ net: 600, qty: 600 }]);
  });

  it('PP-15 open purchase orders count when they arrive; what is still short is ordered', () => {
    const r = planMaterialPurchase(
      material({
        openOrders: [{ on: '2026-04-06', qty: 500 }],
        needs: [
          { on: '2026-04-07', qty: 300 },
          { on: '2026-04-14', qty: 300 },
        ],
      }),
      week,
    );
    expect(r.orders).toMatchObject([{ periodStart: '2026-04-13', needOn: '2026-04-14', qty: 100 }]);
    expect(r.openOrders).toBe(500);
  });

  it('PP-15 the lot size is applied after netting the period: 3 × 20 with a minimum of 100 is one lot of 100 (ANCHORS)', () => {
    const needs = [20, 20, 20].map((qty, k) => ({ on: `2026-04-0${6 + k}`, qty }));
    const r = planMaterialPurchase(material({ lotRule: 'multiple', lotQty: 100, lotMin: 100, needs }), week);
    expect(r.orders.map((o) => o.qty)).toEqual([100]);
    expect(sizeToLot(4700, 'fixed', 1000, null)).toBe(5000);
    expect(sizeToLot(200.00000000001, 'fixed', 100, null)).toBe(200);
  });

  it('PP-15 an order whose lead time has already passed is flagged past due', () => {
    const r = planMaterialPurchase(material({ leadTimeDays: 15, needs: [{ on: '2026-04-06', qty: 10 }] }), week);
    expect(r.orders[0]).toMatchObject({ releaseOn: '2026-03-22', isPastDue: true });
  });

  it('PP-15 supplier totals count materials and lines, and add quantities only within a unit', () => {
    const totals = supplierTotals([
      { itemId: 'A', supplier: '华兴玻璃', qty: 1000, unit: '个' },
      { itemId: 'A', supplier: '华兴玻璃', qty: 500, unit: '个' },
      { itemId: 'B', supplier: '华兴玻璃', qty: 20, unit: 'kg' },
      { itemId: 'C', supplier: '', qty: 5, unit: '张' },
    ]);
    expect(totals).toEqual([
      {
        supplier: '华兴玻璃',
        materials: 2,
        lines: 3,
        byUnit: [
          { unit: '个', qty: 1500 },
          { unit: 'kg', qty: 20 },
        ],
      },
      { supplier: '', materials: 1, lines: 1, byUnit: [{ unit: '张', qty: 5 }] },
    ]);
    expect(
      totalsByUnit(
        [
          { unit: '个', gross: 1, net: 2 },
          { unit: '个', gross: 3, net: 0.1 },
        ],
        ['gross', 'net'],
      ),
    ).toEqual([{ unit: '个', values: { gross: 4, net: 2.1 } }]);
  });
});
