import { shiftBucket } from '../capacity/index';
import { round } from '../common/index';

// Each workshop's plan per product and day (PP-18): the workshop's weekly plan where there is
// one (T4 第二十条), else its daily schedule for the month (T2 (2011) 3.(1)), else the monthly
// plan's day carried to the workshop along the routing. Pure.

export interface RoutingStep {
  itemId: string;
  workshopId: string;
  seq: number;
  /** Working days of the workshop before (−) or after the product's planned day. */
  offsetDays: number;
}

/** The workshop of each product's last operation: where it leaves into the warehouse. */
export function finalWorkshops(ops: readonly RoutingStep[]): Map<string, string> {
  const last = new Map<string, RoutingStep>();
  for (const op of ops) {
    const seen = last.get(op.itemId);
    if (!seen || op.seq > seen.seq) last.set(op.itemId, op);
  }
  return new Map([...last].map(([itemId, op]) => [itemId, op.workshopId]));
}

/** A product nobody routed is finished wherever it is reported. */
export const isFinalOperation = (finals: ReadonlyMap<string, string>, workshopId: string, itemId: string): boolean =>
  (finals.get(itemId) ?? workshopId) === workshopId;

export type WorkshopPlan = Map<string, Map<string, number[]>>;

/**
 * The monthly plan's quantities per product and day, carried to each operation's workshop,
 * `offsetDays` of that workshop's working days away (as the weekly plans are derived).
 * Quantities carried outside the range are left out.
 */
export function spreadToWorkshops(
  productDaily: ReadonlyMap<string, readonly number[]>,
  ops: readonly RoutingStep[],
  hoursOf: ReadonlyMap<string, readonly number[]>,
  length: number,
): WorkshopPlan {
  const out: WorkshopPlan = new Map();
  for (const op of ops) {
    const daily = productDaily.get(op.itemId);
    if (!daily) continue;
    const hours = hoursOf.get(op.workshopId) ?? [];
    const lines = out.get(op.workshopId) ?? new Map<string, number[]>();
    const q = lines.get(op.itemId) ?? new Array<number>(length).fill(0);
    daily.forEach((planned, k) => {
      if (planned <= 0) return;
      const at = op.offsetDays === 0 ? k : shiftBucket('day', k, op.offsetDays, hours);
      if (at >= 0 && at < length) q[at] = round(q[at] + planned);
    });
    lines.set(op.itemId, q);
    out.set(op.workshopId, lines);
  }
  return out;
}

export interface DatedLines {
  workshopId: string;
  /** Index in the range of the source's first day (may be negative: it began before the range). */
  start: number;
  /** How many days it covers. */
  length: number;
  lines: { itemId: string; quantities: readonly number[] }[];
}

/**
 * Per workshop and day the plan comes from one source, whole: a weekly plan covering the day,
 * else a daily schedule covering it, else the monthly plan carried along the routing.
 */
export function mergeWorkshopPlan(length: number, weekly: readonly DatedLines[], schedules: readonly DatedLines[], fallback: WorkshopPlan): WorkshopPlan {
  const workshops = new Set([...weekly.map((w) => w.workshopId), ...schedules.map((s) => s.workshopId), ...fallback.keys()]);
  const out: WorkshopPlan = new Map();
  for (const workshopId of workshops) {
    const lines = new Map<string, number[]>();
    const put = (itemId: string, k: number, q: number) => {
      const row = lines.get(itemId) ?? new Array<number>(length).fill(0);
      row[k] = q;
      lines.set(itemId, row);
    };
    const covering = (sources: readonly DatedLines[], k: number) => sources.find((s) => s.workshopId === workshopId && k >= s.start && k < s.start + s.length);
    for (let k = 0; k < length; k++) {
      const source = covering(weekly, k) ?? covering(schedules, k);
      if (source) {
        for (const l of source.lines) if (l.quantities[k - source.start] > 0) put(l.itemId, k, l.quantities[k - source.start]);
        continue;
      }
      for (const [itemId, q] of fallback.get(workshopId) ?? []) if (q[k] > 0) put(itemId, k, q[k]);
    }
    if (lines.size) out.set(workshopId, lines);
  }
  return out;
}
