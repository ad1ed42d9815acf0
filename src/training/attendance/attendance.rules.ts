import type { AttendanceStatus } from './attendance.schema';

const MINUTE = 60_000;

export interface LatenessPolicy {
  lateAfterMinutes: number;
  leftEarlyMinutes: number;
}

/** S1 考勤 一: signing in more than `lateAfterMinutes` after the start is late, by the whole minutes past the start. */
export function lateMinutesOf(signedInAt: Date, startsAt: Date, policy: LatenessPolicy): number {
  const minutes = Math.floor((signedInAt.getTime() - startsAt.getTime()) / MINUTE);
  return minutes > policy.lateAfterMinutes ? minutes : 0;
}

/** Leaving more than `leftEarlyMinutes` before the end is leaving early, by the whole minutes missed. */
export function leftEarlyMinutesOf(signedOutAt: Date, endsAt: Date, policy: LatenessPolicy): number {
  const minutes = Math.floor((endsAt.getTime() - signedOutAt.getTime()) / MINUTE);
  return minutes > policy.leftEarlyMinutes ? minutes : 0;
}

/** One status for the list; both minute counts stay on the record. Leaving early shows over lateness. */
export function presenceStatusOf(lateMinutes: number, leftEarlyMinutes: number): AttendanceStatus {
  if (leftEarlyMinutes > 0) return 'left_early';
  if (lateMinutes > 0) return 'late';
  return 'on_time';
}

/** Minutes a teacher was there (ANCHORS: partial attendance earns partial credit). */
export function attendedMinutesOf(r: { status: AttendanceStatus; lateMinutes: number; leftEarlyMinutes: number }, durationMinutes: number): number {
  if (r.status === 'absent' || r.status === 'excused') return 0;
  return Math.max(0, durationMinutes - r.lateMinutes - r.leftEarlyMinutes);
}

/** Present in person, however the record was made (QR, the recorder's list, an override): issue 13 item 5. */
export const isPresentStatus = (s: AttendanceStatus): boolean => s === 'on_time' || s === 'late' || s === 'left_early';

/** A teacher's year in numbers: 参训 counts the sessions attended, never absences or leave. */
export function attendanceSummaryOf(records: { status: AttendanceStatus }[]): { attended: number; absent: number; excused: number } {
  return {
    attended: records.filter((r) => isPresentStatus(r.status)).length,
    absent: records.filter((r) => r.status === 'absent').length,
    excused: records.filter((r) => r.status === 'excused').length,
  };
}

export type RosterStatus = AttendanceStatus | 'pending' | 'not_signed_in';

/** What the list shows for a teacher without a record: nothing yet, not yet signed in, or absent after the end. */
export function rosterStatusOf(status: AttendanceStatus | null, phase: 'upcoming' | 'open' | 'ended' | 'cancelled'): RosterStatus {
  if (status) return status;
  if (phase === 'ended') return 'absent';
  if (phase === 'open') return 'not_signed_in';
  return 'pending';
}

export interface AttendanceCounts {
  expected: number;
  present: number;
  onTime: number;
  late: number;
  leftEarly: number;
  absent: number;
  excused: number;
  notSignedIn: number;
  /** Present among those expected and not excused. */
  rate: number | null;
}

export function countAttendance(statuses: RosterStatus[]): AttendanceCounts {
  const n = (s: RosterStatus) => statuses.filter((x) => x === s).length;
  const onTime = n('on_time');
  const late = n('late');
  const leftEarly = n('left_early');
  const absent = n('absent');
  const excused = n('excused');
  const present = onTime + late + leftEarly;
  const countable = present + absent;
  return {
    expected: statuses.length,
    present,
    onTime,
    late,
    leftEarly,
    absent,
    excused,
    notSignedIn: n('not_signed_in') + n('pending'),
    rate: countable ? Math.round((present / countable) * 1000) / 1000 : null,
  };
}
