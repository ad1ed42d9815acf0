import type { MrpPlant } from './mrp-plant.indexer.js';
import { collectPastDue, type MrpResult, type PastDueRelease } from './mrp.kernel.js';

// Issue 11: the CLI's output, written from the typed rows. Building 100,000 row arrays and
// objects only to stringify them cost more than the netting. The text is the one the CLI
// printed before (formatMrpResult, then two-space JSON with number rows on one line):
// mrp-output.writer.test.ts compares both byte for byte.

const ROWS = ['gross', 'scheduledReceipts', 'projectedOnHand', 'net', 'plannedReceipts', 'plannedReleases'] as const;

// JSON.stringify of a plain array is V8's fastest way to print doubles (typed-array join is
// about twice as slow), and it prints exactly what the CLI printed before.
const row: number[] = [];
function rowText(cells: Float64Array, item: number, periods: number): string {
  row.length = periods;
  const base = item * periods;
  for (let t = 0; t < periods; t++) row[t] = cells[base + t];
  return JSON.stringify(row);
}

function pastDueText(p: PastDueRelease, indent: string): string {
  const flat = JSON.stringify(p);
  if (flat.length <= 100) return flat;
  const inner = `${indent}  `;
  return `{\n${Object.entries(p)
    .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n')}\n${indent}}`;
}

/** The MRP result as the CLI's JSON text (no trailing newline). */
export function writeMrpJson(plant: MrpPlant, result: MrpResult): string {
  const P = plant.periods;
  const rows = {
    gross: result.gross,
    scheduledReceipts: plant.scheduledReceipts,
    projectedOnHand: result.projectedOnHand,
    net: result.net,
    plannedReceipts: result.plannedReceipts,
    plannedReleases: result.plannedReleases,
  };
  // Items go out in the order an object keyed by id lists them (index-like ids first), as before.
  const position = new Map<string, number>();
  const keyed: Record<string, true> = {};
  for (let i = 0; i < plant.itemCount; i++) {
    position.set(plant.ids[i], i);
    Object.defineProperty(keyed, plant.ids[i], { value: true, enumerable: true, configurable: true, writable: true });
  }
  const parts: string[] = [];
  for (const id of Object.keys(keyed)) {
    const i = position.get(id)!;
    const fields = [`      "lowLevelCode": ${plant.lowLevelCode[i]}`];
    for (const name of ROWS) fields.push(`      ${JSON.stringify(name)}: ${rowText(rows[name], i, P)}`);
    parts.push(`    ${JSON.stringify(id)}: {\n${fields.join(',\n')}\n    }`);
  }
  const items = parts.length ? `{\n${parts.join(',\n')}\n  }` : '{}';
  const pastDue: string[] = [];
  for (let i = 0; i < plant.itemCount; i++) for (const p of collectPastDue(plant, result, i)) pastDue.push(`    ${pastDueText(p, '    ')}`);
  return `{\n  "items": ${items},\n  "pastDue": ${pastDue.length ? `[\n${pastDue.join(',\n')}\n  ]` : '[]'}\n}`;
}
