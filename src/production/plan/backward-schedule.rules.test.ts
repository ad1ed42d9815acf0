import { describe, expect, it } from 'vitest';
import { checkCapacity } from '../capacity/index';
import { scheduleBackward } from './backward-schedule.rules';
import { feedbackText, findBottlenecks, judgeFeasibility } from './feasibility.rules';

// Ten days, filling 10 h a day except day 6 (Sunday); 0.01 h a case, so 1,000 cases a day.
const hours = { FILL: [10, 10, 10, 10, 10, 10, 0, 10, 10, 10] };
const ops = [{ itemId: 'wine', workshopId: 'FILL', hoursPerUnit: 0.01, offsetDays: 0 }];

describe('special requirements scheduled backwards from the due date (PP-11, T2 五.2–3, issue 14 item 5)', () => {
  it('PP-11 issue 14 item 5: the quantity is made on the latest days with free capacity before the due date, not from today', () => {
    const r = scheduleBackward({ days: 10, earliest: 0, hours, free: hours, ops, lines: [{ itemId: 'wine', qty: 2500, due: 9 }] });
    expect(r.lines[0].quantities).toEqual([0, 0, 0, 0, 0, 0, 0, 500, 1000, 1000]);
    expect(r.overflow).toEqual([]);
  });

  it('PP-11 issue 14 item 5: capacity taken by the plans in force and rest days are skipped, never before today', () => {
    const free = { FILL: [10, 10, 10, 10, 10, 10, 0, 10, 2, 10] };
    const r = scheduleBackward({ days: 10, earliest: 3, hours, free, ops, lines: [{ itemId: 'wine', qty: 2500, due: 9 }] });
    // Day 8 has 2 h left (200 cases), Sunday none: 1,000 + 200 + 1,000 + 300.
    expect(r.lines[0].quantities).toEqual([0, 0, 0, 0, 0, 300, 0, 1000, 200, 1000]);
  });

  it('PP-11 issue 14 item 5: a filling run the day before packing takes the filling line’s free day before', () => {
    const two = { FILL: [10, 10, 10, 10], PACK: [10, 10, 10, 10] };
    const routed = [
      { itemId: 'wine', workshopId: 'FILL', hoursPerUnit: 0.01, offsetDays: -1 },
      { itemId: 'wine', workshopId: 'PACK', hoursPerUnit: 0.005, offsetDays: 0 },
    ];
    const r = scheduleBackward({ days: 4, earliest: 0, hours: two, free: two, ops: routed, lines: [{ itemId: 'wine', qty: 1500, due: 3 }] });
    // Packing on day 3 needs filling on day 2, packing on day 2 filling on day 1.
    expect(r.lines[0].quantities).toEqual([0, 0, 500, 1000]);
    // Day 0 cannot be packed: its filling would be before today.
    expect(scheduleBackward({ days: 4, earliest: 0, hours: two, free: two, ops: routed, lines: [{ itemId: 'wine', qty: 3500, due: 3 }] }).overflow).toEqual([
      { itemId: 'wine', qty: 500 },
    ]);
  });

  it('PP-11 issue 14 item 5: what does not fit is spread on top and reported as one bottleneck over several days', () => {
    const r = scheduleBackward({ days: 10, earliest: 5, hours, free: hours, ops, lines: [{ itemId: 'wine', qty: 5400, due: 9 }] });
    expect(r.overflow).toEqual([{ itemId: 'wine', qty: 1400 }]);
    const groups = hours.FILL.map((_, k) => ({ start: `2026-06-${String(k + 10).padStart(2, '0')}`, label: { zh: '', en: '' }, buckets: [k] }));
    const run = (planned: { itemId: string; bucket: number; qty: number }[]) =>
      checkCapacity({
        bucket: 'day',
        bucketCount: 10,
        groups,
        workshops: [{ id: 'FILL', code: 'GZ', name: '灌装车间', hours: hours.FILL }],
        ops,
        planned,
        thresholds: { maxUtilisation: 1, minUtilisation: 0 },
      });
    const planned = r.lines[0].quantities.map((qty, bucket) => ({ itemId: 'wine', bucket, qty }));
    const b = findBottlenecks(run(planned), run([]));
    // Days 15 and 17–19 (Sunday 16 between) are one bottleneck of 14 h over.
    expect(b).toEqual([expect.objectContaining({ workshopName: '灌装车间', start: '2026-06-15', end: '2026-06-19', excessHours: 14 })]);
    expect(feedbackText('special', '国庆礼盒', judgeFeasibility(b, [], []), {}).zh).toContain(
      '灌装车间 2026-06-15 至 2026-06-19 负荷 54 小时，产能 40 小时（135%，超出 14 小时）',
    );
  });
});
