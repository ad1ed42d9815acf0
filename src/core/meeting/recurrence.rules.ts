import { addDays, type BusinessCalendar, dayOfMonth, type IsoDate, isBusinessDay, isoWeekday, shiftToBusinessDay } from '../calendar';

export type Recurrence =
  /** Day N of every month; 31 = the last day. */
  | { kind: 'monthly'; day: number }
  /** Every week on these ISO weekdays (1 = Monday). */
  | { kind: 'weekly'; weekdays: number[] };

export interface Occurrence {
  /** The day the meeting is held. */
  date: IsoDate;
  /** The day the rule gave, when a holiday moved it. */
  movedFrom?: IsoDate;
}

function nominalDates(recurrence: Recurrence, from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  if (recurrence.kind === 'monthly') {
    for (let month = dayOfMonth(from, 1); month <= to; month = dayOfMonth(month, 1, 1)) {
      const d = dayOfMonth(month, recurrence.day);
      if (d >= from && d <= to) out.push(d);
    }
    return out;
  }
  for (let d = from; d <= to; d = addDays(d, 1)) if (recurrence.weekdays.includes(isoWeekday(d))) out.push(d);
  return out;
}

/**
 * The meetings a series holds between two days. A rule day that is not a working day is
 * skipped or moved to the working day before or after; a weekly meeting deliberately set
 * on a weekend weekday only yields to the holiday list.
 */
export function generateOccurrences(
  recurrence: Recurrence,
  range: { from: IsoDate; to: IsoDate },
  calendar: BusinessCalendar,
  onHoliday: 'skip' | 'before' | 'after',
): Occurrence[] {
  const seen = new Set<IsoDate>();
  const out: Occurrence[] = [];
  for (const date of nominalDates(recurrence, range.from, range.to)) {
    const isWeekendByDesign = recurrence.kind === 'weekly' && calendar.weekendDays.includes(isoWeekday(date));
    const isRestDay = isWeekendByDesign ? calendar.holidays.get(date)?.isWorkday === false : !isBusinessDay(date, calendar);
    let held = date;
    if (isRestDay) {
      if (onHoliday === 'skip') continue;
      held = shiftToBusinessDay(date, calendar, onHoliday);
    }
    if (seen.has(held)) continue;
    seen.add(held);
    out.push(held === date ? { date } : { date: held, movedFrom: date });
  }
  return out;
}
