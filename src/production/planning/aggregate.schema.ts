import { z } from 'zod';
import { PlanningInputError, toPlanningInputError } from './planning-input.error.js';

const quantity = z.number().min(0);
const positive = z.number().positive();
/** Absent or null: no limit. */
const limit = quantity.nullable().optional();

export const AggregatePeriodSchema = z.strictObject({
  name: z.string().min(1),
  /** Required unless `families` carry the demand. */
  demand: quantity.optional(),
  workingDays: positive,
});

export const AggregateCostsSchema = z.strictObject({
  regularWagePerHour: quantity,
  overtimeWagePerHour: quantity,
  hire: quantity,
  layoff: quantity,
  holding: quantity,
  backlog: quantity,
  subcontract: quantity,
  material: quantity,
});

export const AggregateLimitsSchema = z.strictObject({
  /** Units per period, all families together. */
  maxSubcontract: limit,
  /** Units at the end of each period, all families together. */
  maxInventory: limit,
  /** Units at the end of each period, all families together. */
  maxBacklog: limit,
  maxWorkforce: limit,
});

// Several product families share one workforce; each has its own demand,
// stock and (optionally) its own hours per unit and unit costs.
export const AggregateFamilySchema = z.strictObject({
  id: z.string().min(1),
  demand: z.array(quantity),
  hoursPerUnit: positive.optional(),
  initialInventory: quantity.default(0),
  initialBacklog: quantity.default(0),
  finalMinInventory: quantity.default(0),
  finalMaxBacklog: quantity.default(0),
  costs: AggregateCostsSchema.pick({
    holding: true,
    backlog: true,
    subcontract: true,
    material: true,
  })
    .partial()
    .optional(),
});

export const AggregateInputSchema = z.strictObject({
  periods: z.array(AggregatePeriodSchema).min(1),
  initial: z.strictObject({
    inventory: quantity.default(0),
    backlog: quantity.default(0),
    workforce: quantity,
  }),
  // No backlog carried past the horizon unless allowed: the plan must end clean.
  final: z.strictObject({ minInventory: quantity.default(0), maxBacklog: quantity.default(0) }).default({ minInventory: 0, maxBacklog: 0 }),
  params: z.strictObject({
    hoursPerUnit: positive,
    hoursPerWorkerDay: positive,
    /** Per worker per period. */
    maxOvertimeHoursPerWorker: quantity,
    costs: AggregateCostsSchema,
    limits: AggregateLimitsSchema.default({}),
  }),
  families: z.array(AggregateFamilySchema).min(1).optional(),
  integer: z.boolean().default(false),
});

export type AggregateInput = z.input<typeof AggregateInputSchema>;
export type AggregateInputParsed = z.output<typeof AggregateInputSchema>;
export type AggregateFamily = z.input<typeof AggregateFamilySchema>;

function checkDemandPresent(input: AggregateInputParsed): void {
  const T = input.periods.length;
  if (input.families) {
    const seen = new Set<string>();
    input.families.forEach((family, f) => {
      if (seen.has(family.id)) {
        throw new PlanningInputError(`families[${f}].id`, `duplicate family "${family.id}"`, `产品族 "${family.id}" 重复`);
      }
      seen.add(family.id);
      if (family.demand.length !== T) {
        throw new PlanningInputError(
          `families[${f}].demand`,
          `has ${family.demand.length} entries; needs ${T}, one per period`,
          `有 ${family.demand.length} 项，应为 ${T} 项（每期一项）`,
        );
      }
    });
    return;
  }
  input.periods.forEach((p, t) => {
    if (p.demand === undefined) {
      throw new PlanningInputError(`periods[${t}].demand`, 'is required (or give families with their own demand)', '必填（或在 families 中按产品族给出需求）');
    }
  });
}

/** Validates an aggregate-plan input; throws PlanningInputError naming the field. */
export function parseAggregateInput(raw: unknown): AggregateInputParsed {
  const parsed = AggregateInputSchema.safeParse(raw);
  if (!parsed.success) throw toPlanningInputError(parsed.error);
  checkDemandPresent(parsed.data);
  return parsed.data;
}
