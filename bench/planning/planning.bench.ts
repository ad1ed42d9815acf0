import type { BenchModule, BenchRow } from '../run.js';
import { type CaseFigures, runCaseInChild } from './child.runner.js';

// Planning kernels: MRP (pre-indexed compute, object input, naive reference,
// net change), aggregate LP with HiGHS, capacity load. Each case runs in its
// own child process; targets are the ones in issue 3.

const ms = (x: number | string | boolean) => `${Number(x).toFixed(1)} ms`;
const mb = (x: number | string | boolean) => `${Math.round(Number(x))} MB`;
const num = (x: number | string | boolean) => Number(x);

function row(benchmark: string, name: string, metric: string, value: string, target?: [string, boolean]): BenchRow {
  return target ? { benchmark, case: name, metric, value, target: target[0], ok: target[1] } : { benchmark, case: name, metric, value };
}

function kernelRows(label: string, f: CaseFigures, budgetMs: number, withNetChange: boolean): BenchRow[] {
  const b = 'MRP kernel';
  const shape = `${label}: ${f.items} items, ${f.bomLines} BOM lines, ${f.levels} levels, ${f.periods} periods`;
  const rows = [
    row(b, shape, 'generate plant (not in figures)', ms(f.generateMs)),
    row(b, shape, 'index typed arrays → CSR + low-level codes', ms(f.indexMs)),
    row(b, shape, 'full run, first (cold JIT, allocates result)', ms(f.coldMs), [`≤ ${budgetMs} ms`, num(f.coldMs) <= budgetMs]),
    row(b, shape, 'full run, median of 5 warm', ms(f.warmMedianMs), [`≤ ${budgetMs} ms`, num(f.warmMedianMs) <= budgetMs]),
    row(b, shape, 'typed arrays (plant rows + result)', mb(f.typedArraysMb)),
    row(b, shape, 'RSS before / after the first run', `${mb(f.rssBeforeMb)} / ${mb(f.rssAfterRunMb)}`),
    row(b, shape, 'peak RSS of the process (generator + 7 runs)', mb(f.peakRssMb), ['≤ 1024 MB', num(f.peakRssMb) <= 1024]),
  ];
  if (withNetChange) {
    rows.push(
      row(b, shape, 'net change, 1 demand edit: median / p95', `${ms(f.netChangeMedianMs)} / ${ms(f.netChangeP95Ms)}`),
      row(b, shape, 'net change, 1 demand edit: worst of 40', ms(f.netChangeMaxMs), ['≤ 50 ms', num(f.netChangeMaxMs) <= 50]),
      row(b, shape, 'net change: items recomputed (mean)', String(Math.round(num(f.netChangeItemsAvg)))),
      row(b, shape, 'net change result equals a full run', String(f.isNetChangeExact), ['true', f.isNetChangeExact === true]),
    );
  }
  return rows;
}

async function runPlanningBenchmarks(): Promise<BenchRow[]> {
  const big = { items: 100_000, lines: 400_000, levels: 8, seed: 42 };
  const small = { items: 10_000, lines: 40_000, levels: 8, seed: 42 };
  const rows: BenchRow[] = [];

  const kernelBig = await runCaseInChild('mrp-kernel', big);
  rows.push(...kernelRows('100k', kernelBig, 1500, true));
  const kernelSmall = await runCaseInChild('mrp-kernel', small);
  rows.push(...kernelRows('10k', kernelSmall, 150, false));

  for (const [label, params] of [
    ['10k', small],
    ['100k', big],
  ] as const) {
    const objects = await runCaseInChild('mrp-objects', params);
    const b = 'MRP from JSON-shaped objects';
    rows.push(
      row(b, label, 'parseMrpInput (zod + references + cycle check)', ms(objects.parseMs)),
      row(b, label, 'indexMrpInput (objects → typed arrays)', ms(objects.indexMs)),
      row(b, label, 'runMrp end to end (index + compute + format objects)', ms(objects.endToEndMs)),
    );
    const naive = await runCaseInChild('mrp-naive', params);
    const n = 'MRP naive reference';
    rows.push(
      row(n, label, 'naive (objects, maps, item by item)', ms(naive.naiveMs)),
      row(n, label, 'kernel compute on the same plant', ms(naive.kernelMs)),
      row(n, label, 'speed-up: naive / kernel compute', `${(num(naive.naiveMs) / num(naive.kernelMs)).toFixed(1)}×`),
      row(n, label, 'speed-up: naive / runMrp end to end', `${(num(naive.naiveMs) / num(objects.endToEndMs)).toFixed(1)}×`),
      row(n, label, 'cells differing from the kernel', String(naive.mismatches), ['0', num(naive.mismatches) === 0]),
    );
  }

  // Issue 11: the MRP as the app runs it (explodeSchedule: the schedule and master data as the
  // app holds them, objects in, material rows out; no database), on the families plant and on a
  // locality-free random plant of the same size. The kernel alone on the random plant too.
  const kernelRandom = await runCaseInChild('mrp-kernel', { ...big, lines: 250_000, seed: 7, shape: 'random' });
  rows.push(...kernelRows('100k random (no locality)', kernelRandom, 1500, false));
  for (const [label, params] of [
    ['100k families', { ...big, lines: 250_000 }],
    ['100k random (no locality)', { ...big, lines: 250_000, seed: 7, shape: 'random' }],
  ] as const) {
    const app = await runCaseInChild('mrp-app', params);
    const b = "MRP through the app's path (explodeSchedule)";
    const shape = `${label}: ${app.items} items, ${app.bomLines} BOM lines`;
    rows.push(
      row(b, shape, 'first run', ms(app.coldMs), ['≤ 500 ms', num(app.coldMs) <= 500]),
      row(b, shape, 'median of 3 warm', ms(app.warmMedianMs), ['≤ 500 ms', num(app.warmMedianMs) <= 500]),
      row(b, shape, 'material rows (make / buy / outsource lines)', String(app.materialRows)),
      row(b, shape, 'peak RSS of the process', mb(app.peakRssMb)),
    );
  }

  const agg = await runCaseInChild('aggregate', { families: 200, weeks: 52, seed: 1 });
  const a = 'Aggregate LP (HiGHS)';
  const shape = `${agg.families} families × ${agg.weeks} weeks, ${agg.columns} columns`;
  rows.push(
    row(a, shape, 'load HiGHS WASM (once per process)', ms(agg.highsLoadMs)),
    row(a, shape, 'parse + build LP text', ms(agg.parseBuildMs)),
    row(a, shape, 'solveAggregatePlan, first call', ms(agg.firstSolveMs), ['≤ 3000 ms', num(agg.firstSolveMs) <= 3000]),
    row(a, shape, 'solveAggregatePlan, median of 3', ms(agg.solveMedianMs), ['≤ 3000 ms', num(agg.solveMedianMs) <= 3000]),
    row(a, shape, 'status', String(agg.status), ['optimal', agg.status === 'optimal']),
  );

  const cap = await runCaseInChild('capacity', { items: 10_000, workshops: 20, periods: 52, seed: 3 });
  rows.push(
    row(
      'Capacity load',
      `10k items × 52 periods, ${cap.plannedRows} planned rows, 20 workshops`,
      'computeCapacityLoad (incl. parse), median of 3',
      ms(cap.medianMs),
    ),
  );
  return rows;
}

export const planningBenchmark: BenchModule = { name: 'planning', run: runPlanningBenchmarks };
