import type { MrpPlant } from './mrp-plant.indexer.js';
import { collectPastDue, type MrpResult, type PastDueRelease } from './mrp.kernel.js';

// Issue 11: the CLI's output, written from the typed rows. Building 100,000 row arrays and
// objects only to stringify them cost more than the netting. The text is the one the CLI
// printed before (formatMrpResult, then two-space JSON with number rows on one line):
// mrp-output.writer.test.ts compares both byte for byte.

const ROWS = ['gross', 'scheduledReceipts', 'projectedOnHand', 'net', 'plannedReceipts', 'plannedReleases'] as const;

/**
 * The item rows to print, self-contained so that another thread can print a share of them (the
 * CLI prints two halves at once: issue 11). `rows` are the six quantity rows in ROWS order, each
 * item-major with `periods` cells per item; `ids` and `lowLevelCode` are indexed like them.
 */
export interface MrpItemsTable {
  periods: number;
  ids: readonly string[];
  lowLevelCode: ArrayLike<number>;
  rows: readonly Float64Array[];
}

export function mrpItemsTable(plant: MrpPlant, result: MrpResult): MrpItemsTable {
  const { gross, projectedOnHand, net, plannedReceipts, plannedReleases } = result;
  return {
    periods: plant.periods,
    ids: plant.ids,
    lowLevelCode: plant.lowLevelCode,
    rows: [gross, plant.scheduledReceipts, projectedOnHand, net, plannedReceipts, plannedReleases],
  };
}

/**
 * Items in the order an object keyed by id lists them, as the CLI always printed them: ids that
 * are array indices (canonical integers below 2^32 − 1) first, ascending, then the others in
 * input order.
 */
export function mrpItemOrder(plant: MrpPlant): number[] {
  const indexLike: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < plant.itemCount; i++) {
    const id = plant.ids[i];
    if (/^(?:0|[1-9]\d{0,9})$/.test(id) && Number(id) < 4294967295) indexLike.push(i);
    else others.push(i);
  }
  indexLike.sort((a, b) => Number(plant.ids[a]) - Number(plant.ids[b]));
  return indexLike.concat(others);
}

/** A copy of the table holding only the `order`ed items, in that order (what a worker is sent). */
export function compactMrpItems(table: MrpItemsTable, order: ArrayLike<number>): MrpItemsTable {
  const P = table.periods;
  const ids: string[] = new Array(order.length);
  const lowLevelCode = new Int32Array(order.length);
  const rows = table.rows.map(() => new Float64Array(order.length * P));
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    ids[j] = table.ids[i];
    lowLevelCode[j] = table.lowLevelCode[i];
    for (let r = 0; r < rows.length; r++) rows[r].set(table.rows[r].subarray(i * P, (i + 1) * P), j * P);
  }
  return { periods: P, ids, lowLevelCode, rows };
}

// JSON.stringify of a plain array is V8's fastest way to print doubles (typed-array join is
// about twice as slow; writing digits into a buffer, integers by hand and the rest through
// String(), was slower still), and it prints exactly what the CLI printed before.
const row: number[] = [];
function rowText(cells: Float64Array, item: number, periods: number): string {
  row.length = periods;
  const base = item * periods;
  for (let t = 0; t < periods; t++) row[t] = cells[base + t];
  return JSON.stringify(row);
}

/** The `order`ed items' entries of the "items" object, joined by ",\n" (no braces). */
export function writeMrpItems(table: MrpItemsTable, order: ArrayLike<number>): string {
  const parts: string[] = new Array(order.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    const fields = [`      "lowLevelCode": ${table.lowLevelCode[i]}`];
    for (let r = 0; r < ROWS.length; r++) fields.push(`      "${ROWS[r]}": ${rowText(table.rows[r], i, table.periods)}`);
    parts[j] = `    ${JSON.stringify(table.ids[i])}: {\n${fields.join(',\n')}\n    }`;
  }
  return parts.join(',\n');
}

function pastDueText(p: PastDueRelease, indent: string): string {
  const flat = JSON.stringify(p);
  if (flat.length <= 100) return flat;
  const inner = `${indent}  `;
  return `{\n${Object.entries(p)
    .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n')}\n${indent}}`;
}

/**
 * The text around the items' entries: `head`, then the pieces from writeMrpItems in order with
 * ",\n" between them, then `tail` (the past-due releases). A plant without items: head and tail only.
 */
export function mrpJsonFrame(plant: MrpPlant, result: MrpResult): { head: string; tail: string } {
  const pastDue: string[] = [];
  for (let i = 0; i < plant.itemCount; i++) for (const p of collectPastDue(plant, result, i)) pastDue.push(`    ${pastDueText(p, '    ')}`);
  const tail = `,\n  "pastDue": ${pastDue.length ? `[\n${pastDue.join(',\n')}\n  ]` : '[]'}\n}`;
  return plant.itemCount > 0 ? { head: '{\n  "items": {\n', tail: `\n  }${tail}` } : { head: '{\n  "items": {}', tail };
}

/** The MRP result as the CLI's JSON text (no trailing newline). */
export function writeMrpJson(plant: MrpPlant, result: MrpResult): string {
  const { head, tail } = mrpJsonFrame(plant, result);
  return head + writeMrpItems(mrpItemsTable(plant, result), mrpItemOrder(plant)) + tail;
}
