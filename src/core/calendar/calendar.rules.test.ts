import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  countBusinessDays,
  dayOfMonth,
  dueDateFor,
  endOfLocalDay,
  isBusinessDay,
  isIsoDate,
  isoWeekday,
  localDateOf,
  localDateTime,
  makeCalendar,
  shiftToBusinessDay,
} from './calendar.rules';

// 2026: National Day 10-01…10-07, make-up working days Sunday 09-27 and Saturday 10-10.
const national = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'];
const cal = makeCalendar(
  [6, 7],
  [
    ...national.map((date) => ({ date, name: '国庆节', isWorkday: false })),
    { date: '2026-09-27', name: '国庆调休', isWorkday: true },
    { date: '2026-10-10', name: '国庆调休', isWorkday: true },
  ],
);

describe('business days (CORE-6)', () => {
  it('CORE-6 weekends and holidays are rest days; a make-up Saturday is a working day', () => {
    expect(isoWeekday('2026-03-28')).toBe(6);
    expect(isBusinessDay('2026-03-28', cal)).toBe(false);
    expect(isBusinessDay('2026-03-27', cal)).toBe(true);
    expect(isBusinessDay('2026-10-05', cal)).toBe(false);
    expect(isBusinessDay('2026-10-10', cal)).toBe(true);
    expect(isBusinessDay('2026-09-27', cal)).toBe(true);
  });

  it('CORE-6 counts working days across a holiday week with its make-up days', () => {
    // 09-26 (Sat) … 10-11 (Sun): 09-27, 09-28…09-30, 10-08, 10-09, 10-10 are working days.
    expect(countBusinessDays('2026-09-26', '2026-10-11', cal)).toBe(7);
  });

  it('CORE-6 adding working days skips the holiday and uses the make-up Saturday', () => {
    expect(addBusinessDays('2026-09-30', 1, cal)).toBe('2026-10-08');
    expect(addBusinessDays('2026-10-09', 1, cal)).toBe('2026-10-10');
    expect(addBusinessDays('2026-10-03', 0, cal)).toBe('2026-10-08');
  });

  it('CORE-6 shifts a rest day to the working day before or after', () => {
    expect(shiftToBusinessDay('2026-03-28', cal, 'before')).toBe('2026-03-27');
    expect(shiftToBusinessDay('2026-03-28', cal, 'after')).toBe('2026-03-30');
    expect(shiftToBusinessDay('2026-03-28', cal, 'keep')).toBe('2026-03-28');
  });

  it('validates ISO dates, including leap days', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});

describe('dueDateFor (CORE-6)', () => {
  it('PP-2 the forecast for April is due on the 25th of March (day 25, the month before)', () => {
    expect(dueDateFor({ kind: 'dayOfMonth', day: 25, monthOffset: -1 }, '2026-04-01', cal)).toBe('2026-03-25');
    expect(dueDateFor({ kind: 'dayOfMonth', day: 25, monthOffset: -1 }, '2026-01-15', cal)).toBe('2025-12-25');
  });

  it('PP-8 day 31 means month end and is clamped in short months', () => {
    expect(dayOfMonth('2026-02-10', 31)).toBe('2026-02-28');
    expect(dayOfMonth('2028-02-10', 31)).toBe('2028-02-29');
    expect(dayOfMonth('2026-04-10', 31)).toBe('2026-04-30');
    expect(dayOfMonth('2026-12-10', 31, 1)).toBe('2027-01-31');
  });

  it('PP-8 a day-of-month due date on a rest day moves only when the policy says so', () => {
    const rule = { kind: 'dayOfMonth', day: 28, monthOffset: 0 } as const;
    expect(dueDateFor(rule, '2026-03-01', cal)).toBe('2026-03-28');
    expect(dueDateFor(rule, '2026-03-01', cal, { onRestDay: 'before' })).toBe('2026-03-27');
    expect(dueDateFor(rule, '2026-03-01', cal, { onRestDay: 'after' })).toBe('2026-03-30');
  });

  it('PP-11 a special plan is due within 2 days of receipt; a temporary plan with 0 is due the same day', () => {
    expect(dueDateFor({ kind: 'withinDays', days: 2, businessDays: false }, '2026-09-30', cal)).toBe('2026-10-02');
    expect(dueDateFor({ kind: 'withinDays', days: 2, businessDays: true }, '2026-09-30', cal)).toBe('2026-10-09');
    expect(dueDateFor({ kind: 'withinDays', days: 0, businessDays: false }, '2026-10-03', cal)).toBe('2026-10-03');
  });
});

describe('local days', () => {
  it('CORE-6 a day in Beijing ends at 16:00 UTC and local dates follow the offset', () => {
    expect(endOfLocalDay('2026-03-25', 480).toISOString()).toBe('2026-03-25T16:00:00.000Z');
    expect(localDateOf(new Date('2026-03-25T16:30:00Z'), 480)).toBe('2026-03-26');
    expect(localDateTime('2026-03-28', '09:00', 480).toISOString()).toBe('2026-03-28T01:00:00.000Z');
  });
});
