import { z } from 'zod';

// PP-7 (T1 7): the material and work-in-progress ceilings of an annual or quarterly plan.

const Text = z.object({ zh: z.string(), en: z.string() });

export const ReserveCeilingParams = z.object({ id: z.uuid() });
export type ReserveCeilingParams = z.infer<typeof ReserveCeilingParams>;

export const CeilingStatus = z.enum(['unset', 'below', 'ok', 'hold', 'adjust']);

export const ReserveCeilingRow = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(['material', 'wip']),
  workshopId: z.uuid().nullable(),
  workshopName: z.string().nullable(),
  needPerDay: z.number(),
  reserveDays: z.number(),
  ceiling: z.number(),
  currentMax: z.number().nullable(),
  status: CeilingStatus,
});

export const ReserveCeilings = z.object({
  planId: z.uuid(),
  /** The annual plan whose change decides whether the ceilings may move; null when none covers the period. */
  annualPlan: z.object({ id: z.uuid(), title: z.string(), total: z.number(), previousTotal: z.number().nullable() }).nullable(),
  /** Where the product mix comes from: the plan's lines, or the annual plan's while the plan has none. */
  mixFrom: z.enum(['plan', 'annual', 'none']),
  maxOutputFactor: z.number(),
  bottleneck: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  workingDays: z.number(),
  policy: z.object({ materialReserveDays: z.number(), wipReserveDays: z.number(), ceilingChangeThresholdPct: z.number() }),
  products: z.array(z.object({ itemId: z.uuid(), code: z.string(), name: z.string(), plannedQty: z.number(), maxQty: z.number(), maxPerDay: z.number() })),
  rows: z.array(ReserveCeilingRow),
  stability: z.object({
    annualChangePct: z.number().nullable(),
    thresholdPct: z.number(),
    canChange: z.boolean(),
    finding: z.object({ clause: z.string(), severity: z.literal('warning'), zh: z.string(), en: z.string() }).nullable(),
  }),
  /** The regulation's words the ceilings rest on, shown instead of its clause id. */
  regulation: Text,
  clause: z.string(),
});
export type ReserveCeilings = z.infer<typeof ReserveCeilings>;
