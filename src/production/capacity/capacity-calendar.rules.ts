import { createHash } from 'node:crypto';

// Issue 14 item 1 (PP-9, T4 第十九条): a capacity check is only as good as the calendar it was
// computed on. The check records the calendar it used as a fingerprint of the hours per
// workshop and day; any change to shifts, working days, exception days, holidays or stopped
// machines changes the fingerprint, so a stored check that no longer matches is stale. Pure.

export interface CalendarHours {
  id: string;
  hours: readonly number[];
}

/** The capacity-calendar version a check used: a fingerprint of every workshop's hours per day. */
export function capacityCalendarKey(first: string, workshops: readonly CalendarHours[]): string {
  const text = [
    first,
    ...[...workshops].sort((a, b) => (a.id < b.id ? -1 : 1)).map((w) => `${w.id}:${w.hours.map((h) => Math.round(h * 10_000) / 10_000).join(',')}`),
  ].join('|');
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

export interface StoredCheck {
  kind: string;
  workshopId: string | null;
  periodStart: string;
  periodEnd: string;
  /** Null when the plan's capacity was never checked. */
  capacityCalendar: string | null;
  capacityVersion: number | null;
  version: number;
}

/** A stored check is stale when the plan changed since, or the calendar it used is no longer the calendar. */
export function isCapacityStale(plan: StoredCheck, currentCalendar: string): boolean {
  return plan.capacityVersion !== plan.version || plan.capacityCalendar !== currentCalendar;
}

export interface CalendarChange {
  workshopId: string;
  /** The first day the change touches (an exception day), or null for a change of the pattern (every day from today). */
  day: string | null;
}

/**
 * Which stored checks a calendar change reaches: plans still running or to come over the
 * changed days; a weekly workshop plan only when it is that workshop's. Past plans keep the
 * figures they were judged on.
 */
export function isPlanReachedByCalendarChange(
  plan: Pick<StoredCheck, 'kind' | 'workshopId' | 'periodStart' | 'periodEnd'>,
  change: CalendarChange,
  today: string,
): boolean {
  if (plan.kind === 'weekly' && plan.workshopId !== change.workshopId) return false;
  if (change.day !== null) return plan.periodStart <= change.day && plan.periodEnd >= change.day && plan.periodEnd >= today;
  return plan.periodEnd >= today;
}
