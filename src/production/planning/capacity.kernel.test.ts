import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CapacityInput, computeCapacityLoad, PlanningInputError } from './index.js';

const example: CapacityInput = JSON.parse(readFileSync(new URL('./fixtures/capacity-example.json', import.meta.url), 'utf8'));

function describeError(input: unknown): string {
  try {
    computeCapacityLoad(input as CapacityInput);
  } catch (error) {
    if (error instanceof PlanningInputError) return error.describe();
    throw error;
  }
  return 'no error';
}

describe('capacity load', () => {
  it('PP-9 buckets routing hours per workshop and period, shifted by the operation offset', () => {
    const out = computeCapacityLoad(example);
    const mach = out.workshops[0];
    expect(mach.id).toBe('MACH');
    // A@2 × 1.5 h one period early → period 1 (75 h); C@1 × 0.5 h → period 1 (50 h).
    expect(mach.periods[1]).toMatchObject({ load: 125, capacity: 160, utilisation: 0.78125, over: false, under: false });
    expect(mach.periods[1].items).toEqual([
      { item: 'A', hours: 75 },
      { item: 'C', hours: 50 },
    ]);
    expect(mach.totalLoad).toBe(145);
  });

  it('PP-10 flags overload above the maximum and underload below the minimum utilisation', () => {
    const out = computeCapacityLoad(example);
    const assy = out.workshops[1];
    // Period 2: 50 A × 2 h = 100 h on 80 h capacity.
    expect(assy.periods[2]).toMatchObject({ load: 100, capacity: 80, utilisation: 1.25, over: true, under: false });
    expect(assy.overPeriods).toEqual([2]);
    expect(assy.underPeriods).toEqual([0, 1, 3]);
  });

  it('PP-10 takes the thresholds from the input (organisation policy)', () => {
    const lenient = computeCapacityLoad({ ...example, thresholds: { maxUtilisation: 1.3, minUtilisation: 0.1 } });
    expect(lenient.workshops[1].overPeriods).toEqual([]);
    expect(lenient.workshops[1].underPeriods).toEqual([1, 3]);
    const defaults = computeCapacityLoad({ ...example, thresholds: undefined });
    expect(defaults.thresholds).toEqual({ maxUtilisation: 1, minUtilisation: 0.6 });
  });

  it('PP-10 does not flag a load exactly at the limit because of rounding', () => {
    const out = computeCapacityLoad({
      periods: 1,
      workshops: [{ id: 'W', capacity: 0.3 }],
      routings: [{ item: 'X', operations: [{ workshop: 'W', hoursPerUnit: 0.1 }] }],
      plannedQuantities: [
        { item: 'X', period: 0, qty: 1 },
        { item: 'X', period: 0, qty: 2 },
      ],
    });
    expect(out.workshops[0].periods[0].over).toBe(false);
  });

  it('PP-9 reports loads pushed outside the horizon and unrouted items instead of dropping them', () => {
    const out = computeCapacityLoad(example);
    expect(out.outOfHorizon).toEqual([{ item: 'A', workshop: 'MACH', period: -1, sourcePeriod: 0, hours: 15, side: 'before' }]);
    expect(out.unrouted).toEqual([{ item: 'D', period: 1, qty: 375 }]);
    const late = computeCapacityLoad({
      ...example,
      routings: [{ item: 'A', operations: [{ workshop: 'ASSY', hoursPerUnit: 1, offsetPeriods: 2 }] }],
      plannedQuantities: [{ item: 'A', period: 3, qty: 4 }],
    });
    expect(late.outOfHorizon).toEqual([{ item: 'A', workshop: 'ASSY', period: 5, sourcePeriod: 3, hours: 4, side: 'after' }]);
  });

  it('PP-10 treats any load on a workshop with no capacity as overload', () => {
    const out = computeCapacityLoad({
      periods: 2,
      workshops: [{ id: 'W', capacity: [0, 0] }],
      routings: [{ item: 'X', operations: [{ workshop: 'W', hoursPerUnit: 1 }] }],
      plannedQuantities: [{ item: 'X', period: 1, qty: 1 }],
    });
    expect(out.workshops[0].periods.map((c) => [c.utilisation, c.over, c.under])).toEqual([
      [null, false, false],
      [null, true, false],
    ]);
  });

  it('PP-9 rejects bad input naming the field', () => {
    expect(describeError({ ...example, routings: [{ item: 'A', operations: [{ workshop: 'PAINT', hoursPerUnit: 1 }] }] })).toBe(
      'routings[0].operations[0].workshop: unknown workshop "PAINT"',
    );
    expect(describeError({ ...example, workshops: [{ id: 'W', capacity: [1, 2] }] })).toBe('workshops[0].capacity: has 2 entries; needs 4, one per period');
    expect(describeError({ ...example, plannedQuantities: [{ item: 'A', period: 0, qty: -1 }] })).toBe('plannedQuantities[0].qty: must be ≥ 0');
    expect(describeError({ ...example, thresholds: { maxUtilisation: 0.5, minUtilisation: 0.6 } })).toBe(
      'thresholds.minUtilisation: 0.6 is above maxUtilisation 0.5',
    );
  });
});
