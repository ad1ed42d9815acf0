// Annual and semester training plans (ST-1), approved through the approval engine.
import { registerPlanApproval } from './plan.approval';

// The approval registry is filled at import time (see #core/approval).
registerPlanApproval();

export { trainingPlans } from './plan.schema';
export type { PlanItem, PlanKind, PlanRow } from './plan.schema';
export { CATEGORY_LABELS, checkPlanReadyToSubmit, planPeriod } from './plan.rules';
export { createPlan, findPlans, getPlan, getPlanRow, isPlanInForce, markSessionsGenerated, updatePlan } from './plan.service';
export type { PlanChange, PlanDetail, PlanInput, PlanView } from './plan.service';
export { planRoutes } from './plan.routes';
