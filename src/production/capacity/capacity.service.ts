import { getPolicy } from '#core/policy';
import { loadPlanningFacts, loadWorkshopCapacity, type PlanningFacts, type WorkshopCapacity } from '../master/index';
import { explodeSchedule, withoutBoughtLeaves } from '../mrp/index';
import { capacityCalendarKey } from './capacity-calendar.rules';
import { type CapacityOp, type CapacityView, checkCapacity, type PlannedQty, type ReportingGroup } from './capacity.rules';
import type { Db } from '#core/db';

export interface CapacityPlanFacts {
  kind: string;
  periodStart: string;
  periodEnd: string;
  bucket: 'day' | 'month';
  /** A weekly workshop plan checks its own workshop only, with its quantities on the days they run. */
  workshopId: string | null;
}

export interface CapacityLines {
  itemId: string;
  quantities: readonly number[];
}

export interface CapacityRun {
  plan: CapacityPlanFacts;
  bucketStarts: readonly string[];
  groups: readonly ReportingGroup[];
  lines: readonly CapacityLines[];
  /** Load already committed in the same days (the monthly plan in force, for a special plan). */
  baseLines?: readonly CapacityLines[];
  today: string;
  master?: PlanningFacts;
}

function mergeLines(a: readonly CapacityLines[], b: readonly CapacityLines[]): CapacityLines[] {
  const out = new Map<string, number[]>();
  for (const l of [...a, ...b]) {
    const q = out.get(l.itemId);
    if (q) {
      l.quantities.forEach((x, k) => {
        q[k] = (q[k] ?? 0) + x;
      });
    } else out.set(l.itemId, [...l.quantities]);
  }
  return [...out].map(([itemId, quantities]) => ({ itemId, quantities }));
}

/**
 * PP-9: the plan's load per workshop and reporting period. Made components (base liquor)
 * load their workshop through MRP, netted against stock, so brewing shows only what must be brewed.
 */
export async function computePlanCapacity(db: Db, orgId: string, run: CapacityRun): Promise<CapacityView> {
  const { plan, bucketStarts } = run;
  const [master, policy, days] = await Promise.all([
    run.master ?? loadPlanningFacts(db, orgId),
    getPolicy(db, orgId),
    loadWorkshopCapacity(db, orgId, bucketStarts[0], plan.periodEnd),
  ]);
  const isWeekly = plan.kind === 'weekly';
  const calendar = calendarKeyOf(days, plan, bucketStarts[0]);
  const dayIndex = new Map(bucketStarts.map((d, k) => [d, k]));
  const workshops = days
    .filter((w) => !isWeekly || w.workshop.id === plan.workshopId)
    .map((w) => {
      let hours = w.hours;
      if (plan.bucket === 'month') {
        hours = bucketStarts.map(() => 0);
        let k = -1;
        let day = bucketStarts[0];
        for (const h of w.hours) {
          if (dayIndex.has(day)) k = dayIndex.get(day)!;
          hours[k] += h;
          day = nextDay(day);
        }
      }
      return { id: w.workshop.id, code: w.workshop.code, name: w.workshop.name, hours };
    });
  const ops: CapacityOp[] = master.routings
    .filter((r) => !isWeekly || r.workshopId === plan.workshopId)
    .map((r) => ({ itemId: r.itemId, workshopId: r.workshopId, hoursPerUnit: r.hoursPerUnit, offsetDays: isWeekly ? 0 : r.offsetDays }));
  const schedule = mergeLines(run.lines, run.baseLines ?? []);
  const planned: PlannedQty[] = schedule.flatMap((l) => l.quantities.flatMap((qty, bucket) => (qty > 0 ? [{ itemId: l.itemId, bucket, qty }] : [])));
  if (!isWeekly) {
    // Only the make rows are loaded on workshops: bought leaves need no netting here.
    const made = { ...master, ...withoutBoughtLeaves(master.items, master.bom, new Set(schedule.map((l) => l.itemId))) };
    const exploded = await explodeSchedule(made, { bucket: plan.bucket, bucketStarts, lines: schedule }, run.today);
    if (exploded) {
      // Rows fall on a few dozen days: each day's bucket is worked out once.
      const bucketOf = new Map<string, number>();
      for (const r of exploded.rows) {
        if (r.kind !== 'make') continue;
        let bucket = bucketOf.get(r.needOn);
        if (bucket === undefined) {
          bucket = plan.bucket === 'day' ? dayOffset(bucketStarts[0], r.needOn) : monthOffset(bucketStarts[0], r.needOn);
          bucketOf.set(r.needOn, bucket);
        }
        planned.push({ itemId: r.itemId, bucket, qty: r.qty });
      }
    }
  }
  const view = checkCapacity({
    bucket: plan.bucket,
    bucketCount: bucketStarts.length,
    groups: run.groups,
    workshops,
    ops,
    planned,
    thresholds: policy.production.capacity,
  });
  return { ...view, calendar };
}

function calendarKeyOf(days: readonly WorkshopCapacity[], plan: CapacityPlanFacts, first: string): string {
  const mine = days.filter((w) => plan.kind !== 'weekly' || w.workshop.id === plan.workshopId);
  return capacityCalendarKey(
    first,
    mine.map((w) => ({ id: w.workshop.id, hours: w.hours })),
  );
}

/** The capacity calendar as it stands now over the plan's days (issue 14 item 1), to compare with the stored check's. */
export async function findCurrentCalendarKey(db: Db, orgId: string, plan: CapacityPlanFacts, first: string): Promise<string> {
  return calendarKeyOf(await loadWorkshopCapacity(db, orgId, first, plan.periodEnd), plan, first);
}

const nextDay = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const dayOffset = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const monthOffset = (from: string, to: string): number =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
