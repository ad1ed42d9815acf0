import { describe, expect, it } from 'vitest';
import { makeCalendar } from '#core/calendar';
import { effectiveQtyPer, findBomCycle, regularDayHours, workshopDayHours } from './master.rules';

const filling = { shiftsPerDay: 2, hoursPerShift: 8, lines: 2, efficiency: 1, workingWeekdays: [1, 2, 3, 4, 5, 6] };

describe('master data rules', () => {
  it('PP-14 refuses a BOM line that closes a cycle and names it', () => {
    const edges = [
      { parentItemId: 'A', childItemId: 'B' },
      { parentItemId: 'B', childItemId: 'C' },
    ];
    expect(findBomCycle(edges, { parentItemId: 'C', childItemId: 'A' })).toEqual(['C', 'A', 'B', 'C']);
    expect(findBomCycle(edges, { parentItemId: 'A', childItemId: 'C' })).toBeNull();
  });

  it('PP-9 a working day has shifts × hours × lines × efficiency hours', () => {
    expect(regularDayHours(filling)).toBe(32);
    expect(regularDayHours({ ...filling, efficiency: 0.75 })).toBe(24);
  });

  it('PP-9 the capacity calendar honours rest days, holidays, make-up days and the workshop’s own exceptions', () => {
    const calendar = makeCalendar(
      [6, 7],
      [
        { date: '2026-05-01', name: '劳动节', isWorkday: false },
        { date: '2026-05-10', name: '调休', isWorkday: true },
      ],
    );
    const none = new Map<string, number>();
    expect(workshopDayHours(filling, '2026-05-04', calendar, none)).toBe(32); // Monday
    expect(workshopDayHours(filling, '2026-05-09', calendar, none)).toBe(32); // Saturday is a working day here
    expect(workshopDayHours(filling, '2026-05-03', calendar, none)).toBe(0); // Sunday
    expect(workshopDayHours(filling, '2026-05-01', calendar, none)).toBe(0); // holiday
    expect(workshopDayHours(filling, '2026-05-10', calendar, none)).toBe(32); // make-up Sunday
    expect(workshopDayHours(filling, '2026-05-03', calendar, new Map([['2026-05-03', 12]]))).toBe(12); // overtime
  });

  it('PP-17 a yield below one raises the quantity per good unit', () => {
    expect(effectiveQtyPer(3, 0.96)).toBeCloseTo(3.125, 9);
    expect(effectiveQtyPer(2, 1)).toBe(2);
  });
});
