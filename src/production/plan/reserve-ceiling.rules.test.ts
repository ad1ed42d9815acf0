import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import { annualChangePct, type CeilingInput, ceilingStatus, computeReserveCeilings, explodeDailyNeed, judgeCeilingChange } from './reserve-ceiling.rules';

// A wine in cases: 4.5 L of base wine (made in brewing), 6 bottles and 6 corks (bought).
// Filling takes 0.02 h a case on 20 h a day: 1,000 cases a day at most.
const base = (over: Partial<CeilingInput> = {}): CeilingInput => ({
  products: [{ itemId: 'wine', plannedQty: 30000 }],
  items: [
    { id: 'wine', code: 'W1', name: '干红葡萄酒', unit: '箱', category: 'finished', source: 'make' },
    { id: 'base', code: 'B1', name: '干红原酒', unit: 'L', category: 'semi', source: 'make' },
    { id: 'bottle', code: 'P1', name: '酒瓶', unit: '个', category: 'packaging', source: 'buy' },
    { id: 'cork', code: 'C1', name: '软木塞', unit: '个', category: 'packaging', source: 'buy' },
    { id: 'grape', code: 'R1', name: '葡萄', unit: 'kg', category: 'raw', source: 'buy' },
  ],
  bom: [
    { parentItemId: 'wine', childItemId: 'base', qtyPer: 4.5, scrapRate: 0, yieldRate: 1 },
    { parentItemId: 'wine', childItemId: 'bottle', qtyPer: 6, scrapRate: 0, yieldRate: 1 },
    { parentItemId: 'wine', childItemId: 'cork', qtyPer: 6, scrapRate: 0.05, yieldRate: 1 },
    { parentItemId: 'base', childItemId: 'grape', qtyPer: 1.5, scrapRate: 0, yieldRate: 0.9 },
  ],
  routings: [
    { itemId: 'wine', seq: 10, workshopId: 'fill', hoursPerUnit: 0.02 },
    { itemId: 'wine', seq: 20, workshopId: 'pack', hoursPerUnit: 0.01 },
    { itemId: 'base', seq: 10, workshopId: 'brew', hoursPerUnit: 0.001 },
  ],
  workshops: [
    { id: 'brew', name: '酿造车间', hours: 16 * 60 },
    { id: 'fill', name: '灌装车间', hours: 20 * 60 },
    { id: 'pack', name: '包装车间', hours: 20 * 60 },
  ],
  workingDays: 60,
  maxStock: {},
  policy: { materialReserveDays: 30, wipReserveDays: 5, ceilingChangeThresholdPct: 20 },
  annualChangePct: null,
  ...over,
});

describe('PP-7 T1 7 reserve ceilings at maximum output', () => {
  it('PP-7 T1 7: the ceilings follow the capacity-bound output, not the planned output', () => {
    const r = computeReserveCeilings(base());
    // 30,000 planned over 60 days is 500 a day; filling can make 1,000 a day.
    expect(r.bottleneck).toEqual({ id: 'fill', name: '灌装车间' });
    expect(r.maxOutputFactor).toBe(2);
    expect(r.products).toEqual([{ itemId: 'wine', plannedQty: 30000, maxQty: 60000, maxPerDay: 1000 }]);
    const row = (code: string) => r.rows.find((x) => x.code === code)!;
    expect(row('P1')).toMatchObject({ kind: 'material', needPerDay: 6000, reserveDays: 30, ceiling: 180000, status: 'unset' });
    // Scrap raises the norm: 6 × 1.05.
    expect(row('C1')).toMatchObject({ kind: 'material', needPerDay: 6300, ceiling: 189000 });
    // Work in progress per workshop, with its own days.
    expect(row('B1')).toMatchObject({ kind: 'wip', workshopName: '酿造车间', needPerDay: 4500, reserveDays: 5, ceiling: 22500 });
    // Two levels down, through the yield: 4,500 × 1.5 ÷ 0.9.
    expect(row('R1')).toMatchObject({ kind: 'material', needPerDay: 7500, ceiling: 225000 });
    // A plan twice as large needs the same ceilings: the capacity, not the plan, sets them.
    const doubled = computeReserveCeilings(base({ products: [{ itemId: 'wine', plannedQty: 60000 }] }));
    expect(doubled.rows.map((x) => x.ceiling)).toEqual(r.rows.map((x) => x.ceiling));
  });

  it('PP-7 T1 7: a current maximum stock below the need at maximum output is flagged 低于最大产量所需', () => {
    const r = computeReserveCeilings(base({ maxStock: { bottle: 100000, cork: 189000, base: 40000 } }));
    expect(r.rows.find((x) => x.code === 'P1')?.status).toBe('below');
    expect(r.rows.find((x) => x.code === 'C1')?.status).toBe('ok');
    // Above the ceiling with no earlier annual plan to compare: set for the first time, may change.
    expect(r.rows.find((x) => x.code === 'B1')?.status).toBe('adjust');
  });

  it('PP-7 T1 7: with the annual plan changed less than the threshold a change is held back with a warning citing T1 7', () => {
    const r = computeReserveCeilings(base({ maxStock: { base: 40000, bottle: 100000 }, annualChangePct: 5 }));
    expect(r.stability).toMatchObject({
      annualChangePct: 5,
      thresholdPct: 20,
      canChange: false,
      finding: { clause: 'T1 7', severity: 'warning', zh: expect.stringContaining('年度计划变化不大，不应调整') },
    });
    expect(r.rows.find((x) => x.code === 'B1')?.status).toBe('hold');
    // Below the need is still below: the ceiling must meet the maximum output.
    expect(r.rows.find((x) => x.code === 'P1')?.status).toBe('below');
    const big = computeReserveCeilings(base({ maxStock: { base: 40000 }, annualChangePct: -25 }));
    expect(big.stability).toMatchObject({ canChange: true, finding: null });
    expect(big.rows.find((x) => x.code === 'B1')?.status).toBe('adjust');
  });

  it('PP-7 T1 7: the threshold is inclusive and the change is measured against the previous annual total', () => {
    expect(judgeCeilingChange(20, 20)).toEqual({ canChange: true, finding: null });
    expect(judgeCeilingChange(19.9, 20).canChange).toBe(false);
    expect(judgeCeilingChange(null, 20).canChange).toBe(true);
    expect(annualChangePct(120000, 100000)).toBe(20);
    expect(annualChangePct(90000, 100000)).toBe(-10);
    expect(annualChangePct(5, null)).toBeNull();
    expect(ceilingStatus(100, null, false)).toBe('unset');
    expect(ceilingStatus(100, 100, false)).toBe('ok');
  });

  it('PP-7 T1 7: without routings the planned output is the maximum known; a BOM cycle does not loop', () => {
    const r = computeReserveCeilings(base({ routings: [] }));
    expect(r).toMatchObject({ bottleneck: null, maxOutputFactor: 1 });
    expect(r.rows.find((x) => x.code === 'P1')?.needPerDay).toBe(3000);
    const cyclic = explodeDailyNeed(new Map([['a', 1]]), [
      { parentItemId: 'a', childItemId: 'b', qtyPer: 1, scrapRate: 0, yieldRate: 1 },
      { parentItemId: 'b', childItemId: 'a', qtyPer: 1, scrapRate: 0, yieldRate: 1 },
    ]);
    expect(cyclic.get('b')).toBeGreaterThan(0);
    expect(computeReserveCeilings(base({ products: [] })).rows).toEqual([]);
  });

  it.each(['T1', 'T2', 'T3', 'T4'] as const)(
    'PP-7 T1 7 preset %s: materialReserveDays, wipReserveDays and ceilingChangeThresholdPct drive the ceilings',
    (preset) => {
      const p = POLICY_PRESETS[preset].production;
      expect(p).toMatchObject({ materialReserveDays: 30, wipReserveDays: 5, ceilingChangeThresholdPct: 20 });
      const policy = { materialReserveDays: p.materialReserveDays, wipReserveDays: p.wipReserveDays, ceilingChangeThresholdPct: p.ceilingChangeThresholdPct };
      const r = computeReserveCeilings(base({ policy, annualChangePct: p.ceilingChangeThresholdPct - 1 }));
      expect(r.rows.find((x) => x.code === 'P1')?.ceiling).toBe(6000 * p.materialReserveDays);
      expect(r.rows.find((x) => x.code === 'B1')?.ceiling).toBe(4500 * p.wipReserveDays);
      expect(r.stability.canChange).toBe(false);
      expect(computeReserveCeilings(base({ policy, annualChangePct: p.ceilingChangeThresholdPct })).stability.canChange).toBe(true);
    },
  );
});
