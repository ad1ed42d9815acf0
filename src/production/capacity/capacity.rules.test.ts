import { describe, expect, it } from 'vitest';
import { capacityStatusOf, checkCapacity, findOverloads, findUnderloads, shiftBucket } from './capacity.rules';
import { checkCountermeasureCover } from './countermeasure.rules';

// Four days in two reporting weeks: [0, 1] and [2, 3].
const groups = [
  { start: '2026-04-01', label: { zh: '第1周', en: 'W1' }, buckets: [0, 1] },
  { start: '2026-04-03', label: { zh: '第2周', en: 'W2' }, buckets: [2, 3] },
];
const workshops = [
  { id: 'FILL', code: 'GZ', name: '灌装车间', hours: [10, 10, 10, 0] },
  { id: 'PACK', code: 'BZ', name: '包装车间', hours: [10, 10, 10, 10] },
];
// Filling runs the day before packing (offset −1).
const ops = [
  { itemId: 'wine', workshopId: 'FILL', hoursPerUnit: 0.1, offsetDays: -1 },
  { itemId: 'wine', workshopId: 'PACK', hoursPerUnit: 0.05, offsetDays: 0 },
];
const thresholds = { maxUtilisation: 1, minUtilisation: 0.6 };

describe('capacity check (T4 第十九条)', () => {
  it('PP-9 loads each workshop on the day its operation runs and sums the load per reporting period', () => {
    const view = checkCapacity({ bucket: 'day', bucketCount: 4, groups, workshops, ops, thresholds, planned: [{ itemId: 'wine', bucket: 2, qty: 300 }] });
    const fill = view.rows.find((r) => r.workshopId === 'FILL')!;
    const pack = view.rows.find((r) => r.workshopId === 'PACK')!;
    // Filling of day 2 runs on day 1, the working day before (week 1): 30 h against 20 h of capacity.
    expect(fill.cells.map((c) => [c.load, c.capacity, c.over])).toEqual([
      [30, 20, true],
      [0, 10, false],
    ]);
    expect(fill.cells[0].items).toEqual([{ itemId: 'wine', hours: 30 }]);
    expect(pack.cells.map((c) => [c.load, c.capacity, c.under])).toEqual([
      [0, 20, true],
      [15, 20, false],
    ]);
    expect(capacityStatusOf(view)).toBe('over_under');
  });

  it('PP-9 reports loads pushed before the plan and quantities without a routing, never dropping them', () => {
    const view = checkCapacity({
      bucket: 'day',
      bucketCount: 4,
      groups,
      workshops,
      ops,
      thresholds,
      planned: [
        { itemId: 'wine', bucket: 0, qty: 100 },
        { itemId: 'glass', bucket: 1, qty: 5 },
        { itemId: 'glass', bucket: 2, qty: 7 },
      ],
    });
    expect(view.outOfHorizon).toEqual([{ itemId: 'wine', workshopId: 'FILL', bucket: -1, hours: 10 }]);
    expect(view.unrouted).toEqual([{ itemId: 'glass', qty: 12 }]);
  });

  it('PP-9 an overload needs a countermeasure; a workshop far below capacity over the plan is reported upwards', () => {
    const view = checkCapacity({ bucket: 'day', bucketCount: 4, groups, workshops, ops, thresholds, planned: [{ itemId: 'wine', bucket: 2, qty: 300 }] });
    expect(findOverloads(view).map((o) => [o.workshopName, o.start, o.utilisation])).toEqual([['灌装车间', '2026-04-01', 1.5]]);
    const answer = { id: 'c1', workshopId: 'FILL', bucketStart: '2026-04-01', bucketEnd: null, description: '周日加班', extraHours: 10, sharePct: null };
    expect(checkCountermeasureCover(view, [answer]).uncovered).toEqual([]);
    // Packing: 15 h of 40 over the plan (38%) is far below the 60% floor; filling (30 of 30) is not.
    expect(findUnderloads(view).map((o) => [o.workshopName, o.label.zh, o.utilisation])).toEqual([['包装车间', '全期（第1周–第2周）', 0.375]]);
  });

  it('PP-9 an operation "the day before" runs on the workshop’s previous working day', () => {
    // Filling for day 3's packing runs on the last earlier day the filling line works.
    expect(shiftBucket('day', 3, -1, [10, 10, 10, 0])).toBe(2);
    expect(shiftBucket('day', 3, -1, [10, 10, 0, 0])).toBe(1);
    expect(shiftBucket('day', 0, -1, [10, 10, 10, 10])).toBe(-1);
    expect(shiftBucket('month', 1, -60, [])).toBe(-1);
  });

  it('PP-9 month buckets round routing offsets to months', () => {
    const view = checkCapacity({
      bucket: 'month',
      bucketCount: 2,
      groups: [
        { start: '2026-01-01', label: { zh: '1月', en: '2026-01' }, buckets: [0] },
        { start: '2026-02-01', label: { zh: '2月', en: '2026-02' }, buckets: [1] },
      ],
      workshops: [{ id: 'B', code: 'NZ', name: '酿造车间', hours: [100, 100] }],
      ops: [{ itemId: 'base', workshopId: 'B', hoursPerUnit: 1, offsetDays: -30 }],
      thresholds,
      planned: [{ itemId: 'base', bucket: 1, qty: 80 }],
    });
    expect(view.rows[0].cells.map((c) => c.load)).toEqual([80, 0]);
  });
});
