#!/usr/bin/env node
// Runs the compiled server and CLI (dist/server, built by `npm install` → scripts/build-server.mjs).
// `zhidu start` checks that the build is not older than the sources (one walk of src/, ~20 ms)
// and rebuilds it when it is (2–4 s; esbuild comes with the dev tools). Other commands run the
// build when it exists, without that walk, to start in well under 0.3 s. Without a build (or
// with ZHIDU_FROM_SOURCES=1) the TypeScript sources run through tsx, as in development.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { buildServer, serverBuildIsFresh, serverEntry } = await import(pathToFileURL(join(root, 'scripts/build-server.mjs')).href);

const fromSources = process.env.ZHIDU_FROM_SOURCES === '1';
const starting = process.argv[2] === 'start';
let useBuild = !fromSources && (starting ? serverBuildIsFresh() : existsSync(serverEntry));
if (!useBuild && !fromSources && starting) {
  try {
    console.log('正在构建服务端 Building the server…');
    await buildServer();
    useBuild = true;
  } catch (err) {
    console.warn(`服务端构建未完成，直接运行源码 / server build failed (${err?.message ?? err}); running the sources through tsx`);
  }
}
if (!useBuild) (await import('tsx/esm/api')).register();
const { main } = await import(pathToFileURL(useBuild ? serverEntry : join(root, 'src/cli/main.ts')).href);
await main();
