import { z } from 'zod';
import { MAX_PERIODS } from './mrp.schema.js';
import { PlanningInputError, toPlanningInputError } from './planning-input.error.js';

const id = z.string().min(1);
const hours = z.number().min(0);

export const WorkshopSchema = z.strictObject({
  id,
  name: z.string().optional(),
  /** Hours per period: one number for every period, or one entry per period. */
  capacity: z.union([hours, z.array(hours)]),
});

export const OperationSchema = z.strictObject({
  workshop: id,
  hoursPerUnit: hours,
  /** Period shift from the planned quantity's period: −1 = the period before. */
  offsetPeriods: z.int().default(0),
});

export const RoutingSchema = z.strictObject({
  item: id,
  operations: z.array(OperationSchema).min(1),
});

export const CapacityThresholdsSchema = z.strictObject({
  maxUtilisation: z.number().positive().default(1),
  minUtilisation: z.number().min(0).default(0.6),
});

export const CapacityInputSchema = z.strictObject({
  periods: z.int().min(1).max(MAX_PERIODS),
  workshops: z.array(WorkshopSchema).min(1),
  routings: z.array(RoutingSchema).default([]),
  plannedQuantities: z.array(z.strictObject({ item: id, period: z.int().min(0), qty: z.number().min(0) })).default([]),
  // The organisation's policy supplies these; the defaults are the common 100% / 60%.
  thresholds: CapacityThresholdsSchema.default({ maxUtilisation: 1, minUtilisation: 0.6 }),
});

export type CapacityInput = z.input<typeof CapacityInputSchema>;
export type CapacityInputParsed = z.output<typeof CapacityInputSchema>;

function fail(field: string, en: string, zh: string): never {
  throw new PlanningInputError(field, en, zh);
}

function checkReferences(input: CapacityInputParsed): void {
  const { periods } = input;
  const workshops = new Set<string>();
  input.workshops.forEach((w, k) => {
    if (workshops.has(w.id)) fail(`workshops[${k}].id`, `duplicate workshop "${w.id}"`, `车间 "${w.id}" 重复`);
    workshops.add(w.id);
    if (Array.isArray(w.capacity) && w.capacity.length !== periods) {
      fail(
        `workshops[${k}].capacity`,
        `has ${w.capacity.length} entries; needs ${periods}, one per period`,
        `有 ${w.capacity.length} 项，应为 ${periods} 项（每期一项）`,
      );
    }
  });
  const routed = new Set<string>();
  input.routings.forEach((r, k) => {
    if (routed.has(r.item)) fail(`routings[${k}].item`, `duplicate routing for "${r.item}"`, `物料 "${r.item}" 的工艺路线重复`);
    routed.add(r.item);
    r.operations.forEach((op, o) => {
      if (!workshops.has(op.workshop)) {
        fail(`routings[${k}].operations[${o}].workshop`, `unknown workshop "${op.workshop}"`, `未知车间 "${op.workshop}"`);
      }
    });
  });
  input.plannedQuantities.forEach((q, k) => {
    if (q.period >= periods) {
      fail(
        `plannedQuantities[${k}].period`,
        `${q.period} is beyond the horizon of ${periods} periods (0–${periods - 1})`,
        `${q.period} 超出计划期范围（共 ${periods} 期，0–${periods - 1}）`,
      );
    }
  });
  const { maxUtilisation, minUtilisation } = input.thresholds;
  if (minUtilisation > maxUtilisation) {
    fail('thresholds.minUtilisation', `${minUtilisation} is above maxUtilisation ${maxUtilisation}`, `${minUtilisation} 大于 maxUtilisation ${maxUtilisation}`);
  }
}

/** Validates a capacity-load input; throws PlanningInputError naming the field. */
export function parseCapacityInput(raw: unknown): CapacityInputParsed {
  const parsed = CapacityInputSchema.safeParse(raw);
  if (!parsed.success) throw toPlanningInputError(parsed.error);
  checkReferences(parsed.data);
  return parsed.data;
}
