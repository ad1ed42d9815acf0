import { z } from 'zod';
import { ItemLabel, PlanOut } from './plan.contract';

// Special and temporary requirements (PP-11): their answers and the request to raise one.
export const Feasibility = z.object({
  isFeasible: z.boolean(),
  bottlenecks: z.array(
    z.object({
      workshopId: z.string(),
      workshopName: z.string(),
      start: z.string(),
      end: z.string(),
      excessHours: z.number(),
      utilisation: z.number().nullable(),
      load: z.number(),
      capacity: z.number(),
    }),
  ),
  shortages: z.array(
    z.object({
      itemId: z.string(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      qty: z.number(),
      needOn: z.string(),
      releaseOn: z.string(),
      leadTimeDays: z.number(),
    }),
  ),
  lateLines: z.array(z.object({ itemId: z.string(), dueOn: z.string() })),
});
export type Feasibility = z.infer<typeof Feasibility>;

export const PlanRequestOut = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(['special', 'temporary']),
  title: z.string(),
  requesterId: z.string(),
  requesterDepartmentId: z.string().nullable(),
  receivedAt: z.date(),
  receivedOn: z.string(),
  issueDueOn: z.string(),
  lines: z.array(z.object({ itemId: z.string(), qty: z.number(), dueOn: z.string() })),
  /** The judgement on receipt (PP-11): bottleneck workshops, short materials, lines already late. */
  feasibility: Feasibility.nullable(),
  isFeasible: z.boolean().nullable(),
  feedbackZh: z.string().nullable(),
  feedbackEn: z.string().nullable(),
  feedbackSentAt: z.date().nullable(),
  planId: z.string().nullable(),
  state: z.enum(['received', 'planned', 'infeasible', 'closed']),
  createdAt: z.date(),
  version: z.number().int(),
});
export type PlanRequestOut = z.infer<typeof PlanRequestOut>;
export const PlanRequestRow = PlanRequestOut.extend({ requesterName: z.string(), link: z.string() });
export type PlanRequestRow = z.infer<typeof PlanRequestRow>;
export const PlanRequestView = PlanRequestOut.extend({ items: z.record(z.string(), ItemLabel.omit({ category: true })), planLink: z.string().nullable() });
export type PlanRequestView = z.infer<typeof PlanRequestView>;
export const PlanFromRequest = z.object({ request: PlanRequestOut, plan: PlanOut, link: z.string() });

/** A special or temporary requirement (PP-11). */
export const PlanRequestBody = z.object({
  kind: z.enum(['special', 'temporary']),
  title: z.string().max(200),
  requesterDepartmentId: z.uuid().nullish(),
  lines: z
    .array(z.object({ itemId: z.uuid(), qty: z.number().gt(0).max(1e12), dueOn: z.iso.date() }))
    .min(1)
    .max(200),
});
export type PlanRequestBody = z.infer<typeof PlanRequestBody>;
