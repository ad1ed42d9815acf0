// The body of the thread that prints the second share of `zhidu plan mrp`'s items (see
// mrp-output.parallel.ts). Loaded by mrp-output.worker.mjs through tsx from the sources, or
// compiled to dist/server/mrp-output.worker.mjs. Each message is a compacted table; the answer is
// its items' text as UTF-8 bytes, handed over without a copy.
import { parentPort } from 'node:worker_threads';
import { type MrpItemsTable, writeMrpItems } from '#production/planning/mrp';

parentPort?.on('message', (table: MrpItemsTable) => {
  const order = Array.from({ length: table.ids.length }, (_, j) => j);
  const text = Buffer.from(writeMrpItems(table, order), 'utf8');
  // A large Buffer owns its memory; a small one may share the pool and is copied.
  const bytes = text.byteOffset === 0 && text.buffer.byteLength === text.byteLength ? text : Uint8Array.prototype.slice.call(text);
  parentPort?.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
});
