import { type CaseFigures, median, time } from './child.runner.js';
import { createRandom } from './plant.generator.js';
import {
  type AggregateInput,
  buildAggregateLp,
  loadHighsRuntime,
  normalizeAggregateInput,
  parseAggregateInput,
  solveAggregatePlan,
} from './planning-kernels.js';

/** Seasonal weekly demand for `families` product families sharing one workforce. */
export function generateAggregateInput(families: number, weeks: number, seed: number): AggregateInput {
  const rand = createRandom(seed);
  const hoursPerUnit: number[] = [];
  const list = Array.from({ length: families }, (_, f) => {
    const base = 50 + rand() * 450;
    const amplitude = 0.2 + rand() * 0.5;
    const phase = rand() * 2 * Math.PI;
    hoursPerUnit.push(0.5 + rand() * 3.5);
    return {
      id: `F${f}`,
      demand: Array.from({ length: weeks }, (_, t) => Math.round(base * (1 + amplitude * Math.sin((2 * Math.PI * t) / 52 + phase)) * (0.9 + rand() * 0.2))),
      hoursPerUnit: hoursPerUnit[f],
      initialInventory: Math.round(base * rand()),
      finalMinInventory: Math.round(base * 0.5),
      costs: { holding: 0.5 + rand() * 2.5, backlog: 5 + rand() * 10, material: 5 + rand() * 45, subcontract: 0 },
    };
  });
  for (const f of list) f.costs.subcontract = 1.5 * (f.hoursPerUnit * 20 + f.costs.material);
  const weeklyHours = list.reduce((sum, f) => sum + (f.demand.reduce((a, b) => a + b, 0) / weeks) * f.hoursPerUnit, 0);
  return {
    periods: Array.from({ length: weeks }, (_, t) => ({ name: `W${t + 1}`, workingDays: t % 13 === 12 ? 4 : 5 })),
    initial: { workforce: Math.round(weeklyHours / 40) },
    params: {
      hoursPerUnit: 1,
      hoursPerWorkerDay: 8,
      maxOvertimeHoursPerWorker: 8,
      costs: {
        regularWagePerHour: 20,
        overtimeWagePerHour: 30,
        hire: 800,
        layoff: 1200,
        holding: 1,
        backlog: 10,
        subcontract: 100,
        material: 10,
      },
      limits: { maxSubcontract: weeklyHours / 20, maxWorkforce: Math.round((weeklyHours / 40) * 1.3) },
    },
    families: list,
    integer: false,
  };
}

export async function measureAggregate(p: { families: number; weeks: number; seed: number }): Promise<CaseFigures> {
  const input = generateAggregateInput(p.families, p.weeks, p.seed);
  const [, parseBuildMs] = time(() => buildAggregateLp(normalizeAggregateInput(parseAggregateInput(input)), new Set()));
  const loadStart = performance.now();
  await loadHighsRuntime();
  const loadMs = performance.now() - loadStart;
  const runs: number[] = [];
  let status = '';
  let totalCost = 0;
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    const plan = await solveAggregatePlan(input);
    runs.push(performance.now() - start);
    status = plan.status;
    totalCost = plan.totalCost ?? Number.NaN;
  }
  return {
    families: p.families,
    weeks: p.weeks,
    columns: p.weeks * (4 + 4 * p.families),
    highsLoadMs: loadMs,
    parseBuildMs,
    firstSolveMs: runs[0],
    solveMedianMs: median(runs),
    status,
    totalCost,
  };
}
