import { addDays, endOfLocalDay, type IsoDate, startOfLocalDay } from './calendar.rules';

export interface DeadlineTimingPolicy {
  remindDaysBefore: number;
  escalateDaysAfter: number;
  utcOffsetMinutes: number;
}

export interface DeadlineTimes {
  dueAt: Date;
  remindAt: Date;
  escalateAt: Date;
}

const HOUR_MS = 3_600_000;
// Reminders go out at the start of a working morning, not at midnight.
const REMIND_LOCAL_HOUR = 8;

/** Due at the end of the local day; reminded that many days before at 08:00; escalated that many days after. */
export function deadlineTimes(dueOn: IsoDate, policy: DeadlineTimingPolicy): DeadlineTimes {
  const dueAt = endOfLocalDay(dueOn, policy.utcOffsetMinutes);
  const remindAt = new Date(startOfLocalDay(addDays(dueOn, -policy.remindDaysBefore), policy.utcOffsetMinutes).getTime() + REMIND_LOCAL_HOUR * HOUR_MS);
  const escalateAt = new Date(dueAt.getTime() + policy.escalateDaysAfter * 24 * HOUR_MS);
  return { dueAt, remindAt, escalateAt };
}

export type DeadlineStatus = 'open' | 'due-soon' | 'overdue' | 'done' | 'done-late' | 'cancelled';

/** What the owner sees: overdue while unfinished after the due instant, done-late when finished after it. */
export function deadlineStatus(
  d: { state: string; dueAt: Date; remindAt: Date | null; completedAt: Date | null; missedAt: Date | null },
  now: Date,
): DeadlineStatus {
  if (d.state === 'cancelled') return 'cancelled';
  if (d.state === 'done') return d.missedAt || (d.completedAt && d.completedAt > d.dueAt) ? 'done-late' : 'done';
  if (now >= d.dueAt) return 'overdue';
  if (d.remindAt && now >= d.remindAt) return 'due-soon';
  return 'open';
}
