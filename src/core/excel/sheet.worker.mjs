// The worker thread an Excel import is parsed in (sheet-worker.ts): the server's event loop
// stays free, and a file that blows up in memory ends this thread, not the server.
// The sources are TypeScript run through tsx, in development, tests and production alike.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { parseSheetStream } = await tsImport('./sheet.reader.ts', import.meta.url);
try {
  const parsed = await parseSheetStream(workerData.def, Buffer.from(workerData.buffer), workerData.options);
  parentPort.postMessage({ ok: true, parsed });
} catch (err) {
  const e = err ?? {};
  parentPort.postMessage({ ok: false, error: { name: e.name, code: e.code, message: e.message, messageEn: e.messageEn, details: e.details } });
}
