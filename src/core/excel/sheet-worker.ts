import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { SheetDef } from './sheet.definition';
import { importFailed, type ParsedSheet, type ParseOptions } from './sheet.reader';

// Limits of one parse: memory (a zip bomb that lies about its sizes ends its own thread)
// and time (a pathological file cannot hold an import forever).
const WORKER_MEMORY_MB = 512;
const WORKER_TIMEOUT_MS = 120_000;

// Set only by the server build (scripts/build-server.mjs), where import.meta.url names this
// source file: the compiled worker sits in dist/server next to the compiled server.
declare const __ZHIDU_COMPILED__: boolean | undefined;
const WORKER_URL =
  typeof __ZHIDU_COMPILED__ !== 'undefined' && __ZHIDU_COMPILED__
    ? new URL('../../../dist/server/sheet.worker.mjs', import.meta.url)
    : new URL('./sheet.worker.mjs', import.meta.url);

type WorkerAnswer =
  | { ok: true; parsed: ParsedSheet }
  | { ok: false; error: { code?: string; message?: string; messageEn?: string; details?: AppError['details'] } };

/**
 * Parses an uploaded sheet in a worker thread with the streaming reader: the event loop keeps
 * answering (health, other requests) during any import. Same contract as parseSheetStream.
 */
export function parseSheet(def: SheetDef, buffer: Buffer, options: ParseOptions = {}): Promise<ParsedSheet> {
  const locale = options.locale ?? 'zh-CN';
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { def, buffer, options },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const tooBig = () => importFailed([{ reason: locale === 'en' ? 'the file is too large or too complex to read' : '文件过大或过于复杂，无法读取' }]);
    const timer = setTimeout(() => finish(() => reject(tooBig())), WORKER_TIMEOUT_MS);
    worker.once('message', (answer: WorkerAnswer) =>
      finish(() => {
        if (answer.ok) return resolve(answer.parsed);
        const e = answer.error;
        if (e.code === 'IMPORT_FAILED') return reject(new AppError('IMPORT_FAILED', e.message ?? '', e.messageEn ?? '', e.details));
        reject(new Error(e.message ?? 'Excel worker failed'));
      }),
    );
    worker.once('error', (err: Error & { code?: string }) => finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : err)));
    worker.once('exit', (code) => finish(() => reject(new Error(`Excel worker stopped (${code})`))));
  });
}
