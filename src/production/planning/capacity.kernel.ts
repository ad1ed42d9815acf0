import { type CapacityInput, parseCapacityInput } from './capacity.schema.js';

export interface ItemLoad {
  item: string;
  hours: number;
}

export interface CapacityCell {
  period: number;
  load: number;
  capacity: number;
  /** load / capacity; null when the workshop has no capacity that period. */
  utilisation: number | null;
  over: boolean;
  under: boolean;
  /** Items making up the load, largest first. */
  items: ItemLoad[];
}

export interface WorkshopLoad {
  id: string;
  name?: string;
  periods: CapacityCell[];
  totalLoad: number;
  totalCapacity: number;
  overPeriods: number[];
  underPeriods: number[];
}

export interface OutOfHorizonLoad {
  item: string;
  workshop: string;
  /** Where the offset put the load: < 0 or ≥ periods. */
  period: number;
  /** The planned quantity's own period. */
  sourcePeriod: number;
  hours: number;
  side: 'before' | 'after';
}

export interface CapacityLoadResult {
  periods: number;
  thresholds: { maxUtilisation: number; minUtilisation: number };
  workshops: WorkshopLoad[];
  /** Loads an offset pushed outside the horizon: reported, never dropped. */
  outOfHorizon: OutOfHorizonLoad[];
  /** Planned quantities of items with no routing (e.g. purchased parts): no load. */
  unrouted: { item: string; period: number; qty: number }[];
}

// A load equal to the limit must not flag because 0.1 + 0.2 came out a hair above.
const FLAG_TOLERANCE = 1e-9;

/** Bucketed load per workshop and period from planned quantities and routings. */
export function computeCapacityLoad(raw: CapacityInput): CapacityLoadResult {
  const input = parseCapacityInput(raw);
  const P = input.periods;
  const { maxUtilisation, minUtilisation } = input.thresholds;
  const workshopIndex = new Map(input.workshops.map((w, k) => [w.id, k]));
  const routingOf = new Map(input.routings.map((r) => [r.item, r.operations]));
  // Per workshop and period: item → hours, so each cell can name its items.
  const cells = input.workshops.map(() => Array.from({ length: P }, () => new Map<string, number>()));
  const outOfHorizon: OutOfHorizonLoad[] = [];
  const unrouted: CapacityLoadResult['unrouted'] = [];

  for (const planned of input.plannedQuantities) {
    const operations = routingOf.get(planned.item);
    if (!operations) {
      if (planned.qty > 0) unrouted.push({ ...planned });
      continue;
    }
    for (const op of operations) {
      const hours = planned.qty * op.hoursPerUnit;
      if (hours === 0) continue;
      const period = planned.period + op.offsetPeriods;
      if (period < 0 || period >= P) {
        outOfHorizon.push({
          item: planned.item,
          workshop: op.workshop,
          period,
          sourcePeriod: planned.period,
          hours,
          side: period < 0 ? 'before' : 'after',
        });
        continue;
      }
      const cell = cells[workshopIndex.get(op.workshop) ?? 0][period];
      cell.set(planned.item, (cell.get(planned.item) ?? 0) + hours);
    }
  }

  const workshops = input.workshops.map((w, k): WorkshopLoad => {
    const periods: CapacityCell[] = [];
    let totalLoad = 0;
    let totalCapacity = 0;
    for (let t = 0; t < P; t++) {
      const capacity = Array.isArray(w.capacity) ? w.capacity[t] : w.capacity;
      const items = [...cells[k][t]]
        .map(([item, hours]) => ({ item, hours }))
        .sort((a, b) => b.hours - a.hours || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
      const load = items.reduce((sum, x) => sum + x.hours, 0);
      const utilisation = capacity > 0 ? load / capacity : null;
      // No capacity at all: any load is an overload, and a closed workshop is not "under".
      const over = capacity > 0 ? load > capacity * maxUtilisation * (1 + FLAG_TOLERANCE) : load > 0;
      const under = capacity > 0 && load < capacity * minUtilisation * (1 - FLAG_TOLERANCE);
      periods.push({ period: t, load, capacity, utilisation, over, under, items });
      totalLoad += load;
      totalCapacity += capacity;
    }
    return {
      id: w.id,
      ...(w.name !== undefined ? { name: w.name } : {}),
      periods,
      totalLoad,
      totalCapacity,
      overPeriods: periods.filter((c) => c.over).map((c) => c.period),
      underPeriods: periods.filter((c) => c.under).map((c) => c.period),
    };
  });

  return { periods: P, thresholds: { maxUtilisation, minUtilisation }, workshops, outOfHorizon, unrouted };
}
