import { describe, expect, it } from 'vitest';
import { capacityCalendarKey, isCapacityStale, isPlanReachedByCalendarChange } from './capacity-calendar.rules';

const bottling = { id: 'FILL', hours: [20, 20, 20, 0] };
const packing = { id: 'PACK', hours: [10, 10, 10, 0] };

describe('capacity calendar version of a check (PP-9, issue 14 item 1)', () => {
  it('PP-9 issue 14 item 1: the calendar version changes with any workshop hour, not with the order workshops are listed in', () => {
    const key = capacityCalendarKey('2026-12-01', [bottling, packing]);
    expect(capacityCalendarKey('2026-12-01', [packing, bottling])).toBe(key);
    // One shift fewer on one day, or the same hours from another first day, is another calendar.
    expect(capacityCalendarKey('2026-12-01', [{ ...bottling, hours: [20, 10, 20, 0] }, packing])).not.toBe(key);
    expect(capacityCalendarKey('2026-12-02', [bottling, packing])).not.toBe(key);
  });

  it('PP-9 issue 14 item 1: a stored check is stale when the plan or the calendar it used changed since', () => {
    const key = capacityCalendarKey('2026-12-01', [bottling]);
    const plan = {
      kind: 'monthly',
      workshopId: null,
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      capacityCalendar: key,
      capacityVersion: 3,
      version: 3,
    };
    expect(isCapacityStale(plan, key)).toBe(false);
    expect(isCapacityStale(plan, capacityCalendarKey('2026-12-01', [{ ...bottling, hours: [10, 10, 10, 0] }]))).toBe(true);
    expect(isCapacityStale({ ...plan, version: 4 }, key)).toBe(true);
    // A check recorded before calendars were versioned is stale too: it is recomputed once.
    expect(isCapacityStale({ ...plan, capacityCalendar: null }, key)).toBe(true);
  });

  it('PP-9 issue 14 item 1: a calendar change reaches the plans running or to come over the changed days, a weekly plan only of that workshop', () => {
    const december = { kind: 'monthly', workshopId: null, periodStart: '2026-12-01', periodEnd: '2026-12-31' };
    const november = { ...december, periodStart: '2026-11-01', periodEnd: '2026-11-30' };
    const fillWeek = { kind: 'weekly', workshopId: 'FILL', periodStart: '2026-12-07', periodEnd: '2026-12-13' };
    const today = '2026-11-20';
    // Fewer shifts from now on: every plan still running or to come.
    expect(isPlanReachedByCalendarChange(december, { workshopId: 'FILL', day: null }, today)).toBe(true);
    expect(isPlanReachedByCalendarChange(november, { workshopId: 'FILL', day: null }, today)).toBe(true);
    expect(isPlanReachedByCalendarChange(november, { workshopId: 'FILL', day: null }, '2026-12-01')).toBe(false);
    // A stop on 10 December: the plans holding that day.
    expect(isPlanReachedByCalendarChange(december, { workshopId: 'FILL', day: '2026-12-10' }, today)).toBe(true);
    expect(isPlanReachedByCalendarChange(november, { workshopId: 'FILL', day: '2026-12-10' }, today)).toBe(false);
    expect(isPlanReachedByCalendarChange(fillWeek, { workshopId: 'FILL', day: '2026-12-10' }, today)).toBe(true);
    expect(isPlanReachedByCalendarChange(fillWeek, { workshopId: 'PACK', day: '2026-12-10' }, today)).toBe(false);
  });
});
