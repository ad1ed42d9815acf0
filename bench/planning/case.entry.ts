import { measureAggregate } from './aggregate.cases.js';
import { measureCapacity } from './capacity.cases.js';
import type { CaseFigures } from './child.runner.js';
import { measureMrpApp, measureMrpKernel, measureMrpNaive, measureMrpObjects, type PlantParams } from './mrp.cases.js';

// Child-process entry: `node --expose-gc --import tsx case.entry.ts <case> '<json params>'`.
// Prints one JSON line of figures for child.runner.ts to read.
// Params come from planning.bench.ts as JSON; each case names the numbers it reads.
type Params = PlantParams & { families: number; weeks: number; workshops: number; periods: number };
const cases: Record<string, (p: Params) => CaseFigures | Promise<CaseFigures>> = {
  'mrp-kernel': measureMrpKernel,
  'mrp-objects': measureMrpObjects,
  'mrp-naive': measureMrpNaive,
  'mrp-app': measureMrpApp,
  aggregate: measureAggregate,
  capacity: measureCapacity,
};

const [name, params] = process.argv.slice(2);
const run = cases[name];
if (!run) {
  process.stderr.write(`unknown bench case "${name}"\n`);
  process.exit(2);
}
const figures = await run(JSON.parse(params ?? '{}'));
process.stdout.write(`${JSON.stringify(figures)}\n`);
