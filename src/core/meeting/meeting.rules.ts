import { localDateOf } from '../calendar';

/** '2026-03-28 09:00' in the organisation's local time. */
export function formatLocal(instant: Date, utcOffsetMinutes: number): string {
  const local = new Date(instant.getTime() + utcOffsetMinutes * 60_000);
  return `${localDateOf(instant, utcOffsetMinutes)} ${local.toISOString().slice(11, 16)}`;
}

/**
 * Why a leave request comes too late, or null when it is in time. Leave is asked in
 * advance (T4 第五十六条 事先请假; S1 考勤 一 事先递交书面请假条): never once the meeting has begun.
 */
export function leaveTooLate(now: Date, startsAt: Date, cutoffMinutes: number): { zh: string; en: string } | null {
  const deadline = new Date(startsAt.getTime() - cutoffMinutes * 60_000);
  if (now < deadline) return null;
  if (now >= startsAt) {
    return { zh: '会议已经开始，不能再请假：请假须在会前提出', en: 'The meeting has started; leave must be asked before it begins' };
  }
  return { zh: `请假须在会前 ${cutoffMinutes} 分钟提出`, en: `Leave must be asked at least ${cutoffMinutes} minutes before the meeting` };
}

export type MarkableStatus = 'present' | 'late' | 'absent' | 'excused';

/** Attendance other than 'excused' is a fact about the meeting, so it is recorded once it has started. */
export const canRecordStatusAt = (status: MarkableStatus | 'invited', now: Date, startsAt: Date): boolean =>
  status === 'excused' || status === 'invited' || now >= startsAt;
