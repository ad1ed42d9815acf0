// The worker thread an Excel import is parsed in (sheet-worker.ts): the server's event loop
// stays free, and a file that blows up in memory ends this thread, not the server.
// From the sources (development, tests) the TypeScript body is run through tsx; the compiled
// server (npm install → dist/server) starts dist/server/sheet.worker.mjs instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./sheet.worker.main.ts', import.meta.url);
