import { describe, expect, it } from 'vitest';
import { balanceMaintenance, defaultMonths, plannedDay, refuseMonths, splitMonth, weekStartsOfMonth } from './maintenance.rules';

describe('annual maintenance plan (PP-25, T4 第四十八条)', () => {
  it('PP-25 a cycle suggests its months; planned months must fit the cycle', () => {
    expect(defaultMonths('quarterly', 3)).toEqual([3, 6, 9, 12]);
    expect(defaultMonths('half_yearly', 8)).toEqual([2, 8]);
    expect(defaultMonths('monthly')).toHaveLength(12);
    expect(defaultMonths('yearly', 7)).toEqual([7]);
    expect(refuseMonths('quarterly', [1, 4, 7, 10])).toBeNull();
    expect(refuseMonths('yearly', [1, 7])?.zh).toMatch(/最多 1 次/);
    expect(refuseMonths('monthly', [])).not.toBeNull();
    expect(refuseMonths('monthly', [13])).not.toBeNull();
    expect(refuseMonths('monthly', [2, 2])).not.toBeNull();
  });
});

describe('monthly maintenance plan and its balance against production (PP-25, T4 第四十九条)', () => {
  it('PP-25 weeks of a month start on the 1st and then on Mondays, as the monthly production plan reports them', () => {
    // April 2026 starts on a Wednesday.
    expect(weekStartsOfMonth('2026-04')).toEqual(['2026-04-01', '2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27']);
    expect(plannedDay('2026-04', 2)).toBe('2026-04-06');
    // February 2026 starts on a Sunday and has five report weeks; June 2026 starts on a Monday.
    expect(weekStartsOfMonth('2026-06')[1]).toBe('2026-06-08');
    expect(plannedDay('2026-06', 5)).toBe('2026-06-29');
  });

  it('PP-25 the month’s split holds one slot per line planned in that month, on its planned week', () => {
    const lines = [
      { id: 'a', machineId: 'filler', hours: 8, months: [1, 4, 7, 10], week: 2 },
      { id: 'b', machineId: 'labeller', hours: 4, months: [6], week: 1 },
    ];
    expect(splitMonth(2026, 4, lines)).toEqual([{ lineId: 'a', machineId: 'filler', month: '2026-04', plannedOn: '2026-04-06', hours: 8 }]);
    expect(splitMonth(2026, 5, lines)).toEqual([]);
  });

  it('PP-25 each week shows maintenance against load and capacity; the lightest week is where to move a slot', () => {
    const rows = balanceMaintenance({
      starts: ['2026-04-01', '2026-04-06', '2026-04-13'],
      end: '2026-04-19',
      workshops: [
        { workshopId: 'FILL', load: [60, 90, 40], capacity: [96, 96, 96] },
        { workshopId: 'PACK', load: [null, null, null], capacity: [null, null, null] },
      ],
      slots: [
        { workshopId: 'FILL', day: '2026-04-07', hours: 16, share: 0.5 },
        { workshopId: 'FILL', day: '2026-04-30', hours: 8, share: 0.5 },
        { workshopId: 'PACK', day: '2026-04-02', hours: 4, share: 0.25 },
      ],
      maxUtilisation: 1,
    });
    const fill = rows[0];
    expect(fill.cells.map((c) => [c.maintenanceHours, c.maintenanceCapacity, c.headroom])).toEqual([
      [0, 0, 36],
      [16, 8, -2],
      [0, 0, 56],
    ]);
    expect(fill.lightest).toBe('2026-04-13');
    expect(fill.tight).toEqual(['2026-04-06']);
    // Without a production plan the maintenance still shows; nothing to balance against.
    expect(rows[1].cells[0]).toMatchObject({ maintenanceHours: 4, headroom: null });
    expect(rows[1].lightest).toBeNull();
  });
});
