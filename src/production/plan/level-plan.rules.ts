import type { AggregateInput } from '#production/planning';

// PP-7 (T1 1–6): the quarterly rolling plan as an aggregate plan on the bottleneck workshop.
// The workforce is fixed (the plant does not hire and fire month to month); finished stock
// absorbs the swings: built up when demand is below capacity, drawn down when it is above,
// with overtime and outsourcing as the dearer answers. Costs are relative, in units. Pure.

export interface LevelMonth {
  label: string;
  workingDays: number;
  /** Regular hours of the bottleneck workshop per working day. */
  hoursPerDay: number;
}

export interface LevelFamily {
  itemId: string;
  demand: number[];
  hoursPerUnit: number;
  onHand: number;
  safetyStock: number;
}

export const LEVEL_COSTS = {
  /** Per unit and month in stock. */
  holding: 1,
  /** Per unit made in overtime. */
  overtimePerUnit: 3,
  /** Per unit outsourced (外协). */
  subcontract: 5,
  /** Per unit and month late. */
  backlog: 10,
  /** Overtime allowed per month, as a share of regular hours. */
  overtimeShare: 0.2,
};

export function buildLevelPlanInput(months: readonly LevelMonth[], families: readonly LevelFamily[]): AggregateInput {
  const working = months.filter((m) => m.workingDays > 0);
  const hoursPerDay = working.length ? working.reduce((s, m) => s + m.hoursPerDay, 0) / working.length : 8;
  const avgHours = families.length ? families.reduce((s, f) => s + f.hoursPerUnit, 0) / families.length : 1;
  const regularHours = months.map((m) => m.workingDays * hoursPerDay);
  const maxRegular = Math.max(1, ...regularHours);
  return {
    // A month without working days still exists; the kernel needs a positive day count.
    periods: months.map((m) => ({ name: m.label, workingDays: Math.max(m.workingDays, 1e-6) })),
    initial: { workforce: 1, inventory: 0, backlog: 0 },
    final: { minInventory: 0, maxBacklog: 0 },
    params: {
      hoursPerUnit: avgHours,
      hoursPerWorkerDay: hoursPerDay,
      maxOvertimeHoursPerWorker: LEVEL_COSTS.overtimeShare * maxRegular,
      costs: {
        regularWagePerHour: 0,
        overtimeWagePerHour: LEVEL_COSTS.overtimePerUnit / avgHours,
        hire: 1e7,
        layoff: 1e7,
        holding: LEVEL_COSTS.holding,
        backlog: LEVEL_COSTS.backlog,
        subcontract: LEVEL_COSTS.subcontract,
        material: 0,
      },
      limits: { maxWorkforce: 1 },
    },
    families: families.map((f) => ({
      id: f.itemId,
      demand: f.demand,
      hoursPerUnit: f.hoursPerUnit,
      initialInventory: f.onHand,
      finalMinInventory: Math.min(f.safetyStock, f.onHand + f.demand.reduce((s, d) => s + d, 0)),
    })),
  };
}
