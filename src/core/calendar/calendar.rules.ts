// Calendar days are ISO strings ('2026-03-28'): a due day is a day in the organisation's
// calendar, never an instant that shifts with the server's time zone.

export type IsoDate = string;

export interface HolidayEntry {
  date: IsoDate;
  name: string;
  /** A make-up working day (调休) on what would be a rest day. */
  isWorkday: boolean;
}

export interface BusinessCalendar {
  /** ISO weekdays that are rest days: 6 = Saturday, 7 = Sunday. */
  weekendDays: readonly number[];
  holidays: ReadonlyMap<IsoDate, HolidayEntry>;
}

export type DueRule =
  /** Day N of the month `monthOffset` months from the reference (−1 = the month before). */
  | { kind: 'dayOfMonth'; day: number; monthOffset: number }
  /** Within N days of the reference; 0 = the same day. */
  | { kind: 'withinDays'; days: number; businessDays: boolean };

export type RestDayShift = 'keep' | 'before' | 'after';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const toUtc = (date: IsoDate): number => {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]);
};
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => fromUtc(toUtc(date) + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const d = new Date(toUtc(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Day `day` of the month `monthOffset` months away; 31 becomes the last day of a short month. */
export function dayOfMonth(reference: IsoDate, day: number, monthOffset = 0): IsoDate {
  const [y, m] = reference.split('-').map(Number);
  const index = y * 12 + (m - 1) + monthOffset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const d = Math.min(Math.max(day, 1), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isBusinessDay(date: IsoDate, calendar: BusinessCalendar): boolean {
  const entry = calendar.holidays.get(date);
  if (entry) return entry.isWorkday;
  return !calendar.weekendDays.includes(isoWeekday(date));
}

/** The date itself when it is a working day, else the nearest working day in that direction. */
export function shiftToBusinessDay(date: IsoDate, calendar: BusinessCalendar, direction: RestDayShift): IsoDate {
  if (direction === 'keep') return date;
  const step = direction === 'before' ? -1 : 1;
  let d = date;
  // A year of rest days in a row is a broken calendar, not a reason to loop forever.
  for (let i = 0; i < 366 && !isBusinessDay(d, calendar); i++) d = addDays(d, step);
  return d;
}

/** N working days after `date`; 0 = the same day, or the next working day when it is a rest day. */
export function addBusinessDays(date: IsoDate, days: number, calendar: BusinessCalendar): IsoDate {
  let d = shiftToBusinessDay(date, calendar, 'after');
  for (let left = days; left > 0; left--) d = shiftToBusinessDay(addDays(d, 1), calendar, 'after');
  return d;
}

export function countBusinessDays(from: IsoDate, to: IsoDate, calendar: BusinessCalendar): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isBusinessDay(d, calendar)) n++;
  return n;
}

export function dueDateFor(rule: DueRule, reference: IsoDate, calendar: BusinessCalendar, options: { onRestDay?: RestDayShift } = {}): IsoDate {
  if (rule.kind === 'dayOfMonth') {
    return shiftToBusinessDay(dayOfMonth(reference, rule.day, rule.monthOffset), calendar, options.onRestDay ?? 'keep');
  }
  return rule.businessDays ? addBusinessDays(reference, rule.days, calendar) : addDays(reference, rule.days);
}

export const makeCalendar = (weekendDays: readonly number[], holidays: readonly HolidayEntry[]): BusinessCalendar => ({
  weekendDays,
  holidays: new Map(holidays.map((h) => [h.date, h])),
});

// Local days of an organisation at a fixed UTC offset (China has no daylight saving).

export const localDateOf = (instant: Date, utcOffsetMinutes: number): IsoDate => fromUtc(instant.getTime() + utcOffsetMinutes * 60_000);

export const startOfLocalDay = (date: IsoDate, utcOffsetMinutes: number): Date => new Date(toUtc(date) - utcOffsetMinutes * 60_000);

/** The instant a day ends: a task due on that day is late from this moment. */
export const endOfLocalDay = (date: IsoDate, utcOffsetMinutes: number): Date => startOfLocalDay(addDays(date, 1), utcOffsetMinutes);

export function localDateTime(date: IsoDate, time: string, utcOffsetMinutes: number): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(startOfLocalDay(date, utcOffsetMinutes).getTime() + (h * 60 + m) * 60_000);
}
