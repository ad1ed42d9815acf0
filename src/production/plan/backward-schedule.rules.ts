import { shiftBucket } from '../capacity/index';
import { round } from '../common/index';
import { spreadEvenly } from './plan-lines.rules';

// Issue 14 item 5 (PP-11, T2 五.2–3): a special or temporary requirement is scheduled backwards
// from its due date — each unit made on the latest working day with free capacity in every
// workshop of its routing (latest start) — so materials are needed as late as the due date
// allows and a lead time that fits before it is not a shortage. What cannot fit between the
// earliest day and the due date is spread level over those days on top, where it shows as the
// bottleneck it is. Pure.

export interface BackwardOp {
  itemId: string;
  workshopId: string;
  hoursPerUnit: number;
  offsetDays: number;
}

export interface BackwardLine {
  itemId: string;
  qty: number;
  /** Day index of the due date. */
  due: number;
}

export interface BackwardRequest {
  days: number;
  /** First day index production may use (today within the period). */
  earliest: number;
  /** Capacity hours per workshop and day (0 = rest day), for routing offsets. */
  hours: Readonly<Record<string, readonly number[]>>;
  /** Hours still free per workshop and day, below the policy's ceiling, after the plans in force. */
  free: Readonly<Record<string, readonly number[]>>;
  ops: readonly BackwardOp[];
  lines: readonly BackwardLine[];
  /** Whole units (cases) are made; fractional quantities only for the remainder. */
  isWhole?: boolean;
}

export interface BackwardResult {
  lines: { itemId: string; quantities: number[] }[];
  /** Quantities that did not fit in free capacity before their due date (spread level on top). */
  overflow: { itemId: string; qty: number }[];
}

export function scheduleBackward(req: BackwardRequest): BackwardResult {
  const free = new Map(Object.entries(req.free).map(([id, h]) => [id, [...h]]));
  const byItem = new Map<string, number[]>();
  const overflow = new Map<string, number>();
  const opsOf = (itemId: string) => req.ops.filter((o) => o.itemId === itemId && o.hoursPerUnit > 0);
  // Earliest due first: it has the fewest days to choose from.
  for (const line of [...req.lines].sort((a, b) => a.due - b.due)) {
    const q = byItem.get(line.itemId) ?? new Array<number>(req.days).fill(0);
    byItem.set(line.itemId, q);
    if (line.due < req.earliest || line.due >= req.days) continue;
    const ops = opsOf(line.itemId);
    let left = line.qty;
    if (ops.length === 0) {
      q[line.due] += left;
      continue;
    }
    for (let d = line.due; d >= req.earliest && left > 1e-9; d--) {
      let room = Number.POSITIVE_INFINITY;
      const at = ops.map((o) => shiftBucket('day', d, o.offsetDays, req.hours[o.workshopId] ?? []));
      ops.forEach((o, k) => {
        const day = at[k];
        const h = day < req.earliest || day >= req.days ? 0 : (free.get(o.workshopId)?.[day] ?? 0);
        if ((req.hours[o.workshopId]?.[d] ?? 0) <= 0 && o.offsetDays === 0) room = 0;
        room = Math.min(room, h / o.hoursPerUnit);
      });
      if (req.isWhole !== false) room = Math.floor(room + 1e-9);
      const make = Math.min(left, room);
      if (make <= 0) continue;
      q[d] += make;
      left -= make;
      ops.forEach((o, k) => {
        const f = free.get(o.workshopId);
        if (f) f[at[k]] -= make * o.hoursPerUnit;
      });
    }
    if (left > 1e-9) {
      overflow.set(line.itemId, round((overflow.get(line.itemId) ?? 0) + left));
      const first = ops[0];
      const working = q.map((_, d) => d >= req.earliest && d <= line.due && (req.hours[first.workshopId]?.[d] ?? 0) > 0);
      spreadEvenly(left, working).forEach((x, d) => {
        q[d] += x;
      });
    }
  }
  return {
    lines: [...byItem].map(([itemId, quantities]) => ({ itemId, quantities: quantities.map((x) => round(x)) })),
    overflow: [...overflow].map(([itemId, qty]) => ({ itemId, qty })),
  };
}
