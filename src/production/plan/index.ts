export {
  ANNUAL_PARTIES,
  PLAN_KINDS,
  prodAnnualInputs,
  prodOrderAbsorptions,
  prodPlanLines,
  prodPlanRequests,
  prodPlanRevisionLines,
  prodPlans,
} from './plan.schema';
export type { AnnualParty, PlanKind, PlanLineRow, PlanRequestRow, PlanRow, RequestLine } from './plan.schema';
export { bucketIndexOf, bucketStarts, capacityGroups, planPeriod } from './plan-period.rules';
export type { CapacityGroup, PeriodInput, PlanPeriod } from './plan-period.rules';
export { checkPlanLines, diffPlanLines, lineTotal, netProduction, spreadEvenly } from './plan-lines.rules';
export type { LineDiff, LineSnapshot, PlanLineInput } from './plan-lines.rules';
export { decideAbsorption } from './absorption.rules';
export { feedbackText, findBottlenecks, judgeFeasibility } from './feasibility.rules';
export { buildLevelPlanInput } from './level-plan.rules';
export { planDocumentBody } from './plan-body.rules';
export {
  findLinesInForce,
  findLinesInForceMany,
  findPlanByDocument,
  findPlanDocument,
  findWorkingLines,
  getPlanRow,
  isPlanDocType,
  PLAN_DOC_TYPES,
  planStateOf,
} from './plan.query';
export { createPlan, findPlans, insertPlan, planLink } from './plan.service';
export type { PlanCreateInput } from './plan.service';
export { savePlanLines } from './plan-lines.service';
export type { LinesChange } from './plan-lines.service';
export {
  addCountermeasure,
  computePlanCapacityOf,
  findCountermeasures,
  onWorkshopCalendarChanged,
  refreshIfCalendarChanged,
  refreshPlanCapacity,
  refreshPlansForCalendar,
  removeCountermeasure,
} from './plan-capacity.service';
export { copyPlanFromPrevious, fillPlanFromDemand } from './plan-fill.service';
export { submitPlan } from './plan-submit.service';
export { diffPlanRevisions, findItemLabels, getPlanView } from './plan-view.service';
export { getPlanSignatures } from './plan-signatures.service';
export type { PlanSignatureLine, PlanSignatures } from './plan-signatures.contract';
export type { ReserveCeilings } from './reserve-ceiling.contract';
export { getPlanMaterials, runPlanMaterials } from './plan-materials.service';
export { ensureMonthlyPlanDeadlines, LATE_ISSUE_RULE, MONTHLY_COMPILE, MONTHLY_ISSUE, monthlyPlanDueDates } from './plan-deadlines';
export { absorbOrderLines, findAbsorptions, onOrderApprovedForPlans, recheckOrderLine } from './absorption.service';
export { decidePendingOnApproval, findOrderHeadroom, recheckPendingOrders } from './order-headroom.service';
export type { HeadroomRow } from './order-headroom.service';
export { confirmWeeklyPlan, deriveWeeklyPlans } from './weekly-plan.service';
export {
  createPlanFromRequest,
  createPlanRequest,
  evaluateFeasibility,
  findPlanRequests,
  getPlanRequest,
  REQUEST_ISSUE,
  reevaluatePlanRequest,
  requestLink,
} from './request.service';
export { ANNUAL_PARTY_LABELS, applyLevelPlan, findAnnualInputs, getLevelPlan, saveAnnualInput } from './level-plan.service';
export { exportPlanWorkbook, importPlanWorkbook } from './plan-excel';
export { planDocumentTypes, planGuards, planTransitionHooks } from './plan-workflow';
export { planRoutes } from './plan.routes';
export { planExtraRoutes } from './plan-extra.routes';
export { CapacityCheck, CoveredOverloadOut, ItemLabel, MaterialSummaryOut, OverloadOut, PlanSummary } from './plan.contract';
