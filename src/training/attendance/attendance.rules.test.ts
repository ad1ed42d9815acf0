import { describe, expect, it } from 'vitest';
import {
  attendanceSummaryOf,
  attendedMinutesOf,
  countAttendance,
  lateMinutesOf,
  leftEarlyMinutesOf,
  presenceStatusOf,
  rosterStatusOf,
} from './attendance.rules';

const policy = { lateAfterMinutes: 5, leftEarlyMinutes: 5 };
const startsAt = new Date('2026-03-02T08:30:00Z');
const endsAt = new Date('2026-03-02T09:30:00Z');

describe('attendance statuses (ST-4)', () => {
  it('ST-4 signing in within the late allowance is on time; after it, late by the minutes past the start', () => {
    expect(lateMinutesOf(new Date('2026-03-02T08:20:00Z'), startsAt, policy)).toBe(0);
    expect(lateMinutesOf(new Date('2026-03-02T08:35:59Z'), startsAt, policy)).toBe(0);
    expect(lateMinutesOf(new Date('2026-03-02T08:36:00Z'), startsAt, policy)).toBe(6);
    expect(presenceStatusOf(6, 0)).toBe('late');
  });

  it('ST-4 leaving more than the allowance before the end is leaving early', () => {
    expect(leftEarlyMinutesOf(new Date('2026-03-02T09:26:00Z'), endsAt, policy)).toBe(0);
    expect(leftEarlyMinutesOf(new Date('2026-03-02T09:10:00Z'), endsAt, policy)).toBe(20);
    expect(presenceStatusOf(6, 20)).toBe('left_early');
    expect(presenceStatusOf(0, 0)).toBe('on_time');
  });

  it('ST-6 partial attendance counts the minutes actually present', () => {
    expect(attendedMinutesOf({ status: 'late', lateMinutes: 10, leftEarlyMinutes: 0 }, 60)).toBe(50);
    expect(attendedMinutesOf({ status: 'left_early', lateMinutes: 10, leftEarlyMinutes: 20 }, 60)).toBe(30);
    expect(attendedMinutesOf({ status: 'absent', lateMinutes: 0, leftEarlyMinutes: 0 }, 60)).toBe(0);
    expect(attendedMinutesOf({ status: 'excused', lateMinutes: 0, leftEarlyMinutes: 0 }, 60)).toBe(0);
  });

  it('ST-4 no record means pending, not yet signed in, or absent once the session has ended', () => {
    expect(rosterStatusOf(null, 'upcoming')).toBe('pending');
    expect(rosterStatusOf(null, 'open')).toBe('not_signed_in');
    expect(rosterStatusOf(null, 'ended')).toBe('absent');
    expect(rosterStatusOf('excused', 'ended')).toBe('excused');
  });

  it('ST-4 the attendance rate leaves excused teachers out', () => {
    const c = countAttendance(['on_time', 'late', 'excused', 'absent', 'on_time']);
    expect(c).toMatchObject({ expected: 5, present: 3, late: 1, excused: 1, absent: 1, rate: 0.75 });
    expect(countAttendance([]).rate).toBeNull();
  });
});

describe('what the archive counts as attended (issue 13 item 5)', () => {
  it('ST-8 issue 13 item 5: 参训 counts sessions attended, not absences or leave', () => {
    const records = [
      { status: 'on_time' as const },
      { status: 'late' as const },
      { status: 'left_early' as const },
      { status: 'absent' as const },
      { status: 'absent' as const },
      { status: 'excused' as const },
    ];
    expect(attendanceSummaryOf(records)).toEqual({ attended: 3, absent: 2, excused: 1 });
  });
});
