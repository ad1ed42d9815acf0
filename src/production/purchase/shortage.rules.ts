import { round } from '../common/index';

// T4 第二十六、二十七条: a material that will run out before it is needed is flagged while
// there is still time to buy or reschedule. On hand plus what open purchase orders bring by
// each day, against the issued plans' needs by their day. Pure.

export interface DatedQty {
  on: string;
  qty: number;
}

export interface ShortageFacts {
  itemId: string;
  onHand: number;
  needs: readonly DatedQty[];
  /** Outstanding quantities on approved purchase orders, by the day they are due. */
  receipts: readonly DatedQty[];
}

export interface ProjectedShortage {
  itemId: string;
  /** The first day the needs are not covered. */
  shortOn: string;
  /** The largest shortfall over the horizon: what still has to be bought. */
  shortQty: number;
  needed: number;
  onHand: number;
  onOrder: number;
}

export function projectShortage(f: ShortageFacts, today: string): ProjectedShortage | null {
  // Anything due before today counts today: a past need still has to be met, an overdue order is expected.
  const day = (d: string) => (d < today ? today : d);
  const events = [...f.receipts.map((r) => ({ on: day(r.on), qty: r.qty })), ...f.needs.map((n) => ({ on: day(n.on), qty: -n.qty }))]
    // On one day the goods that arrive are there for that day's needs.
    .sort((a, b) => a.on.localeCompare(b.on) || b.qty - a.qty);
  let projected = f.onHand;
  let shortOn: string | null = null;
  let worst = 0;
  for (const e of events) {
    projected += e.qty;
    if (projected < -1e-6) {
      shortOn ??= e.on;
      worst = Math.max(worst, -projected);
    }
  }
  if (!shortOn) return null;
  return {
    itemId: f.itemId,
    shortOn,
    shortQty: round(worst),
    needed: round(f.needs.reduce((s, n) => s + n.qty, 0)),
    onHand: round(f.onHand),
    onOrder: round(f.receipts.reduce((s, r) => s + r.qty, 0)),
  };
}
