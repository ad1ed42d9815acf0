import type { Highs } from 'highs';
import {
  type AggregateLimitGroup,
  type AggregateModel,
  buildAggregateLp,
  listLimitGroups,
  normalizeAggregateInput,
  varName,
} from './aggregate-model.builder.js';
import { type AggregateInput, parseAggregateInput } from './aggregate.schema.js';
import { loadHighsRuntime, resetHighsRuntime } from './highs-runtime.loader.js';

export interface AggregatePeriodPlan {
  name: string;
  demand: number;
  workforce: number;
  hired: number;
  laidOff: number;
  overtimeHours: number;
  production: number;
  subcontract: number;
  /** End of period, all families. */
  inventory: number;
  /** End of period, all families. */
  backlog: number;
}

export interface AggregateFamilyPlan {
  id: string;
  periods: Pick<AggregatePeriodPlan, 'name' | 'demand' | 'production' | 'subcontract' | 'inventory' | 'backlog'>[];
}

export interface AggregateCostBreakdown {
  regularWages: number;
  overtimeWages: number;
  hiring: number;
  layoffs: number;
  holding: number;
  backlog: number;
  subcontracting: number;
  materials: number;
}

export interface AggregatePlanResult {
  status: 'optimal' | 'infeasible' | 'error';
  /** HiGHS's own status text, for the log. */
  solverStatus: string;
  totalCost: number | null;
  costBreakdown: AggregateCostBreakdown | null;
  periods: AggregatePeriodPlan[];
  /** Only when the input had `families`. */
  families?: AggregateFamilyPlan[];
  /** When infeasible: the limit groups whose relaxation alone makes the plan feasible. */
  infeasibility?: { bindingLimits: AggregateLimitGroup[]; message: string; messageEn: string };
  /** When status is `error`. */
  error?: { message: string; messageEn: string };
}

export interface SolveAggregateOptions {
  /** A loaded HiGHS runtime; the shared one is loaded when absent. */
  highs?: Highs;
  timeLimitSeconds?: number;
}

type Solution = ReturnType<Highs['solve']>;

// The simplex answers to ~1e-9; six decimals drop the noise (-3e-14 would read
// as "negative inventory", 422274.9999999998 as a different cost) and keep
// fractional workers and units readable.
function clean(x: number): number {
  const rounded = Math.round(x * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}

function cleanNumbers<T extends object>(record: T): void {
  const fields = record as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const v = fields[key];
    if (typeof v === 'number') fields[key] = clean(v);
  }
}

function solveModel(highs: Highs, lp: string, timeLimit: number): Solution {
  try {
    return highs.solve(lp, { output_flag: false, time_limit: timeLimit });
  } catch (error) {
    // A WASM abort can leave the runtime unusable; the next call loads a fresh one.
    resetHighsRuntime();
    throw error;
  }
}

function isFeasibleStatus(status: string): boolean {
  return status === 'Optimal';
}

function isInfeasibleStatus(status: string): boolean {
  // Costs and variables are non-negative, so "infeasible or unbounded" is infeasible.
  return status === 'Infeasible' || status === 'Primal infeasible or unbounded';
}

function readPlan(model: AggregateModel, solution: Solution): AggregatePlanResult {
  // In a MIP, HiGHS reports 64.00000000000014 for an integer 64; overtime hours stay continuous.
  const value = (name: string, isIntegral = model.integer) => {
    const column = solution.Columns[name];
    const x = column && 'Primal' in column ? column.Primal : 0;
    return isIntegral ? Math.round(x) : x;
  };
  const T = model.workingDays.length;
  const costs: AggregateCostBreakdown = {
    regularWages: 0,
    overtimeWages: 0,
    hiring: 0,
    layoffs: 0,
    holding: 0,
    backlog: 0,
    subcontracting: 0,
    materials: 0,
  };
  const families: AggregateFamilyPlan[] = model.families.map((f) => ({ id: f.id, periods: [] }));
  const periods: AggregatePeriodPlan[] = [];
  for (let t = 0; t < T; t++) {
    const workforce = value(varName.workforce(t));
    const row: AggregatePeriodPlan = {
      name: model.periodNames[t],
      demand: 0,
      workforce,
      hired: value(varName.hired(t)),
      laidOff: value(varName.laidOff(t)),
      overtimeHours: value(varName.overtime(t), false),
      production: 0,
      subcontract: 0,
      inventory: 0,
      backlog: 0,
    };
    costs.regularWages += model.regularWagePerHour * model.hoursPerWorkerDay * model.workingDays[t] * workforce;
    costs.overtimeWages += model.overtimeWagePerHour * row.overtimeHours;
    costs.hiring += model.hire * row.hired;
    costs.layoffs += model.layoff * row.laidOff;
    model.families.forEach((f, fi) => {
      const cell = {
        name: row.name,
        demand: f.demand[t],
        production: value(varName.production(fi, t)),
        subcontract: value(varName.subcontract(fi, t)),
        inventory: value(varName.inventory(fi, t)),
        backlog: value(varName.backlog(fi, t)),
      };
      families[fi].periods.push(cell);
      row.demand += cell.demand;
      row.production += cell.production;
      row.subcontract += cell.subcontract;
      row.inventory += cell.inventory;
      row.backlog += cell.backlog;
      costs.holding += f.holding * cell.inventory;
      costs.backlog += f.backlog * cell.backlog;
      costs.subcontracting += f.subcontract * cell.subcontract;
      costs.materials += f.material * cell.production;
    });
    periods.push(row);
  }
  // Costs are summed from the raw values; only the reported figures are rounded.
  cleanNumbers(costs);
  for (const row of periods) cleanNumbers(row);
  for (const family of families) for (const cell of family.periods) cleanNumbers(cell);
  const result: AggregatePlanResult = {
    status: 'optimal',
    solverStatus: solution.Status,
    totalCost: clean(solution.ObjectiveValue),
    costBreakdown: costs,
    periods,
  };
  if (!model.isSingleFamily) result.families = families;
  return result;
}

const groupNamesZh: Record<AggregateLimitGroup, string> = {
  'limits.maxWorkforce': '最大人数',
  'limits.maxSubcontract': '最大外协量',
  'limits.maxInventory': '最大库存',
  'limits.maxBacklog': '最大欠交量',
  'params.maxOvertimeHoursPerWorker': '每人最大加班工时',
  'final.minInventory': '期末最低库存',
  'final.maxBacklog': '期末最大欠交量',
};

// Cheap diagnosis: drop one limit group at a time; every group whose removal
// alone restores feasibility is reported as binding.
function diagnose(highs: Highs, model: AggregateModel, timeLimit: number): AggregatePlanResult['infeasibility'] {
  const groups = listLimitGroups(model);
  const binding = groups.filter((g) => isFeasibleStatus(solveModel(highs, buildAggregateLp(model, new Set([g])), timeLimit).Status));
  if (binding.length > 0) {
    return {
      bindingLimits: binding,
      messageEn: `infeasible: relaxing any one of ${binding.join(', ')} makes the plan feasible`,
      message: `无可行方案：放宽 ${binding.map((g) => `${groupNamesZh[g]}（${g}）`).join('、')} 中任一项即可行`,
    };
  }
  return {
    bindingLimits: groups,
    messageEn: `infeasible: no single limit is to blame; the combination of ${groups.join(', ')} cannot be met`,
    message: `无可行方案：单独放宽任一限制均不可行，是 ${groups.map((g) => groupNamesZh[g]).join('、')} 共同作用`,
  };
}

/**
 * Aggregate plan as an LP (MIP when `integer`), solved with HiGHS.
 * Throws PlanningInputError for bad input; an infeasible plan is a result, not an error.
 */
export async function solveAggregatePlan(input: AggregateInput, options: SolveAggregateOptions = {}): Promise<AggregatePlanResult> {
  const model = normalizeAggregateInput(parseAggregateInput(input));
  const highs = options.highs ?? (await loadHighsRuntime());
  const timeLimit = options.timeLimitSeconds ?? 60;
  const solution = solveModel(highs, buildAggregateLp(model, new Set()), timeLimit);
  if (isFeasibleStatus(solution.Status)) return readPlan(model, solution);
  const empty = { totalCost: null, costBreakdown: null, periods: [] };
  if (isInfeasibleStatus(solution.Status)) {
    return {
      status: 'infeasible',
      solverStatus: solution.Status,
      ...empty,
      infeasibility: diagnose(highs, model, timeLimit),
    };
  }
  return {
    status: 'error',
    solverStatus: solution.Status,
    ...empty,
    error: {
      messageEn: `solver stopped with status "${solution.Status}"`,
      message: `求解器未得到最优解（状态："${solution.Status}"）`,
    },
  };
}
