#!/usr/bin/env node
// Compiles the server and the CLI to JavaScript in dist/server (esbuild, which vite brings):
// `npm start`, `npx zhidu` and the scheduler then run plain JavaScript, and tsx stays a dev tool.
// Runs after `npm install` (prepare). A failure here does not fail the install: bin/zhidu.mjs
// falls back to the TypeScript sources through tsx and `npm start` tries the build again.
//
// - Dependencies stay external (node_modules), the `#core/*`… subpath imports are bundled.
// - Each CLI command is a dynamic import, so each is its own chunk (splitting).
// - Files read at run time by path (migrations/*.sql, the holiday tables) stay in the source
//   tree: `import.meta.url` in a source file is rewritten to that file's own URL, computed
//   from the bundle's location so a moved install still finds them.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const serverDist = join(root, 'dist/server');
export const serverEntry = join(serverDist, 'main.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/server/main.mjs exists and no source file (or package.json) is newer. */
export function serverBuildIsFresh() {
  if (!existsSync(serverEntry)) return false;
  const built = statSync(serverEntry).mtimeMs;
  return built >= Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
}

const sourceUrlOfFile = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      if (contents.includes('import.meta.url')) {
        const rel = relative(serverDist, args.path).split(sep).join('/');
        contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

/** Builds into a fresh directory and swaps it in, so a running build is never half-replaced. */
export async function buildServer() {
  const { build } = await import('esbuild');
  const tmp = `${serverDist}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: root,
      entryPoints: { main: 'src/cli/main.ts', 'sheet.worker': 'src/core/excel/sheet.worker.main.ts', 'mrp-output.worker': 'src/cli/mrp-output.worker.main.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      packages: 'external',
      define: { __ZHIDU_COMPILED__: 'true' },
      plugins: [sourceUrlOfFile],
      sourcemap: 'linked',
      sourcesContent: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    rmSync(serverDist, { recursive: true, force: true });
    renameSync(tmp, serverDist);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await buildServer();
  } catch (err) {
    console.warn(`服务端构建未完成，将直接运行源码 / server build failed (${err?.message ?? err}); zhidu runs the sources through tsx`);
  }
}
