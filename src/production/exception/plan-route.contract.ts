import { z } from 'zod';

// T3 第十四条 and 第十五条 (PP-28): the route of a temporary plan a workshop cannot meet, and
// the monthly plan revisions adjusted for a customer change. Times travel as ISO strings.

export const UNMET_STATES = ['reported', 'declined', 'forwarded', 'contract_changed', 'refused'] as const;
export type UnmetState = (typeof UNMET_STATES)[number];
export const UNMET_ACTIONS = ['forward', 'decline', 'changeContract', 'refuse'] as const;
export type UnmetAction = (typeof UNMET_ACTIONS)[number];

const Instant = z.string().describe('ISO 8601 time');
const Version = z.number().int().positive();

export const RequestIdParams = z.object({ id: z.uuid() });
export const RouteIdParams = z.object({ routeId: z.uuid() });
export const PlanIdParams = z.object({ id: z.uuid() });

export const ReportUnmetBody = z.object({ workshopId: z.uuid(), reason: z.string().max(2000) });
export type ReportUnmetInput = z.infer<typeof ReportUnmetBody>;
export const RouteStepBody = z.object({ version: Version, note: z.string().max(2000).default('') });
export type RouteStepInput = z.input<typeof RouteStepBody>;

export const UnmetRouteView = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  planId: z.uuid(),
  workshopId: z.uuid(),
  workshopName: z.string(),
  reason: z.string(),
  state: z.enum(UNMET_STATES),
  reportedByName: z.string(),
  reportedAt: Instant,
  forwardedByName: z.string().nullable(),
  forwardedAt: Instant.nullable(),
  forwardNote: z.string().nullable(),
  marketByName: z.string().nullable(),
  marketAt: Instant.nullable(),
  marketNote: z.string().nullable(),
  version: z.number().int(),
  /** What the viewer may do now. */
  allowedActions: z.array(z.enum(UNMET_ACTIONS)),
});
export type UnmetRouteView = z.infer<typeof UnmetRouteView>;
export const UnmetRoutes = z.object({
  /** Only a temporary requirement with its plan can be reported as not met (T3 第十四条). */
  canReport: z.boolean(),
  myWorkshopId: z.uuid().nullable(),
  workshops: z.array(z.object({ id: z.uuid(), name: z.string() })),
  routes: z.array(UnmetRouteView),
});
export type UnmetRoutes = z.infer<typeof UnmetRoutes>;

export const MarkChangeCauseBody = z.object({ orderChangeId: z.uuid().nullish(), note: z.string().max(2000).default('') });
export type MarkChangeCauseInput = z.input<typeof MarkChangeCauseBody>;

export const ChangeCauses = z.object({
  approverRole: z.string(),
  approverRoleName: z.string(),
  revision: z.number().int(),
  /** The revision being prepared is an adjustment that can still be marked. */
  canMark: z.boolean(),
  isMarked: z.boolean(),
  causes: z.array(
    z.object({
      id: z.uuid(),
      revision: z.number().int(),
      orderChangeId: z.uuid().nullable(),
      changeLabel: z.string().nullable(),
      note: z.string(),
      createdByName: z.string().nullable(),
      createdAt: Instant,
    }),
  ),
  /** Applied customer changes the planner may name. */
  changes: z.array(z.object({ id: z.uuid(), label: z.string() })),
});
export type ChangeCauses = z.infer<typeof ChangeCauses>;
