// The body of the thread that prints the second share of `zhidu plan mrp`'s items (see
// mrp-output.parallel.ts). Loaded by mrp-output.worker.mjs through tsx from the sources, or
// compiled to dist/server/mrp-output.worker.mjs. Each message is a compacted table; the answer is
// its items' text as UTF-8 bytes, handed over without a copy.
import { parentPort } from 'node:worker_threads';
import { type MrpItemsTable, writeMrpItems } from '#production/planning/mrp';

parentPort?.on('message', (table: MrpItemsTable) => {
  const order = Array.from({ length: table.ids.length }, (_, j) => j);
  // encode() answers bytes in a buffer of their own: handed over whole, not copied.
  const bytes = new TextEncoder().encode(writeMrpItems(table, order));
  parentPort?.postMessage(bytes, [bytes.buffer]);
});
