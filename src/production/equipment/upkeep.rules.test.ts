import { describe, expect, it } from 'vitest';
import { isoWeekday } from '#core/calendar';
import { complianceRate, upkeepCompliance, upkeepStatus } from './upkeep.rules';

// April 2026: the 1st is a Wednesday. The workshop works Monday to Saturday, two shifts.
const sixDays = { isWorkingDay: (d: string) => isoWeekday(d) !== 7, shiftsPerDay: 2 };
const item = (id: string, frequency: 'shift' | 'daily' | 'weekly' | 'monthly') => ({ id, frequency, createdOn: '2026-03-01' });
const done = (itemId: string, doneOn: string, result: 'done' | 'problem' = 'done') => ({ itemId, doneOn, result });

describe('daily upkeep due list (PP-24, T4 第四十七条)', () => {
  it('PP-24 a daily item is due today, overdue when the last working day was missed too, done once recorded', () => {
    const lube = item('lube', 'daily');
    expect(upkeepStatus(lube, [done('lube', '2026-04-09')], '2026-04-10', sixDays)).toBe('due');
    expect(upkeepStatus(lube, [done('lube', '2026-04-08')], '2026-04-10', sixDays)).toBe('overdue');
    expect(upkeepStatus(lube, [done('lube', '2026-04-10')], '2026-04-10', sixDays)).toBe('done');
    // Monday after a Sunday off: Saturday is the working day before.
    expect(upkeepStatus(lube, [done('lube', '2026-04-11')], '2026-04-13', sixDays)).toBe('due');
    expect(upkeepStatus(lube, [], '2026-04-12', sixDays)).toBe('rest');
  });

  it('PP-24 a shift item is owed once per shift; weekly and monthly items once per week and month', () => {
    expect(upkeepStatus(item('clean', 'shift'), [done('clean', '2026-04-10')], '2026-04-10', sixDays)).toBe('overdue');
    expect(
      upkeepStatus(item('clean', 'shift'), [done('clean', '2026-04-09'), done('clean', '2026-04-09'), done('clean', '2026-04-10')], '2026-04-10', sixDays),
    ).toBe('due');
    expect(upkeepStatus(item('belt', 'weekly'), [done('belt', '2026-04-06')], '2026-04-10', sixDays)).toBe('done');
    expect(upkeepStatus(item('belt', 'weekly'), [done('belt', '2026-04-01')], '2026-04-10', sixDays)).toBe('due');
    expect(upkeepStatus(item('belt', 'weekly'), [], '2026-04-10', sixDays)).toBe('overdue');
    expect(upkeepStatus(item('motor', 'monthly'), [done('motor', '2026-03-20')], '2026-04-10', sixDays)).toBe('due');
  });

  it('PP-24 a new item owes nothing for the periods before it existed', () => {
    expect(upkeepStatus({ id: 'new', frequency: 'daily', createdOn: '2026-04-10' }, [], '2026-04-10', sixDays)).toBe('due');
  });
});

describe('upkeep compliance per machine and month (PP-24 定期检查设备日常保养状况)', () => {
  it('PP-24 counts the working days owed up to today and the ones kept; today counts once kept', () => {
    const lube = item('lube', 'daily');
    // 1–9 April: 8 working days before the 10th (Sunday the 5th off); kept on 6 of them and today.
    const records = ['01', '02', '03', '04', '07', '08', '10'].map((d) => done('lube', `2026-04-${d}`));
    records.push(done('lube', '2026-04-09', 'problem'));
    const c = upkeepCompliance(lube, records, '2026-04', '2026-04-10', sixDays);
    expect(c).toEqual({ required: 9, done: 8, problems: 1 });
    expect(complianceRate(c)).toBe(0.889);
  });

  it('PP-24 a shift item owes every shift, a weekly one each week begun in the month, a monthly one once the month is over', () => {
    const shift = upkeepCompliance(
      item('clean', 'shift'),
      [done('clean', '2026-04-01'), done('clean', '2026-04-01'), done('clean', '2026-04-02')],
      '2026-04',
      '2026-04-03',
      sixDays,
    );
    expect(shift).toEqual({ required: 4, done: 3, problems: 0 });
    const weekly = upkeepCompliance(item('belt', 'weekly'), [done('belt', '2026-04-02'), done('belt', '2026-04-14')], '2026-04', '2026-04-30', sixDays);
    // Weeks starting 30 Mar, 6, 13, 20 Apr are over; the week of 27 Apr still runs and was not kept.
    expect(weekly).toEqual({ required: 4, done: 2, problems: 0 });
    expect(upkeepCompliance(item('motor', 'monthly'), [], '2026-03', '2026-04-10', sixDays)).toEqual({ required: 1, done: 0, problems: 0 });
    expect(upkeepCompliance(item('motor', 'monthly'), [], '2026-04', '2026-04-10', sixDays)).toEqual({ required: 0, done: 0, problems: 0 });
    expect(complianceRate({ required: 0, done: 0 })).toBeNull();
  });
});
