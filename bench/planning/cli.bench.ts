import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generatePlantSpec, toMrpInput } from './plant.generator.js';
import type { BenchModule, BenchRow } from '../run.js';

// The CLI as a user starts it (issue 11 "compiled server"): `node bin/zhidu.mjs --help`, and
// `zhidu plan mrp` on the bench's 20k plant (20,000 items, 80,000 BOM lines, 8 levels,
// 52 periods) against a plain JavaScript reference process doing the same netting
// (runMrpReference compiled to one .mjs: read JSON, net, write JSON). Each figure is the
// wall time of a fresh `node` process; the build (dist/server) must exist (npm install).

const root = join(import.meta.dirname, '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeNode(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

async function runCliBenchmark(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zhidu-cli-bench-'));
  try {
    const input = join(dir, 'plant-20k.json');
    writeFileSync(input, JSON.stringify(toMrpInput(generatePlantSpec({ items: 20_000, bomLines: 80_000, levels: 8, seed: 42 }))));
    const reference = join(dir, 'reference.mjs');
    await build({
      stdin: {
        contents: `import { readFileSync, writeFileSync } from 'node:fs';
import { runMrpReference } from './src/production/planning/mrp.reference.ts';
writeFileSync(process.argv[3], JSON.stringify(runMrpReference(JSON.parse(readFileSync(process.argv[2], 'utf8')))));`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: reference,
      logLevel: 'warning',
    });
    const runs = (n: number, args: string[], env?: NodeJS.ProcessEnv) => median(Array.from({ length: n }, () => timeNode(args, env)));
    const help = runs(5, ['bin/zhidu.mjs', '--help']);
    const helpTsx = runs(3, ['bin/zhidu.mjs', '--help'], { ZHIDU_FROM_SOURCES: '1' });
    const out = join(dir, 'out.json');
    const mrp = runs(3, ['bin/zhidu.mjs', 'plan', 'mrp', '--input', input, '--output', out]);
    const mrpTsx = runs(3, ['bin/zhidu.mjs', 'plan', 'mrp', '--input', input, '--output', out], { ZHIDU_FROM_SOURCES: '1' });
    const ref = runs(3, [reference, input, out]);
    const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
    return [
      { benchmark: 'cli', case: 'zhidu --help (build)', metric: 'wall, median of 5', value: s(help), target: '≤ 0.3 s', ok: help <= 300 },
      { benchmark: 'cli', case: 'zhidu --help (sources through tsx)', metric: 'wall, median of 3', value: s(helpTsx) },
      { benchmark: 'cli', case: 'zhidu plan mrp, 20k plant (build)', metric: 'wall, median of 3', value: s(mrp) },
      { benchmark: 'cli', case: 'zhidu plan mrp, 20k plant (sources through tsx)', metric: 'wall, median of 3', value: s(mrpTsx) },
      { benchmark: 'cli', case: 'plain JS reference, same plant, JSON in and out', metric: 'wall, median of 3', value: s(ref) },
      { benchmark: 'cli', case: 'zhidu plan mrp ÷ reference', metric: 'ratio', value: `${(mrp / ref).toFixed(2)}×`, target: '≤ 0.6×', ok: mrp / ref <= 0.6 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const cliBenchmark: BenchModule = { name: 'cli', run: runCliBenchmark };
