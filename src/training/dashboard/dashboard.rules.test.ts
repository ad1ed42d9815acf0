import { describe, expect, it } from 'vitest';
import { attendanceByGroupAndWeek, creditDistribution } from './dashboard.rules';

describe('office dashboard figures', () => {
  it('ST-4 attendance rate by group and week leaves excused teachers out', () => {
    const cells = attendanceByGroupAndWeek([
      { group: '语文', weekStart: '2026-03-02', status: 'on_time' },
      { group: '语文', weekStart: '2026-03-02', status: 'absent' },
      { group: '语文', weekStart: '2026-03-02', status: 'excused' },
      { group: '数学', weekStart: '2026-03-02', status: 'late' },
      { group: '语文', weekStart: '2026-03-09', status: 'left_early' },
    ]);
    expect(cells.map((c) => [c.group, c.weekStart, c.rate])).toEqual([
      ['数学', '2026-03-02', 1],
      ['语文', '2026-03-02', 0.5],
      ['语文', '2026-03-09', 1],
    ]);
  });

  it('ST-6 credit distribution in quarters of the requirement and at or above it', () => {
    const bins = creditDistribution([0, 2, 3, 7, 11.5, 12, 20], 12);
    expect(bins.map((b) => [b.from, b.to, b.teachers])).toEqual([
      [0, 3, 2],
      [3, 6, 1],
      [6, 9, 1],
      [9, 12, 1],
      [12, null, 2],
    ]);
  });
});
