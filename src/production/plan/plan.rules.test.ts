import { describe, expect, it } from 'vitest';
import { decideAbsorption } from './absorption.rules';
import { bucketIndexOf, bucketStarts, capacityGroups, planPeriod } from './plan-period.rules';
import { checkPlanLines, diffPlanLines, lineTotal, netProduction, spreadEvenly } from './plan-lines.rules';

describe('plan periods and buckets', () => {
  it('PP-8 a monthly plan has one bucket per day and reports capacity per week', () => {
    const p = planPeriod({ kind: 'monthly', month: '2026-04' });
    expect(p).toMatchObject({ periodStart: '2026-04-01', periodEnd: '2026-04-30', bucket: 'day' });
    expect(p.title.zh).toBe('2026年4月生产计划');
    expect(bucketStarts(p)).toHaveLength(30);
    const weeks = capacityGroups('monthly', p);
    // 1 April 2026 is a Wednesday: the first week has 5 days (Wed–Sun).
    expect(weeks.map((w) => w.buckets.length)).toEqual([5, 7, 7, 7, 4]);
    expect(weeks[1]).toMatchObject({ start: '2026-04-06', label: { zh: '第2周 04-06~04-12' } });
  });

  it('PP-6/PP-7 annual and quarterly plans have one bucket per month', () => {
    expect(bucketStarts(planPeriod({ kind: 'annual', year: 2026 }))).toHaveLength(12);
    const q = planPeriod({ kind: 'quarterly', year: 2026, quarter: 3 });
    expect(q).toMatchObject({ periodStart: '2026-07-01', periodEnd: '2026-09-30', bucket: 'month' });
    expect(bucketIndexOf(q, '2026-08-17')).toBe(1);
    expect(bucketIndexOf(q, '2026-10-01')).toBe(-1);
  });

  it('PP-10 a weekly plan runs Monday to Sunday of the week given', () => {
    const w = planPeriod({ kind: 'weekly', weekOf: '2026-04-09', workshopName: '灌装车间' });
    expect(w).toMatchObject({ periodStart: '2026-04-06', periodEnd: '2026-04-12' });
    expect(capacityGroups('weekly', w)).toHaveLength(7);
  });
});

describe('plan lines', () => {
  const items = new Set(['a', 'b']);

  it('PP-8 refuses an unknown product, negative quantities, wrong bucket counts and repeats, naming each field', () => {
    const problems = checkPlanLines(
      [
        { itemId: 'a', quantities: [1, 2, 3] },
        { itemId: 'x', quantities: [1, -2, 3] },
        { itemId: 'a', quantities: [1, 2] },
        { itemId: 'b', quantities: [0, 0, 0], forecastQty: -1 },
      ],
      3,
      items,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'lines[1].itemId',
      'lines[1].quantities[1]',
      'lines[2].itemId',
      'lines[2].quantities',
      'lines[3].forecastQty',
    ]);
    expect(checkPlanLines([{ itemId: 'a', quantities: [0, 5, 0] }], 3, items)).toEqual([]);
  });

  it('CORE-4 the diff names added, removed and changed products with the buckets that moved', () => {
    const before = [
      { itemId: 'a', forecastQty: 10, quantities: [5, 5], total: 10 },
      { itemId: 'b', forecastQty: null, quantities: [1, 0], total: 1 },
    ];
    const after = [
      { itemId: 'a', forecastQty: 12, quantities: [5, 7], total: 12 },
      { itemId: 'c', forecastQty: null, quantities: [0, 3], total: 3 },
    ];
    expect(diffPlanLines(before, after)).toEqual([
      { itemId: 'a', kind: 'changed', totalBefore: 10, totalAfter: 12, forecastBefore: 10, forecastAfter: 12, buckets: [{ index: 1, before: 5, after: 7 }] },
      { itemId: 'c', kind: 'added', totalBefore: 0, totalAfter: 3, forecastBefore: null, forecastAfter: null, buckets: [{ index: 1, before: 0, after: 3 }] },
      { itemId: 'b', kind: 'removed', totalBefore: 1, totalAfter: 0, forecastBefore: null, forecastAfter: null, buckets: [{ index: 0, before: 1, after: 0 }] },
    ]);
    expect(diffPlanLines(before, before)).toEqual([]);
  });

  it('PP-7 level production spreads whole units over working days, remainder first', () => {
    expect(spreadEvenly(10, [true, false, true, true])).toEqual([4, 0, 3, 3]);
    expect(spreadEvenly(2.5, [true, true])).toEqual([1, 1.5]);
    expect(spreadEvenly(7, [false, false])).toEqual([0, 7]);
    expect(lineTotal([0.1, 0.2])).toBe(0.3);
  });

  it('PP-8 net production covers demand and safety stock beyond the stock on hand', () => {
    expect(netProduction(1000, 300, 100)).toBe(800);
    expect(netProduction(100, 500, 0)).toBe(0);
  });
});

describe('orders received after the plan (T4 第二十一条)', () => {
  it('PP-12 absorbs an order while the month’s orders stay within the forecast', () => {
    expect(decideAbsorption({ forecastQty: 1000, cumulativeQty: 1000, threshold: 1 })).toEqual({ decision: 'absorbed', headroom: 0 });
  });

  it('PP-12 re-opens the plan when the orders exceed the forecast, by the excess', () => {
    expect(decideAbsorption({ forecastQty: 1000, cumulativeQty: 1300, threshold: 1 })).toEqual({ decision: 'adjust', excess: 300, limit: 1000 });
    // A policy tolerating 10% above the forecast.
    expect(decideAbsorption({ forecastQty: 1000, cumulativeQty: 1050, threshold: 1.1 }).decision).toBe('absorbed');
  });
});
