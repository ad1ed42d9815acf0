import { type CapacityInput, type CapacityLoadResult, computeCapacityLoad } from '#production/planning';
import { round } from '../common/index';

// PP-9: a bucketed capacity check per workshop and period, built on the capacity kernel.
// Routing offsets are in days; they are applied on the plan's buckets first, then the
// loads are summed into the reporting periods (weeks of a monthly plan). Pure.

export interface CapacityWorkshop {
  id: string;
  code: string;
  name: string;
  /** Capacity hours per bucket of the plan (a day, or a month). */
  hours: number[];
}

export interface CapacityOp {
  itemId: string;
  workshopId: string;
  hoursPerUnit: number;
  offsetDays: number;
}

export interface PlannedQty {
  itemId: string;
  /** Bucket index of the plan. */
  bucket: number;
  qty: number;
}

export interface ReportingGroup {
  start: string;
  label: { zh: string; en: string };
  buckets: number[];
}

export interface HeatCell {
  start: string;
  load: number;
  capacity: number;
  utilisation: number | null;
  over: boolean;
  under: boolean;
  items: { itemId: string; hours: number }[];
}

export interface HeatRow {
  workshopId: string;
  code: string;
  name: string;
  cells: HeatCell[];
  totalLoad: number;
  totalCapacity: number;
}

export interface CapacityView {
  thresholds: { maxUtilisation: number; minUtilisation: number };
  groups: { start: string; label: { zh: string; en: string } }[];
  rows: HeatRow[];
  /** Loads an offset pushed outside the plan (e.g. filling on the last day of the month before). */
  outOfHorizon: { itemId: string; workshopId: string; bucket: number; hours: number }[];
  /** Planned quantities of items without a routing: no load anywhere. */
  unrouted: { itemId: string; qty: number }[];
  /** The capacity-calendar version the check used (issue 14 item 1); set by the service. */
  calendar?: string;
}

export interface CapacityRequest {
  bucket: 'day' | 'month';
  bucketCount: number;
  groups: readonly ReportingGroup[];
  workshops: readonly CapacityWorkshop[];
  ops: readonly CapacityOp[];
  planned: readonly PlannedQty[];
  thresholds: { maxUtilisation: number; minUtilisation: number };
}

/**
 * Where an operation runs: `offset` working days of its workshop away from the planned day
 * (filling "the day before" Monday's packing is Saturday's shift, not Sunday). Month buckets
 * round the offset to months. Running off the plan's edge gives an index outside it.
 */
export function shiftBucket(bucket: 'day' | 'month', from: number, offsetDays: number, hours: readonly number[]): number {
  if (bucket === 'month') return from + Math.round(offsetDays / 30);
  const step = Math.sign(offsetDays);
  let at = from;
  for (let left = Math.abs(offsetDays); left > 0; ) {
    at += step;
    if (at < 0 || at >= hours.length) return at;
    if (hours[at] > 0) left--;
  }
  return at;
}

export function checkCapacity(req: CapacityRequest): CapacityView {
  const groups = req.groups.map((g) => ({ start: g.start, label: g.label }));
  const empty: CapacityView = { thresholds: req.thresholds, groups, rows: [], outOfHorizon: [], unrouted: [] };
  if (req.workshops.length === 0 || req.groups.length === 0) {
    return { ...empty, unrouted: mergeUnrouted(req.planned.filter((p) => p.qty > 0)) };
  }
  const groupOf = new Array<number>(req.bucketCount).fill(-1);
  req.groups.forEach((g, k) => {
    for (const b of g.buckets) groupOf[b] = k;
  });
  const opsOf = new Map<string, { op: CapacityOp; key: string }[]>();
  req.ops.forEach((op, k) => {
    const list = opsOf.get(op.itemId) ?? [];
    list.push({ op, key: `${op.itemId}#${k}` });
    opsOf.set(op.itemId, list);
  });
  const input: CapacityInput = {
    periods: req.groups.length,
    workshops: req.workshops.map((w) => ({ id: w.id, name: w.name, capacity: req.groups.map((g) => g.buckets.reduce((s, b) => s + (w.hours[b] ?? 0), 0)) })),
    routings: [...opsOf.values()]
      .flat()
      .map(({ op, key }) => ({ item: key, operations: [{ workshop: op.workshopId, hoursPerUnit: op.hoursPerUnit, offsetPeriods: 0 }] })),
    plannedQuantities: [],
    thresholds: req.thresholds,
  };
  const unrouted: PlannedQty[] = [];
  const outOfHorizon: CapacityView['outOfHorizon'] = [];
  for (const p of req.planned) {
    if (p.qty <= 0) continue;
    const ops = opsOf.get(p.itemId);
    if (!ops) {
      unrouted.push(p);
      continue;
    }
    for (const { op, key } of ops) {
      const hours = req.workshops.find((w) => w.id === op.workshopId)?.hours ?? [];
      const at = shiftBucket(req.bucket, p.bucket, op.offsetDays, hours);
      const group = at >= 0 && at < req.bucketCount ? groupOf[at] : -1;
      if (group < 0) outOfHorizon.push({ itemId: p.itemId, workshopId: op.workshopId, bucket: at, hours: round(p.qty * op.hoursPerUnit) });
      else input.plannedQuantities!.push({ item: key, period: group, qty: p.qty });
    }
  }
  const result = computeCapacityLoad(input);
  return { thresholds: req.thresholds, groups, rows: toRows(result, req), outOfHorizon, unrouted: mergeUnrouted(unrouted) };
}

function mergeUnrouted(planned: readonly PlannedQty[]): CapacityView['unrouted'] {
  const sum = new Map<string, number>();
  for (const p of planned) sum.set(p.itemId, (sum.get(p.itemId) ?? 0) + p.qty);
  return [...sum].map(([itemId, qty]) => ({ itemId, qty: round(qty) }));
}

function toRows(result: CapacityLoadResult, req: CapacityRequest): HeatRow[] {
  return result.workshops.map((w) => {
    const meta = req.workshops.find((x) => x.id === w.id)!;
    return {
      workshopId: w.id,
      code: meta.code,
      name: meta.name,
      totalLoad: round(w.totalLoad),
      totalCapacity: round(w.totalCapacity),
      cells: w.periods.map((c) => {
        const byItem = new Map<string, number>();
        for (const it of c.items) {
          const itemId = it.item.slice(0, it.item.lastIndexOf('#'));
          byItem.set(itemId, (byItem.get(itemId) ?? 0) + it.hours);
        }
        return {
          start: req.groups[c.period].start,
          load: round(c.load),
          capacity: round(c.capacity),
          utilisation: c.utilisation === null ? null : round(c.utilisation, 4),
          over: c.over,
          under: c.under,
          items: [...byItem].map(([itemId, hours]) => ({ itemId, hours: round(hours) })).sort((a, b) => b.hours - a.hours),
        };
      }),
    };
  });
}

export type CapacityStatus = 'ok' | 'over' | 'under' | 'over_under';

export function capacityStatusOf(view: CapacityView): CapacityStatus {
  const isOver = view.rows.some((r) => r.cells.some((c) => c.over));
  const isUnder = findUnderloads(view).length > 0;
  if (isOver && isUnder) return 'over_under';
  if (isOver) return 'over';
  return isUnder ? 'under' : 'ok';
}

export interface Overload {
  workshopId: string;
  workshopName: string;
  start: string;
  label: { zh: string; en: string };
  utilisation: number | null;
  load: number;
  capacity: number;
}

/** Over-capacity cells (PP-9); whether a countermeasure answers them is countermeasure.rules.ts. */
export function findOverloads(view: CapacityView): Overload[] {
  return view.rows.flatMap((r) =>
    r.cells.flatMap((c, k) =>
      c.over
        ? [
            {
              workshopId: r.workshopId,
              workshopName: r.name,
              start: c.start,
              label: view.groups[k].label,
              utilisation: c.utilisation,
              load: c.load,
              capacity: c.capacity,
            },
          ]
        : [],
    ),
  );
}

/**
 * Workshops far below capacity over the whole plan: reported upwards (T4 第十九条 “如远低于生产
 * 能力，应及时向上级领导报告”). A quiet week is normal; a quiet month is a decision for the leaders.
 */
export function findUnderloads(view: CapacityView): Overload[] {
  const min = view.thresholds.minUtilisation;
  return view.rows.flatMap((r) => {
    if (r.totalCapacity <= 0 || view.groups.length === 0) return [];
    const u = r.totalLoad / r.totalCapacity;
    if (u >= min * (1 - 1e-9)) return [];
    const first = view.groups[0];
    const last = view.groups[view.groups.length - 1];
    const label =
      view.groups.length === 1
        ? first.label
        : {
            zh: `全期（${first.label.zh.split(' ')[0]}–${last.label.zh.split(' ')[0]}）`,
            en: `whole plan (${first.label.en.split(' ')[0]}–${last.label.en.split(' ')[0]})`,
          };
    return [
      {
        workshopId: r.workshopId,
        workshopName: r.name,
        start: first.start,
        label,
        utilisation: Math.round(u * 10000) / 10000,
        load: r.totalLoad,
        capacity: r.totalCapacity,
      },
    ];
  });
}

export const percent = (u: number | null): string => (u === null ? '∞' : `${Math.round(u * 100)}%`);
