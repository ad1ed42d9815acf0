import { round } from '../common/index';
import { type CapacityView, findOverloads, type Overload } from './capacity.rules';

// Issue 14 item 2 (PP-9, T4 第十九条 “超出生产能力的，应拿出应对措施”): a countermeasure is an
// answer only when it is big enough. It states the hours it takes off (overtime added, hours moved
// or outsourced) or the share of the load it moves or outsources, and may span several periods of
// one workshop ("加班 70 h" for the month's weeks). Whether the overloads are covered is decided
// afresh at every check, so a larger overload in a new revision outgrows an old answer. Pure.

/** Rounding of hours shown to a tenth: a countermeasure short by less than this still covers. */
export const COVER_TOLERANCE_HOURS = 0.05;

export interface CountermeasureFacts {
  id: string;
  workshopId: string;
  bucketStart: string;
  /** Last period it spans (inclusive); null for one period. */
  bucketEnd: string | null;
  description: string;
  /** Hours it takes off the overload, pooled over the periods it spans. */
  extraHours: number | null;
  /** Share of each spanned period's load it moves or outsources, in percent. */
  sharePct: number | null;
}

export interface CoveredOverload extends Overload {
  /** Load above the policy's ceiling (load − capacity × maximum utilisation). */
  excessHours: number;
  coveredHours: number;
  missingHours: number;
  isCovered: boolean;
  countermeasureIds: string[];
}

export interface CountermeasureVerdict {
  id: string;
  /** Hours it took off the overloads it spans at this check. */
  usedHours: number;
  /** Starts of the over periods it spans. */
  answers: string[];
  /** Every overload it spans is covered (alone or with the others recorded for it). */
  isSufficient: boolean;
}

export interface CoverCheck {
  overloads: CoveredOverload[];
  uncovered: CoveredOverload[];
  countermeasures: CountermeasureVerdict[];
}

/** The hours of an over period above the ceiling (the part a countermeasure must answer). */
export function excessHours(load: number, capacity: number, maxUtilisation: number): number {
  return Math.max(0, round(load - capacity * maxUtilisation, 4));
}

export const spans = (c: Pick<CountermeasureFacts, 'workshopId' | 'bucketStart' | 'bucketEnd'>, o: { workshopId: string; start: string }): boolean =>
  c.workshopId === o.workshopId && o.start >= c.bucketStart && o.start <= (c.bucketEnd ?? c.bucketStart);

/**
 * Lays the countermeasures on the overloads of a check: one-period answers first on their own
 * period, then answers over several periods in the order recorded, their hours pooled and spent
 * on the earliest over periods still short.
 */
export function checkCountermeasureCover(view: CapacityView, measures: readonly CountermeasureFacts[]): CoverCheck {
  const max = view.thresholds.maxUtilisation;
  const overloads: CoveredOverload[] = findOverloads(view).map((o) => ({
    ...o,
    excessHours: round(excessHours(o.load, o.capacity, max), 2),
    coveredHours: 0,
    missingHours: 0,
    isCovered: false,
    countermeasureIds: [],
  }));
  const left = overloads.map((o) => excessHours(o.load, o.capacity, max));
  const isSingle = (c: CountermeasureFacts) => (c.bucketEnd ?? c.bucketStart) === c.bucketStart;
  const order = [...measures.filter(isSingle), ...measures.filter((c) => !isSingle(c))];
  const used = new Map<string, number>();
  for (const c of order) {
    let pool = c.extraHours ?? 0;
    let spent = 0;
    overloads.forEach((o, k) => {
      if (!spans(c, o)) return;
      if (!o.countermeasureIds.includes(c.id)) o.countermeasureIds.push(c.id);
      if (left[k] <= 0) return;
      const offer = c.sharePct ? (o.load * c.sharePct) / 100 : pool;
      const give = Math.min(left[k], offer);
      if (give <= 0) return;
      left[k] -= give;
      spent += give;
      if (!c.sharePct) pool -= give;
    });
    used.set(c.id, spent);
  }
  overloads.forEach((o, k) => {
    o.missingHours = round(Math.max(0, left[k]), 2);
    o.coveredHours = round(o.excessHours - o.missingHours, 2);
    o.isCovered = left[k] <= COVER_TOLERANCE_HOURS;
  });
  const countermeasures = measures.map((c) => {
    const mine = overloads.filter((o) => spans(c, o));
    return { id: c.id, usedHours: round(used.get(c.id) ?? 0, 2), answers: mine.map((o) => o.start), isSufficient: mine.every((o) => o.isCovered) };
  });
  return { overloads, uncovered: overloads.filter((o) => !o.isCovered), countermeasures };
}

/** What the submit guard and the weekly confirmation say about an overload still short of its answer. */
export function describeShortfall(o: CoveredOverload, lang: 'zh' | 'en'): string {
  const pct = o.utilisation === null ? '∞' : `${Math.round(o.utilisation * 100)}%`;
  if (lang === 'zh') {
    return o.coveredHours > 0
      ? `${o.workshopName} ${o.label.zh} 负荷 ${pct}，超出 ${round(o.excessHours, 1)} 小时，应对措施只解决 ${round(o.coveredHours, 1)} 小时，尚差 ${round(o.missingHours, 1)} 小时`
      : `${o.workshopName} ${o.label.zh} 负荷 ${pct}，超出 ${round(o.excessHours, 1)} 小时，无应对措施`;
  }
  return o.coveredHours > 0
    ? `${o.workshopName} ${o.label.en} at ${pct}, ${round(o.excessHours, 1)} h over, countermeasures answer ${round(o.coveredHours, 1)} h, ${round(o.missingHours, 1)} h short`
    : `${o.workshopName} ${o.label.en} at ${pct}, ${round(o.excessHours, 1)} h over, no countermeasure`;
}
