import { writeFileSync } from 'node:fs';
import { apiBrowseBenchmark } from './api/browse.bench.js';
import { apiPlanBenchmark } from './api/plan-approval.bench.js';
import { productionExecutionBenchmark } from './production/execution.bench.js';
import { planningBenchmark } from './planning/planning.bench.js';
import { cliBenchmark } from './planning/cli.bench.js';
import { startupBenchmark } from './startup/startup.bench.js';
import { excelImportBenchmark } from './excel/import.bench.js';
import { trainingHallBenchmark, trainingSignInBenchmark } from './training/signin.bench.js';

// `npm run bench [-- <name filter>] [--json out.json]`: runs every benchmark
// module in the list and prints one table. Results and the machine they came
// from are recorded in docs/PERFORMANCE.md.

export interface BenchRow {
  benchmark: string;
  case: string;
  metric: string;
  value: string;
  /** e.g. "≤ 1500 ms"; absent for informational figures. */
  target?: string;
  ok?: boolean;
}

export interface BenchModule {
  name: string;
  run: () => Promise<BenchRow[]>;
}

const benchmarks: BenchModule[] = [
  cliBenchmark,
  startupBenchmark,
  planningBenchmark,
  trainingSignInBenchmark,
  trainingHallBenchmark,
  excelImportBenchmark,
  productionExecutionBenchmark,
  apiPlanBenchmark,
  apiBrowseBenchmark,
];

function printTable(rows: BenchRow[]): void {
  const header = ['benchmark', 'case', 'metric', 'value', 'target', 'ok'];
  const cells = rows.map((r) => [r.benchmark, r.case, r.metric, r.value, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']);
  const widths = header.map((h, k) => Math.max(h.length, ...cells.map((c) => c[k].length)));
  const line = (c: string[]) => `| ${c.map((s, k) => s.padEnd(widths[k])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonPath = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const filters = args.filter((a, k) => !a.startsWith('--') && (jsonAt < 0 || k !== jsonAt + 1));
  const selected = benchmarks.filter((b) => filters.length === 0 || filters.some((f) => b.name.includes(f)));
  const rows: BenchRow[] = [];
  const started = performance.now();
  for (const bench of selected) {
    console.error(`running ${bench.name} …`);
    rows.push(...(await bench.run()));
  }
  printTable(rows);
  const checked = rows.filter((r) => r.ok !== undefined);
  const met = checked.filter((r) => r.ok).length;
  console.log(`\ntargets met: ${met}/${checked.length}; took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify(rows, null, 2)}\n`);
}

await main();
