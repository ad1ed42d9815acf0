import type { AggregateInputParsed } from './aggregate.schema.js';

/** Constraint groups the infeasibility diagnosis can switch off one at a time. */
export type AggregateLimitGroup =
  | 'limits.maxWorkforce'
  | 'limits.maxSubcontract'
  | 'limits.maxInventory'
  | 'limits.maxBacklog'
  | 'params.maxOvertimeHoursPerWorker'
  | 'final.minInventory'
  | 'final.maxBacklog';

export interface FamilyModel {
  id: string;
  demand: number[];
  hoursPerUnit: number;
  initialInventory: number;
  initialBacklog: number;
  finalMinInventory: number;
  finalMaxBacklog: number;
  holding: number;
  backlog: number;
  subcontract: number;
  material: number;
}

/** The input with defaults resolved and the single-family case as one family. */
export interface AggregateModel {
  periodNames: string[];
  workingDays: number[];
  hoursPerWorkerDay: number;
  maxOvertimeHoursPerWorker: number;
  initialWorkforce: number;
  regularWagePerHour: number;
  overtimeWagePerHour: number;
  hire: number;
  layoff: number;
  maxWorkforce: number | null;
  maxSubcontract: number | null;
  maxInventory: number | null;
  maxBacklog: number | null;
  families: FamilyModel[];
  isSingleFamily: boolean;
  integer: boolean;
}

export function normalizeAggregateInput(input: AggregateInputParsed): AggregateModel {
  const { params, initial, final } = input;
  const { costs, limits } = params;
  const families: FamilyModel[] = input.families
    ? input.families.map((f) => ({
        id: f.id,
        demand: f.demand,
        hoursPerUnit: f.hoursPerUnit ?? params.hoursPerUnit,
        initialInventory: f.initialInventory,
        initialBacklog: f.initialBacklog,
        finalMinInventory: f.finalMinInventory,
        finalMaxBacklog: f.finalMaxBacklog,
        holding: f.costs?.holding ?? costs.holding,
        backlog: f.costs?.backlog ?? costs.backlog,
        subcontract: f.costs?.subcontract ?? costs.subcontract,
        material: f.costs?.material ?? costs.material,
      }))
    : [
        {
          id: 'total',
          demand: input.periods.map((p) => p.demand ?? 0),
          hoursPerUnit: params.hoursPerUnit,
          initialInventory: initial.inventory,
          initialBacklog: initial.backlog,
          finalMinInventory: final.minInventory,
          finalMaxBacklog: final.maxBacklog,
          holding: costs.holding,
          backlog: costs.backlog,
          subcontract: costs.subcontract,
          material: costs.material,
        },
      ];
  return {
    periodNames: input.periods.map((p) => p.name),
    workingDays: input.periods.map((p) => p.workingDays),
    hoursPerWorkerDay: params.hoursPerWorkerDay,
    maxOvertimeHoursPerWorker: params.maxOvertimeHoursPerWorker,
    initialWorkforce: initial.workforce,
    regularWagePerHour: costs.regularWagePerHour,
    overtimeWagePerHour: costs.overtimeWagePerHour,
    hire: costs.hire,
    layoff: costs.layoff,
    maxWorkforce: limits.maxWorkforce ?? null,
    maxSubcontract: limits.maxSubcontract ?? null,
    maxInventory: limits.maxInventory ?? null,
    maxBacklog: limits.maxBacklog ?? null,
    families,
    isSingleFamily: !input.families,
    integer: input.integer,
  };
}

/** The groups this input actually constrains, in the order the diagnosis tries them. */
export function listLimitGroups(model: AggregateModel): AggregateLimitGroup[] {
  const groups: AggregateLimitGroup[] = [];
  if (model.maxWorkforce !== null) groups.push('limits.maxWorkforce');
  groups.push('params.maxOvertimeHoursPerWorker');
  if (model.maxSubcontract !== null) groups.push('limits.maxSubcontract');
  if (model.maxInventory !== null) groups.push('limits.maxInventory');
  if (model.maxBacklog !== null) groups.push('limits.maxBacklog');
  if (model.families.some((f) => f.finalMinInventory > 0)) groups.push('final.minInventory');
  groups.push('final.maxBacklog');
  return groups;
}

// Variable names carry indexes only: user names may hold spaces or CJK text.
export const varName = {
  workforce: (t: number) => `w${t}`,
  hired: (t: number) => `h${t}`,
  laidOff: (t: number) => `l${t}`,
  overtime: (t: number) => `o${t}`,
  production: (f: number, t: number) => `p${f}_${t}`,
  subcontract: (f: number, t: number) => `c${f}_${t}`,
  inventory: (f: number, t: number) => `i${f}_${t}`,
  backlog: (f: number, t: number) => `b${f}_${t}`,
};

function term(coef: number, name: string): string {
  return `${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${name}`;
}

// Short lines: LP readers are happier than with one 40,000-term line.
function wrap(terms: string[]): string {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += 12) lines.push(`  ${terms.slice(k, k + 12).join(' ')}`);
  return lines.join('\n');
}

/**
 * CPLEX-LP text of the aggregate plan. Per period t: workforce balance,
 * hours capacity (regular + overtime), overtime cap, per-family inventory
 * balance (end inventory − end backlog carried), the optional limits, and the
 * end-of-horizon targets. Groups in `relaxed` are left out (diagnosis).
 */
export function buildAggregateLp(model: AggregateModel, relaxed: ReadonlySet<AggregateLimitGroup>): string {
  const T = model.workingDays.length;
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const integers: string[] = [];
  const has = (g: AggregateLimitGroup) => !relaxed.has(g);

  for (let t = 0; t < T; t++) {
    const hoursPerWorker = model.hoursPerWorkerDay * model.workingDays[t];
    const w = varName.workforce(t);
    const h = varName.hired(t);
    const l = varName.laidOff(t);
    const o = varName.overtime(t);
    objective.push(term(model.regularWagePerHour * hoursPerWorker, w), term(model.overtimeWagePerHour, o));
    objective.push(term(model.hire, h), term(model.layoff, l));
    const previous = t === 0 ? '' : ` - ${varName.workforce(t - 1)}`;
    rows.push(` wf${t}: ${w}${previous} - ${h} + ${l} = ${t === 0 ? model.initialWorkforce : 0}`);

    const capacity = model.families.map((f, fi) => term(f.hoursPerUnit, varName.production(fi, t)));
    rows.push(` cap${t}:\n${wrap(capacity)}\n  ${term(-hoursPerWorker, w)} - ${o} <= 0`);
    if (has('params.maxOvertimeHoursPerWorker')) {
      rows.push(` ot${t}: ${o} ${term(-model.maxOvertimeHoursPerWorker, w)} <= 0`);
    }
    if (model.maxWorkforce !== null && has('limits.maxWorkforce')) bounds.push(` ${w} <= ${model.maxWorkforce}`);
    integers.push(w, h, l);

    model.families.forEach((f, fi) => {
      const p = varName.production(fi, t);
      const c = varName.subcontract(fi, t);
      const i = varName.inventory(fi, t);
      const b = varName.backlog(fi, t);
      objective.push(term(f.material, p), term(f.subcontract, c), term(f.holding, i), term(f.backlog, b));
      const carried = t === 0 ? '' : ` + ${varName.inventory(fi, t - 1)} - ${varName.backlog(fi, t - 1)}`;
      const rhs = t === 0 ? f.demand[0] - f.initialInventory + f.initialBacklog : f.demand[t];
      rows.push(` bal${fi}_${t}: ${p} + ${c} - ${i} + ${b}${carried} = ${rhs}`);
      integers.push(p, c, i, b);
    });

    const sumOf = (name: (f: number, t: number) => string) => wrap(model.families.map((_, fi) => `+ ${name(fi, t)}`));
    if (model.maxSubcontract !== null && has('limits.maxSubcontract')) {
      rows.push(` sub${t}:\n${sumOf(varName.subcontract)} <= ${model.maxSubcontract}`);
    }
    if (model.maxInventory !== null && has('limits.maxInventory')) {
      rows.push(` inv${t}:\n${sumOf(varName.inventory)} <= ${model.maxInventory}`);
    }
    if (model.maxBacklog !== null && has('limits.maxBacklog')) {
      rows.push(` bkl${t}:\n${sumOf(varName.backlog)} <= ${model.maxBacklog}`);
    }
  }

  model.families.forEach((f, fi) => {
    if (f.finalMinInventory > 0 && has('final.minInventory')) {
      rows.push(` fin${fi}: ${varName.inventory(fi, T - 1)} >= ${f.finalMinInventory}`);
    }
    if (has('final.maxBacklog')) {
      rows.push(` fbk${fi}: ${varName.backlog(fi, T - 1)} <= ${f.finalMaxBacklog}`);
    }
  });

  const kept = objective.filter((s) => !s.startsWith('+ 0 '));
  // An objective with no terms (all costs zero) is still a valid feasibility model.
  const objectiveText = kept.length > 0 ? wrap(kept) : `  0 ${varName.workforce(0)}`;
  const sections = ['Minimize', ` obj:\n${objectiveText}`, 'Subject To', ...rows];
  if (bounds.length > 0) sections.push('Bounds', ...bounds);
  if (model.integer) sections.push('Generals', wrap(integers));
  sections.push('End');
  return sections.join('\n');
}
