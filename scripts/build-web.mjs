#!/usr/bin/env node
// Runs after `npm install` (prepare): builds the web app so the first `npm start` is quick.
// A failure here does not fail the install: `npm start` builds again and reports the error.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (r.status !== 0) console.warn('网页端构建未完成，npm start 会重试 / web build failed; npm start will retry');
