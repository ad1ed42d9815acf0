import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchModule, BenchRow } from '../run.js';

// Cold `npm start` (fresh data directory: PGlite init, migrations, demo seed) and warm
// start (existing data) until GET /api/health answers 200. The web app is already built,
// as it is after `npm install` (the prepare script builds it).

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Until health answers 200, and until it no longer reports a first start's demo seed. */
async function timeStart(dataDir: string): Promise<{ health: number; ready: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/zhidu.mjs', 'start'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SKIP_WEB_BUILD: '1' },
    stdio: 'ignore',
  });
  try {
    let health: number | undefined;
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error('server did not become ready in 120 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) {
          health ??= performance.now() - started;
          if (!((await res.json()) as { preparing?: unknown }).preparing) return { health, ready: performance.now() - started };
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function runStartupBenchmark(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cold: { health: number; ready: number }[] = [];
  const warm: { health: number; ready: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-bench-'));
    cold.push(await timeStart(dir));
    warm.push(await timeStart(dir));
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  const coldHealth = median(cold.map((c) => c.health));
  const warmHealth = median(warm.map((c) => c.health));
  rows.push({
    benchmark: 'startup',
    case: 'npm start, empty data dir (template + migrate; demo seeded after listening)',
    metric: 'to health 200, median of 3',
    value: s(coldHealth),
    target: '≤ 6 s',
    ok: coldHealth <= 6_000,
  });
  rows.push({
    benchmark: 'startup',
    case: 'npm start, empty data dir: demo written (health no longer "preparing")',
    metric: 'median of 3',
    value: s(median(cold.map((c) => c.ready))),
    target: '—',
    ok: true,
  });
  rows.push({
    benchmark: 'startup',
    case: 'npm start, existing data dir',
    metric: 'to health 200, median of 3',
    value: s(warmHealth),
    target: '≤ 1.5 s',
    ok: warmHealth <= 1_500,
  });
  return rows;
}

export const startupBenchmark: BenchModule = { name: 'startup', run: runStartupBenchmark };
