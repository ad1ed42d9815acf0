// The thread that prints half of `zhidu plan mrp`'s items (mrp-output.parallel.ts). From the
// sources (development, tests) the TypeScript body runs through tsx; the compiled CLI (npm
// install → dist/server) starts dist/server/mrp-output.worker.mjs instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./mrp-output.worker.main.ts', import.meta.url);
