import { addDays, daysInMonth, isIsoDate } from '#core/calendar';

// Calendar arithmetic of plans: months as 'YYYY-MM', days as ISO dates. Pure.

export type IsoDate = string;
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string): boolean => MONTH.test(value);

export const monthOf = (date: IsoDate): Month => date.slice(0, 7);

export const monthStart = (month: Month): IsoDate => `${month}-01`;

export function monthEnd(month: Month): IsoDate {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every day from `from` to `to`, both included. */
export function daysFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Every month start from the month of `from` to the month of `to`. */
export function monthsFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = addMonths(m, 1)) out.push(monthStart(m));
  return out;
}

export const dayCount = (from: IsoDate, to: IsoDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function quarterMonths(year: number, quarter: number): Month[] {
  const first = (quarter - 1) * 3 + 1;
  return [0, 1, 2].map((k) => `${year}-${String(first + k).padStart(2, '0')}`);
}

export function assertIsoDate(value: string): boolean {
  return isIsoDate(value);
}
