import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AggregateInput, PlanningInputError, parseAggregateInput, solveAggregatePlan } from './index.js';

const redTomato: AggregateInput = JSON.parse(readFileSync(new URL('./fixtures/aggregate-red-tomato.json', import.meta.url), 'utf8'));

function withLimits(limits: Record<string, number>): AggregateInput {
  return { ...redTomato, params: { ...redTomato.params, limits } };
}

describe('aggregate plan (HiGHS)', () => {
  it('PP-7 reproduces the Red Tomato Tools LP optimum of $422,275 (Chopra & Meindl)', async () => {
    const plan = await solveAggregatePlan(redTomato);
    expect(plan.status).toBe('optimal');
    expect(plan.totalCost).toBeCloseTo(422_275, 4);
    // The published plan: lay off 15.4 workers in January, then level production with no
    // overtime or subcontracting; inventory absorbs the swing, with a small stockout in April.
    expect(plan.periods[0].laidOff).toBeCloseTo(15.4167, 3);
    for (const p of plan.periods) {
      expect(p.workforce).toBeCloseTo(64.5833, 3);
      expect(p.production).toBeCloseTo(2583.33, 1);
      expect(p.overtimeHours).toBe(0);
      expect(p.subcontract).toBe(0);
    }
    expect(plan.periods.map((p) => Math.round(p.inventory))).toEqual([1983, 1567, 950, 0, 117, 500]);
    expect(plan.periods[3].backlog).toBeCloseTo(266.67, 1);
    expect(plan.periods[5].backlog).toBe(0);
    const breakdown = plan.costBreakdown;
    expect(breakdown).not.toBeNull();
    const sum = Object.values(breakdown ?? {}).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(422_275, 4);
    expect(breakdown?.materials).toBeCloseTo(155_000, 4);
  });

  it('PP-7 solves the integer version as a MIP with whole workers and units', async () => {
    const plan = await solveAggregatePlan({ ...redTomato, integer: true });
    expect(plan.status).toBe('optimal');
    expect(plan.totalCost ?? 0).toBeGreaterThanOrEqual(422_275 - 1e-6);
    // HiGHS's MIP optimum; the integer plan keeps 64 workers throughout.
    expect(plan.totalCost).toBeCloseTo(422_660, 4);
    for (const p of plan.periods) {
      for (const v of [p.workforce, p.hired, p.laidOff, p.production, p.subcontract, p.inventory, p.backlog]) {
        expect(Number.isInteger(v)).toBe(true);
      }
    }
  });

  it('PP-7 returns infeasible and names the binding limits instead of crashing', async () => {
    // Final inventory must be ≥ 500 but the warehouse holds 400.
    const plan = await solveAggregatePlan(withLimits({ maxInventory: 400 }));
    expect(plan.status).toBe('infeasible');
    expect(plan.periods).toEqual([]);
    expect(plan.infeasibility?.bindingLimits).toEqual(['limits.maxInventory', 'final.minInventory']);
    expect(plan.infeasibility?.messageEn).toContain('limits.maxInventory');
  });

  it('PP-7 names the workforce cap when demand cannot be met without hiring or subcontracting', async () => {
    const input = withLimits({ maxWorkforce: 10, maxSubcontract: 0 });
    const plan = await solveAggregatePlan(input);
    expect(plan.status).toBe('infeasible');
    expect(plan.infeasibility?.bindingLimits).toContain('limits.maxWorkforce');
    expect(plan.infeasibility?.bindingLimits).toContain('limits.maxSubcontract');
    expect(plan.infeasibility?.bindingLimits).not.toContain('limits.maxInventory');
  });

  it('PP-7 fills a demand peak with overtime and stock before subcontracting', async () => {
    const plan = await solveAggregatePlan({
      periods: [
        { name: 'W1', demand: 80, workingDays: 5 },
        { name: 'W2', demand: 115, workingDays: 5 },
      ],
      initial: { workforce: 2.5, inventory: 0 },
      params: {
        hoursPerUnit: 1,
        hoursPerWorkerDay: 8,
        maxOvertimeHoursPerWorker: 4,
        costs: {
          regularWagePerHour: 10,
          overtimeWagePerHour: 15,
          hire: 1e6,
          layoff: 1e6,
          holding: 20,
          backlog: 1000,
          subcontract: 1000,
          material: 0,
        },
      },
    });
    expect(plan.status).toBe('optimal');
    // 2.5 workers × 40 h = 100 units a week. W2 is 15 short: overtime covers 10
    // (capped at 4 h × 2.5 workers, 15/unit < holding 20); the other 5 are built
    // in W1's idle regular time and held one week.
    expect(plan.periods[1].overtimeHours).toBeCloseTo(10, 6);
    expect(plan.periods[0].production).toBeCloseTo(85, 6);
    expect(plan.periods[0].inventory).toBeCloseTo(5, 6);
    expect(plan.periods.map((p) => p.subcontract)).toEqual([0, 0]);
    expect(plan.periods[1].workforce).toBeCloseTo(2.5, 9);
  });

  it('PP-7 plans several families on one shared workforce', async () => {
    const plan = await solveAggregatePlan({
      periods: [
        { name: 'M1', workingDays: 20 },
        { name: 'M2', workingDays: 20 },
      ],
      initial: { workforce: 10 },
      params: { ...redTomato.params, limits: { maxWorkforce: 10 } },
      families: [
        { id: 'pumps', demand: [20, 20], hoursPerUnit: 8 },
        { id: 'valves', demand: [100, 100], hoursPerUnit: 2, initialInventory: 50 },
      ],
    });
    expect(plan.status).toBe('optimal');
    expect(plan.families?.map((f) => f.id)).toEqual(['pumps', 'valves']);
    const [pumps, valves] = plan.families ?? [];
    expect(pumps.periods[0].production + pumps.periods[0].subcontract).toBeCloseTo(20, 6);
    expect(valves.periods[0].production + valves.periods[0].subcontract).toBeCloseTo(50, 6);
    expect(plan.periods[0].demand).toBe(120);
    expect(plan.periods[0].production).toBeCloseTo(pumps.periods[0].production + valves.periods[0].production, 9);
  });

  it('PP-7 rejects bad input naming the field', () => {
    const bad = (patch: object) => {
      try {
        parseAggregateInput({ ...redTomato, ...patch });
      } catch (error) {
        return (error as PlanningInputError).describe();
      }
      return 'no error';
    };
    expect(bad({ periods: [{ name: 'Jan', demand: -1, workingDays: 20 }] })).toBe('periods[0].demand: must be ≥ 0');
    expect(bad({ periods: [{ name: 'Jan', workingDays: 20 }] })).toMatch(/^periods\[0\]\.demand: is required/);
    expect(bad({ families: [{ id: 'x', demand: [1] }] })).toMatch(/^families\[0\]\.demand: has 1 entries; needs 6/);
    expect(bad({ initial: { workforce: -3 } })).toBe('initial.workforce: must be ≥ 0');
    expect(() => parseAggregateInput({})).toThrow(PlanningInputError);
  });
});
