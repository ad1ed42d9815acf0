import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../calendar';
import { generateOccurrences } from './recurrence.rules';

const cal = makeCalendar(
  [6, 7],
  [
    { date: '2026-10-01', name: '国庆节', isWorkday: false },
    { date: '2026-10-05', name: '国庆节', isWorkday: false },
    { date: '2026-09-28', name: '自定义假日', isWorkday: false },
    { date: '2026-10-10', name: '国庆调休', isWorkday: true },
  ],
);

describe('meeting recurrence (CORE-7)', () => {
  it('PP-21 the monthly dispatch meeting falls on the 28th of each month', () => {
    const dates = generateOccurrences({ kind: 'monthly', day: 28 }, { from: '2026-04-01', to: '2026-07-31' }, cal, 'skip').map((o) => o.date);
    // 2026-06-28 is a Sunday: skipped under 'skip'.
    expect(dates).toEqual(['2026-04-28', '2026-05-28', '2026-07-28']);
  });

  it('PP-21 a dispatch meeting on a rest day moves to the working day before when the policy says so', () => {
    const occ = generateOccurrences({ kind: 'monthly', day: 28 }, { from: '2026-06-01', to: '2026-06-30' }, cal, 'before');
    expect(occ).toEqual([{ date: '2026-06-26', movedFrom: '2026-06-28' }]);
    const holiday = generateOccurrences({ kind: 'monthly', day: 28 }, { from: '2026-09-01', to: '2026-09-30' }, cal, 'after');
    expect(holiday).toEqual([{ date: '2026-09-29', movedFrom: '2026-09-28' }]);
  });

  it('CORE-7 day 31 means the last day of each month', () => {
    const occ = generateOccurrences({ kind: 'monthly', day: 31 }, { from: '2026-02-01', to: '2026-04-30' }, cal, 'before');
    // 2026-02-28 is a Saturday, so February's moves to Friday the 27th.
    expect(occ).toEqual([{ date: '2026-02-27', movedFrom: '2026-02-28' }, { date: '2026-03-31' }, { date: '2026-04-30' }]);
  });

  it('ST-2 the weekly Monday political study skips the National Day holiday', () => {
    const dates = generateOccurrences({ kind: 'weekly', weekdays: [1] }, { from: '2026-09-21', to: '2026-10-19' }, cal, 'skip').map((o) => o.date);
    expect(dates).toEqual(['2026-09-21', '2026-10-12', '2026-10-19']);
  });

  it('CORE-7 a weekly meeting on several weekdays never yields two meetings on one day', () => {
    const occ = generateOccurrences({ kind: 'weekly', weekdays: [4, 5] }, { from: '2026-09-28', to: '2026-10-02' }, cal, 'before');
    // Thu 10-01 (holiday) moves to Wed 09-30; Fri 10-02 is a working day here.
    expect(occ.map((o) => o.date)).toEqual(['2026-09-30', '2026-10-02']);
  });

  it('CORE-7 a weekly Saturday meeting is held on Saturdays unless the holiday list says otherwise', () => {
    const dates = generateOccurrences({ kind: 'weekly', weekdays: [6] }, { from: '2026-10-01', to: '2026-10-17' }, cal, 'skip').map((o) => o.date);
    expect(dates).toEqual(['2026-10-03', '2026-10-10', '2026-10-17']);
  });
});
