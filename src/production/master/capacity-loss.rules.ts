import { startOfLocalDay } from '#core/calendar';

// PP-26: a stopped machine takes its share of the workshop's capacity calendar. Pure.
//
// Without shift times the day's capacity hours are taken as spread evenly over its 24 hours:
// a day loses hours × share × (the part of the day the stop covers). A stop still open runs
// to the end of every later day, so plans show the loss until the machine runs again.

export interface CapacityLoss {
  share: number;
  startedAt: Date;
  /** null while it lasts. */
  endedAt: Date | null;
}

const DAY_MS = 86_400_000;

/** The part (0–1) of the local day `day` that [startedAt, endedAt) covers. */
export function coveredPartOfDay(day: string, loss: Pick<CapacityLoss, 'startedAt' | 'endedAt'>, utcOffsetMinutes: number): number {
  const from = startOfLocalDay(day, utcOffsetMinutes).getTime();
  const to = from + DAY_MS;
  const start = Math.max(from, loss.startedAt.getTime());
  const end = Math.min(to, loss.endedAt ? loss.endedAt.getTime() : Number.POSITIVE_INFINITY);
  return end > start ? (end - start) / DAY_MS : 0;
}

/**
 * Hours lost on each day of `days` (with `hours` the day's capacity): the covered share of
 * the day summed over the losses, never more than the whole day.
 */
export function lostCapacityHours(days: readonly string[], hours: readonly number[], losses: readonly CapacityLoss[], utcOffsetMinutes: number): number[] {
  return days.map((day, k) => {
    const dayHours = hours[k] ?? 0;
    if (dayHours <= 0 || losses.length === 0) return 0;
    const part = losses.reduce((s, l) => s + l.share * coveredPartOfDay(day, l, utcOffsetMinutes), 0);
    return Math.round(dayHours * Math.min(1, part) * 10_000) / 10_000;
  });
}

/** The calendar after the losses: each day's hours less what stands still. */
export function deductCapacityLosses(days: readonly string[], hours: readonly number[], losses: readonly CapacityLoss[], utcOffsetMinutes: number): number[] {
  const lost = lostCapacityHours(days, hours, losses, utcOffsetMinutes);
  return hours.map((h, k) => Math.max(0, Math.round((h - lost[k]) * 10_000) / 10_000));
}
