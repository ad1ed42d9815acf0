import { type CaseFigures, median, time } from './child.runner.js';
import { createRandom } from './plant.generator.js';
import { type CapacityInput, computeCapacityLoad } from './planning-kernels.js';

export function generateCapacityInput(items: number, workshops: number, periods: number, seed: number): CapacityInput {
  const rand = createRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const plannedQuantities: { item: string; period: number; qty: number }[] = [];
  for (let i = 0; i < items; i++) {
    for (let t = 0; t < periods; t++) if (rand() < 0.5) plannedQuantities.push({ item: `P${i}`, period: t, qty: int(1, 200) });
  }
  return {
    periods,
    workshops: Array.from({ length: workshops }, (_, w) => ({ id: `WS${w}`, capacity: int(20, 60) * 1000 })),
    routings: Array.from({ length: items }, (_, i) => ({
      item: `P${i}`,
      operations: Array.from({ length: int(1, 3) }, (_, o) => ({
        workshop: `WS${int(0, workshops - 1)}`,
        hoursPerUnit: Math.round(rand() * 200) / 100,
        offsetPeriods: -o,
      })),
    })),
    plannedQuantities,
  };
}

export function measureCapacity(p: { items: number; workshops: number; periods: number; seed: number }): CaseFigures {
  const input = generateCapacityInput(p.items, p.workshops, p.periods, p.seed);
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) runs.push(time(() => computeCapacityLoad(input))[1]);
  return { plannedRows: input.plannedQuantities?.length ?? 0, medianMs: median(runs), firstMs: runs[0] };
}
