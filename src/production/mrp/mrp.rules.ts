import { addDays } from '#core/calendar';
import { indexMrpInput, type MrpInput, type MrpPlant, type MrpResult, runMrpIndexed } from '#production/planning/mrp';
import { addMonths, monthOf, monthStart, round } from '../common/index';

// PP-8 / PP-14: the plan's products are the master schedule; MRP explodes them through the
// BOM, nets every level against stock and gives the part (make), purchase (buy) and
// outsourcing plans. Buckets are the plan's (days or months); the horizon reaches back far
// enough that a long lead time lands on a real date before the plan starts. Pure.

export interface MrpItemFacts {
  id: string;
  source: 'make' | 'buy' | 'outsource';
  leadTimeDays: number;
  lotRule: 'lfl' | 'fixed' | 'multiple';
  lotQty: number | null;
  lotMin: number | null;
  onHand: number;
  safetyStock: number;
}

export interface MrpBomFacts {
  parentItemId: string;
  childItemId: string;
  qtyPer: number;
  scrapRate: number;
  yieldRate: number;
}

export interface MasterSchedule {
  bucket: 'day' | 'month';
  /** First day of every bucket of the plan. */
  bucketStarts: readonly string[];
  /** Quantities per bucket of each scheduled product. */
  lines: readonly { itemId: string; quantities: readonly number[] }[];
}

export interface MrpRun {
  input: MrpInput;
  /** Buckets added before the plan so releases can fall before it starts. */
  lead: number;
  dateOf: (period: number) => string;
}

const MAX_LEAD_DAYS = 180;
const leadBuckets = (bucket: 'day' | 'month', days: number): number => (bucket === 'day' ? days : Math.ceil(days / 30));

/** Items reachable from the schedule through the BOM: nothing else needs planning. */
function reachable(schedule: MasterSchedule, bom: readonly MrpBomFacts[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const b of bom) {
    const list = children.get(b.parentItemId);
    if (list) list.push(b.childItemId);
    else children.set(b.parentItemId, [b.childItemId]);
  }
  const seen = new Set<string>();
  const stack = schedule.lines.filter((l) => l.quantities.some((q) => q > 0)).map((l) => l.itemId);
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const child of children.get(id) ?? []) stack.push(child);
  }
  return seen;
}

export function buildMrpRun(schedule: MasterSchedule, items: readonly MrpItemFacts[], bom: readonly MrpBomFacts[]): MrpRun | null {
  const ids = reachable(schedule, bom);
  if (ids.size === 0) return null;
  const scheduled = new Set(schedule.lines.map((l) => l.itemId));
  const facts = items.filter((i) => ids.has(i.id));
  // A loop, not Math.max(...list): a plant of 100,000 items is beyond the arguments a call takes.
  let maxLead = 0;
  for (const i of facts) if (!scheduled.has(i.id)) maxLead = Math.max(maxLead, Math.min(i.leadTimeDays, MAX_LEAD_DAYS));
  const lead = leadBuckets(schedule.bucket, maxLead);
  const periods = lead + schedule.bucketStarts.length;
  const first = schedule.bucketStarts[0];
  const dateOf = (p: number) => (schedule.bucket === 'day' ? addDays(first, p - lead) : monthStart(addMonths(monthOf(first), p - lead)));
  const input: MrpInput = {
    periods,
    // The scheduled products are what the plan makes: their stock was netted when the plan was written.
    items: facts.map((i) =>
      scheduled.has(i.id)
        ? { id: i.id, onHand: 0, safetyStock: 0, leadTime: 0, lotSizing: { rule: 'lfl' as const } }
        : {
            id: i.id,
            onHand: i.onHand,
            safetyStock: i.safetyStock,
            leadTime: Math.min(leadBuckets(schedule.bucket, Math.min(i.leadTimeDays, MAX_LEAD_DAYS)), periods - 1),
            lotSizing:
              i.lotRule === 'fixed' && i.lotQty
                ? { rule: 'fixed' as const, qty: i.lotQty }
                : i.lotRule === 'multiple' && i.lotQty
                  ? { rule: 'multiple' as const, qty: i.lotQty, ...(i.lotMin ? { min: i.lotMin } : {}) }
                  : { rule: 'lfl' as const },
          },
    ),
    bom: bom
      .filter((b) => ids.has(b.parentItemId) && ids.has(b.childItemId))
      .map((b) => ({ parent: b.parentItemId, child: b.childItemId, qty: b.qtyPer / b.yieldRate, scrap: b.scrapRate })),
    demand: schedule.lines.flatMap((l) => l.quantities.flatMap((qty, k) => (qty > 0 ? [{ item: l.itemId, period: lead + k, qty }] : []))),
  };
  return { input, lead, dateOf };
}

/**
 * The plant without what nothing made depends on: bought or outsourced items with no BOM of
 * their own (unless `keep`, the scheduled products), and the lines to them. The make rows of an MRP run over it equal the full run's (an
 * item's need comes from its parents only), so a capacity check, which reads only the make rows,
 * nets ~4,000 items instead of ~20,000 on a plant of mostly bought materials (issue 11).
 */
export function withoutBoughtLeaves<I extends { id: string; source: MrpItemFacts['source'] }, B extends { parentItemId: string; childItemId: string }>(
  items: readonly I[],
  bom: readonly B[],
  keep: ReadonlySet<string>,
): { items: I[]; bom: B[] } {
  const parents = new Set(bom.map((b) => b.parentItemId));
  const kept = items.filter((i) => i.source === 'make' || parents.has(i.id) || keep.has(i.id));
  const keptIds = new Set(kept.map((i) => i.id));
  return { items: kept, bom: bom.filter((b) => keptIds.has(b.childItemId) && keptIds.has(b.parentItemId)) };
}

export interface MaterialRow {
  itemId: string;
  kind: 'make' | 'buy' | 'outsource';
  needOn: string;
  releaseOn: string;
  gross: number;
  qty: number;
  /** The order should already have been released: the material will be short. */
  isPastDue: boolean;
}

/** The run's plant, indexed and netted: the typed rows materialRows reads (no JSON-shaped copy). */
export interface MrpRunResult {
  plant: MrpPlant;
  result: MrpResult;
}

/** Indexes the run's input and nets it. Throws PlanningInputError. */
export function runMrpOf(run: MrpRun): MrpRunResult {
  const plant = indexMrpInput(run.input);
  return { plant, result: runMrpIndexed(plant) };
}

/**
 * Planned receipts of every item below the schedule, with the date to release them; a period
 * whose gross need stock covers is kept with quantity 0, so the full gross requirement stays on
 * record for the netting the material and purchase plans show (PP-14, PP-15). Rows come out by
 * need date, then item id. Read straight from the typed rows with the dates worked out once per
 * period and lead time: a 100,000-item plant gives millions of rows (issue 11).
 */
export function materialRows(
  run: MrpRun,
  { plant, result }: MrpRunResult,
  items: readonly MrpItemFacts[],
  scheduled: ReadonlySet<string>,
  bucket: 'day' | 'month',
  today: string,
): MaterialRow[] {
  const P = plant.periods;
  const byId = new Map(items.map((i) => [i.id, i]));
  const below: { index: number; item: MrpItemFacts }[] = [];
  for (let i = 0; i < plant.itemCount; i++) {
    const item = byId.get(plant.ids[i]);
    if (item && !scheduled.has(item.id)) below.push({ index: i, item });
  }
  below.sort((a, b) => (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  const needOn = Array.from({ length: P }, (_, p) => run.dateOf(p));
  const releases = new Map<number, string[]>();
  const releaseOf = (leadTimeDays: number, p: number) => {
    let dates = releases.get(leadTimeDays);
    if (!dates) {
      dates = needOn.map((d) => (bucket === 'day' ? addDays(d, -leadTimeDays) : monthStart(addMonths(monthOf(d), -Math.ceil(leadTimeDays / 30)))));
      releases.set(leadTimeDays, dates);
    }
    return dates[p];
  };
  const rows: MaterialRow[] = [];
  for (let p = 0; p < P; p++) {
    for (const { index, item } of below) {
      const cell = index * P + p;
      const gross = round(result.gross[cell]);
      const qty = result.plannedReceipts[cell];
      const order = qty > 0 ? round(qty) : 0;
      if (order <= 0 && gross <= 0) continue;
      const releaseOn = releaseOf(item.leadTimeDays, p);
      rows.push({ itemId: item.id, kind: item.source, needOn: needOn[p], releaseOn, gross, qty: order, isPastDue: order > 0 && releaseOn < today });
    }
  }
  return rows;
}

export interface MaterialSummary {
  make: number;
  buy: number;
  outsource: number;
  /** Items whose release date has passed: short unless expedited (PP-16, T4 第二十六条). */
  shortages: { itemId: string; qty: number; needOn: string; releaseOn: string }[];
}

export function summariseMaterials(rows: readonly MaterialRow[]): MaterialSummary {
  const count = (k: MaterialRow['kind']) => new Set(rows.filter((r) => r.kind === k && r.qty > 0).map((r) => r.itemId)).size;
  const short = new Map<string, MaterialSummary['shortages'][number]>();
  for (const r of rows.filter((x) => x.isPastDue)) {
    const s = short.get(r.itemId);
    if (s) s.qty = round(s.qty + r.qty);
    else short.set(r.itemId, { itemId: r.itemId, qty: r.qty, needOn: r.needOn, releaseOn: r.releaseOn });
  }
  return { make: count('make'), buy: count('buy'), outsource: count('outsource'), shortages: [...short.values()] };
}
