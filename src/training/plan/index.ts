// Annual and semester training plans (ST-1), approved through the approval engine.
export { planCompleteGuard, planDocumentType } from './plan.approval';
export { trainingPlans } from './plan.schema';
export type { PlanItem, PlanKind, PlanRow } from './plan.schema';
export { CATEGORY_LABELS, checkPlanReadyToSubmit, planPeriod } from './plan.rules';
export { createPlan, findPlans, getPlan, getPlanRow, isPlanInForce, markSessionsGenerated, updatePlan } from './plan.service';
export type { PlanDetail, PlanView } from './plan.service';
export { planRoutes } from './plan.routes';
export { PlanDetailSchema, PlanViewSchema } from './plan.contract';
export type { PlanChange, PlanInput } from './plan.contract';
