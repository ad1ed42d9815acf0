import { addDays, isoWeekday } from './calendar.rules';

// Chinese schools run their year from September: term 1 from September to January,
// term 2 from February to August. Plans carry their own exact dates; these boundaries
// only decide which year and term a record belongs to.
const YEAR_STARTS_MONTH = 9;
const TERM_TWO_STARTS_MONTH = 2;

export type Term = 1 | 2;

const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

export function isSchoolYear(value: string): boolean {
  const m = SCHOOL_YEAR.exec(value);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

/** '2025-2026' for any day from 2025-09-01 to 2026-08-31. */
export function schoolYearOf(date: string): string {
  const [y, m] = date.split('-').map(Number);
  const first = m >= YEAR_STARTS_MONTH ? y : y - 1;
  return `${first}-${first + 1}`;
}

export function termOf(date: string): Term {
  const m = Number(date.split('-')[1]);
  return m >= YEAR_STARTS_MONTH || m < TERM_TWO_STARTS_MONTH ? 1 : 2;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function schoolYearRange(schoolYear: string): { from: string; to: string } {
  const first = Number(schoolYear.slice(0, 4));
  return { from: `${first}-${pad(YEAR_STARTS_MONTH)}-01`, to: addDays(`${first + 1}-${pad(YEAR_STARTS_MONTH)}-01`, -1) };
}

export function termRange(schoolYear: string, term: Term): { from: string; to: string } {
  const year = schoolYearRange(schoolYear);
  const second = Number(schoolYear.slice(5, 9));
  const termTwoStarts = `${second}-${pad(TERM_TWO_STARTS_MONTH)}-01`;
  return term === 1 ? { from: year.from, to: addDays(termTwoStarts, -1) } : { from: termTwoStarts, to: year.to };
}

/** The Monday of the week a day falls in (self-study quotas count per week). */
export const weekStartOf = (date: string): string => addDays(date, 1 - isoWeekday(date));
