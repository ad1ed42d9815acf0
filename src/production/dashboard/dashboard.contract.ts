import { z } from 'zod';
import { DOCUMENT_STATES } from '#core/approval';
import { DocStep, Text } from '../common/index';
import { CapacityCheck, CoveredOverloadOut, ItemLabel, MaterialSummaryOut, OverloadOut, PlanSummary } from '../plan/index';

// The planner's dashboard (PP-5 … PP-12 at a glance) and the planning assessment run (PP-27).

export const PlanningDashboard = z.object({
  today: z.string(),
  month: z.string(),
  nextMonth: z.string(),
  thisPlan: PlanSummary.nullable(),
  nextPlan: PlanSummary.nullable(),
  focus: z
    .object({
      id: z.string(),
      title: z.string(),
      number: z.string().nullable(),
      state: z.enum([...DOCUMENT_STATES, 'confirmed']),
      revision: z.number().int().nullable(),
      capacity: CapacityCheck.nullable(),
      capacityStatus: z.enum(['unchecked', 'ok', 'over', 'under', 'over_under']),
      overloads: z.array(CoveredOverloadOut),
      underloads: z.array(OverloadOut),
      items: z.record(z.string(), ItemLabel),
      materialsSummary: MaterialSummaryOut.nullable(),
      /** The approval step the plan waits on, while submitted. */
      waitingFor: DocStep.nullable(),
    })
    .nullable(),
  deadlines: z.array(
    z.object({
      id: z.string(),
      title: Text,
      dueOn: z.string(),
      clause: z.string(),
      status: z.enum(['open', 'done', 'cancelled', 'due-soon', 'overdue', 'done-late']),
      ownerName: z.string(),
      link: z.string().nullable(),
    }),
  ),
  orders: z.object({ toReview: z.number().int(), submitted: z.number().int(), pendingChanges: z.number().int() }),
  requests: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      kind: z.enum(['special', 'temporary']),
      issueDueOn: z.string(),
      isFeasible: z.boolean().nullable(),
      link: z.string(),
    }),
  ),
  findings: z.object({ open: z.number(), amount: z.number() }),
});
export type PlanningDashboard = z.infer<typeof PlanningDashboard>;

/** PP-27: running the assessment takes nothing; an empty or absent body is accepted. */
export const AssessmentRunBody = z.object({}).optional();

export const AssessmentRun = z.object({ created: z.array(z.string()), unchanged: z.number().int() });
