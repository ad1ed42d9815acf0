import { daysBetween, schoolYearRange } from '#core/calendar';

// The district's roll-up of a school's training (issue 12), as pure rules: the national
// statistics bands of annual training hours per teacher, the five-year cycle a school year
// belongs to, and a teacher's progress through that cycle against the district policy.

/** 全国教师培训统计口径: annual training hours per teacher in four bands. */
export const HOUR_BANDS = ['le36', 'h37to72', 'h73to108', 'ge109'] as const;
export type HourBand = (typeof HOUR_BANDS)[number];

export const HOUR_BAND_LABELS: Record<HourBand, { zh: string; en: string }> = {
  le36: { zh: '36 学时及以下', en: '36 hours or fewer' },
  h37to72: { zh: '37–72 学时', en: '37–72 hours' },
  h73to108: { zh: '73–108 学时', en: '73–108 hours' },
  ge109: { zh: '109 学时及以上', en: '109 hours or more' },
};

/**
 * The band of a year's hours. Hours are counted to two decimals, so a fraction above a bound
 * belongs to the next band (36.5 is in 37–72): the bands cover every value without a gap.
 */
export function bandOf(hours: number): HourBand {
  if (hours <= 36) return 'le36';
  if (hours <= 72) return 'h37to72';
  if (hours <= 108) return 'h73to108';
  return 'ge109';
}

export type BandCounts = Record<HourBand, number>;

export function countBands(hours: readonly number[]): BandCounts {
  const out: BandCounts = { le36: 0, h37to72: 0, h73to108: 0, ge109: 0 };
  for (const h of hours) out[bandOf(h)]++;
  return out;
}

/** Band counts per key (a school, a subject), keys in first-seen order. */
export function bandsBy<T>(rows: readonly T[], keyOf: (row: T) => string, hoursOf: (row: T) => number): { key: string; bands: BandCounts; teachers: number }[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = groups.get(k) ?? [];
    list.push(hoursOf(r));
    groups.set(k, list);
  }
  return [...groups].map(([key, hours]) => ({ key, bands: countBands(hours), teachers: hours.length }));
}

export interface CyclePolicy {
  cycleYears: number;
  cycleHours: number;
  yearlyMinHours: number;
  /** The calendar year the current cycle's first school year starts. */
  cycleStartYear: number;
}

const yearText = (first: number) => `${first}-${first + 1}`;

/**
 * The school years of the cycle that holds `schoolYear` ('2027-2028'): cycles follow one another
 * from the policy's start year, both forwards and backwards.
 */
export function cycleOf(schoolYear: string, policy: Pick<CyclePolicy, 'cycleYears' | 'cycleStartYear'>): { years: string[]; index: number } {
  const first = Number(schoolYear.slice(0, 4));
  const offset = first - policy.cycleStartYear;
  const k = Math.floor(offset / policy.cycleYears);
  const start = policy.cycleStartYear + k * policy.cycleYears;
  const years = Array.from({ length: policy.cycleYears }, (_, i) => yearText(start + i));
  return { years, index: first - start };
}

export type BehindReason = 'year' | 'cycle';

export interface CycleProgress {
  /** Hours of the cycle's years up to and including the school year looked at. */
  cycleHours: number;
  /** What the whole cycle requires. */
  requiredHours: number;
  /** The pace: the yearly minimum times the years counted so far (never above the cycle total). */
  expectedByNow: number;
  /** Hours still owed over the cycle. */
  remainingHours: number;
  yearHours: number;
  isBehind: boolean;
  reasons: BehindReason[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * How much of a school year has passed on `today`: 0 before it starts, 1 once it has ended,
 * the share of its days in between. A year in progress is judged against its pace, not its total
 * (in December a teacher with 41 of 72 学时 is on pace, not behind).
 */
export function yearElapsed(schoolYear: string, today: string): number {
  const { from, to } = schoolYearRange(schoolYear);
  if (today < from) return 0;
  if (today >= to) return 1;
  return (daysBetween(from, today) + 1) / (daysBetween(from, to) + 1);
}

/**
 * A teacher's place in the cycle: behind when the year looked at is below the yearly minimum
 * (pro rata while the year is in progress: `elapsed` of it has passed), or when the cycle so far
 * is below the yearly minimum times the years counted (the last one pro rata).
 */
export function cycleProgress(hoursByYear: Readonly<Record<string, number>>, schoolYear: string, policy: CyclePolicy, elapsed = 1): CycleProgress {
  const { years, index } = cycleOf(schoolYear, policy);
  const counted = years.slice(0, index + 1);
  const cycleHours = round2(counted.reduce((sum, y) => sum + (hoursByYear[y] ?? 0), 0));
  const yearHours = round2(hoursByYear[schoolYear] ?? 0);
  const expectedByNow = round2(Math.min(policy.cycleHours, policy.yearlyMinHours * (counted.length - 1 + elapsed)));
  const reasons: BehindReason[] = [];
  if (yearHours < round2(policy.yearlyMinHours * elapsed)) reasons.push('year');
  if (cycleHours < expectedByNow) reasons.push('cycle');
  return {
    cycleHours,
    requiredHours: policy.cycleHours,
    expectedByNow,
    remainingHours: round2(Math.max(0, policy.cycleHours - cycleHours)),
    yearHours,
    isBehind: reasons.length > 0,
    reasons,
  };
}

/** The teachers falling behind, the furthest behind the pace first. */
export function behindList<T extends { progress: CycleProgress }>(rows: readonly T[]): T[] {
  return rows
    .filter((r) => r.progress.isBehind)
    .sort((a, b) => a.progress.cycleHours - a.progress.expectedByNow - (b.progress.cycleHours - b.progress.expectedByNow));
}
