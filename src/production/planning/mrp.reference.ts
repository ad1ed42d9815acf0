import { LOT_EPSILON, NET_EPSILON } from './lot-size.rule.js';
import type { MrpItemPlan, MrpOutput, PastDueRelease } from './mrp.kernel.js';
import type { BomLine, MrpInput, MrpItem } from './mrp.schema.js';

// A deliberately plain second implementation of the same MRP semantics:
// objects, maps and number[] per item, written straight from the spec. The
// property tests hold the typed-array kernel to it and the benchmark reports
// the kernel's speed against it. It assumes validated input (no cycles).

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function lotFor(item: MrpItem, need: number): number {
  const lot = item.lotSizing ?? { rule: 'lfl' };
  const wholeLots = (q: number, size: number) => Math.max(1, Math.ceil(q / size - LOT_EPSILON)) * size;
  switch (lot.rule) {
    case 'fixed':
      return wholeLots(need, lot.qty);
    case 'multiple':
      return wholeLots(Math.max(need, lot.min ?? 0), lot.qty);
    default:
      return need;
  }
}

export function runMrpReference(input: MrpInput): MrpOutput {
  const P = input.periods;
  const bom = input.bom ?? [];
  const parentRows = groupBy<BomLine>(bom, (row) => row.child);
  const demandRows = groupBy(input.demand ?? [], (row) => row.item);
  const receiptRows = groupBy(input.scheduledReceipts ?? [], (row) => row.item);

  const levels = new Map<string, number>();
  const levelOf = (id: string): number => {
    const known = levels.get(id);
    if (known !== undefined) return known;
    let level = 0;
    for (const row of parentRows.get(id) ?? []) level = Math.max(level, levelOf(row.parent) + 1);
    levels.set(id, level);
    return level;
  };
  const position = new Map(input.items.map((item, i) => [item.id, i]));
  const ordered = [...input.items].sort((a, b) => levelOf(a.id) - levelOf(b.id) || (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));

  const plans = new Map<string, MrpItemPlan>();
  const pastDueByItem = new Map<string, PastDueRelease[]>();
  for (const item of ordered) {
    const zeros = () => new Array<number>(P).fill(0);
    const plan: MrpItemPlan = {
      lowLevelCode: levelOf(item.id),
      gross: zeros(),
      scheduledReceipts: zeros(),
      projectedOnHand: zeros(),
      net: zeros(),
      plannedReceipts: zeros(),
      plannedReleases: zeros(),
    };
    for (const row of demandRows.get(item.id) ?? []) plan.gross[row.period] += row.qty;
    for (const row of parentRows.get(item.id) ?? []) {
      const parentPlan = plans.get(row.parent);
      if (!parentPlan) throw new Error(`parent ${row.parent} not planned before ${item.id}`);
      const usage = row.qty * (1 + (row.scrap ?? 0));
      for (let t = 0; t < P; t++) plan.gross[t] += parentPlan.plannedReleases[t] * usage;
    }
    for (const row of receiptRows.get(item.id) ?? []) plan.scheduledReceipts[row.period] += row.qty;

    const safety = item.safetyStock ?? 0;
    const leadTime = item.leadTime ?? 0;
    let previous = item.onHand ?? 0;
    const pastDue: PastDueRelease[] = [];
    for (let t = 0; t < P; t++) {
      const available = previous + plan.scheduledReceipts[t];
      const shortfall = plan.gross[t] + safety - available;
      const noise = NET_EPSILON * Math.max(1, plan.gross[t] + safety);
      if (shortfall > noise) {
        plan.net[t] = shortfall;
        plan.plannedReceipts[t] = lotFor(item, shortfall);
      }
      previous = available + plan.plannedReceipts[t] - plan.gross[t];
      plan.projectedOnHand[t] = previous;
      if (plan.plannedReceipts[t] !== 0) {
        const releaseAt = t - leadTime;
        if (releaseAt < 0) {
          plan.plannedReleases[0] += plan.plannedReceipts[t];
          pastDue.push({
            item: item.id,
            period: 0,
            qty: plan.plannedReceipts[t],
            receiptPeriod: t,
            periodsLate: -releaseAt,
          });
        } else {
          plan.plannedReleases[releaseAt] += plan.plannedReceipts[t];
        }
      }
    }
    plans.set(item.id, plan);
    pastDueByItem.set(item.id, pastDue);
  }

  const items: Record<string, MrpItemPlan> = {};
  const pastDue: PastDueRelease[] = [];
  for (const item of input.items) {
    Object.defineProperty(items, item.id, {
      value: plans.get(item.id),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    pastDue.push(...(pastDueByItem.get(item.id) ?? []));
  }
  return { items, pastDue };
}
