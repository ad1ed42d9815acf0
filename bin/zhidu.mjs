#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no separate build step to forget.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
await main();
