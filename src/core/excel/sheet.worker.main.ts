// The body of the worker thread an Excel import is parsed in (see sheet-worker.ts). Loaded by
// sheet.worker.mjs through tsx from the sources, or compiled to dist/server/sheet.worker.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { parseSheetStream } from './sheet.reader';

try {
  const parsed = await parseSheetStream(workerData.def, Buffer.from(workerData.buffer), workerData.options);
  parentPort?.postMessage({ ok: true, parsed });
} catch (err) {
  const e = (err ?? {}) as { name?: string; code?: string; message?: string; messageEn?: string; details?: unknown };
  parentPort?.postMessage({ ok: false, error: { name: e.name, code: e.code, message: e.message, messageEn: e.messageEn, details: e.details } });
}
