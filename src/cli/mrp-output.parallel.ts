import { Worker } from 'node:worker_threads';
import {
  compactMrpItems,
  type MrpItemsTable,
  type MrpPlant,
  type MrpResult,
  mrpItemOrder,
  mrpItemsTable,
  mrpJsonFrame,
  writeMrpItems,
} from '#production/planning/mrp';

// Issue 11: `zhidu plan mrp` on a 20k plant prints 6.2 million numbers (51 MB), and printing
// them was half of the command's time. The machine has more than one core: a second thread
// prints the second half of the items while this one prints the first. The text is the one
// writeMrpJson prints, byte for byte (mrp-output.test.ts).

// Set only by the server build (scripts/build-server.mjs): the compiled worker sits in
// dist/server next to the compiled CLI.
declare const __ZHIDU_COMPILED__: boolean | undefined;
const WORKER_URL =
  typeof __ZHIDU_COMPILED__ !== 'undefined' && __ZHIDU_COMPILED__
    ? new URL('../../dist/server/mrp-output.worker.mjs', import.meta.url)
    : new URL('./mrp-output.worker.mjs', import.meta.url);

/** A piece of the output: text, or UTF-8 bytes printed on the other thread. */
export type Piece = string | Uint8Array;

export interface MrpPrinter {
  /** The items' text of a compacted table, printed on the other thread, as UTF-8 bytes. */
  print(table: ReturnType<typeof compactMrpItems>): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Starts the printing thread at once, so that it is ready when the plan has been computed. */
export function startMrpPrinter(): MrpPrinter {
  const worker = new Worker(WORKER_URL);
  let failed: Error | undefined;
  worker.once('error', (e) => {
    failed = e;
  });
  return {
    print(table) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`MRP printer stopped (${code})`)));
        worker.postMessage(
          table,
          table.rows.map((r) => r.buffer as ArrayBuffer),
        );
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/**
 * Where to cut `order` so that both threads print about as much: a number with a fraction takes
 * several times as long to print as an integer, and a plant's items differ widely in how many
 * they hold (finished goods in whole cases, components in fractions of a norm).
 */
export function balancedCut(table: MrpItemsTable, order: readonly number[]): number {
  const P = table.periods;
  const cost = new Float64Array(order.length);
  let total = 0;
  for (let j = 0; j < order.length; j++) {
    const base = order[j] * P;
    let c = 1;
    for (const row of table.rows) for (let t = base; t < base + P; t++) c += Number.isInteger(row[t]) ? 1 : FRACTION_COST;
    cost[j] = c;
    total += c;
  }
  let before = 0;
  for (let j = 0; j < order.length; j++) {
    if (before + cost[j] / 2 >= total / 2) return Math.max(1, j);
    before += cost[j];
  }
  return order.length - 1;
}
/** How many integers one fraction costs to print (measured on the 20k bench plant: about six). */
const FRACTION_COST = 6;

/**
 * The CLI's MRP text, handed to `write` piece by piece in order. With a printer, a second share of the items is printed on its thread; should that thread fail, this
 * one prints it, so the output is the same either way.
 */
export async function printMrpJson(plant: MrpPlant, result: MrpResult, write: (piece: Piece) => void, printer?: MrpPrinter): Promise<void> {
  const n = plant.itemCount;
  const { head, tail } = mrpJsonFrame(plant, result);
  const table = mrpItemsTable(plant, result);
  const order = mrpItemOrder(plant);
  // Whether a second thread pays off was decided when the printer was started (the input's size).
  if (!printer || n < 2) {
    write(head);
    write(writeMrpItems(table, order));
    write(tail);
    return;
  }
  const cut = balancedCut(table, order);
  const second = order.slice(cut);
  const other = printer.print(compactMrpItems(table, second)).catch(() => undefined);
  write(head);
  write(writeMrpItems(table, order.slice(0, cut)));
  write(',\n');
  write((await other) ?? writeMrpItems(table, second));
  write(tail);
}
