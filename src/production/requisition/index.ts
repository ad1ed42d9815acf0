// Material requisitions (领料单, PP-17, T4 第二十八至三十条、第三十八条): from the plan and the
// norms, approved by the workshop director, issued by the warehouse through the ledger,
// usage against the norm per workshop and month.
export { prodBomLineWorkshops, prodRequisitionEvents, prodRequisitionLines, prodRequisitions, REQUISITION_STATES } from './requisition.schema';
export type { RequisitionRow, RequisitionState } from './requisition.schema';
export { checkRequestedLines, isAboveNorm, normPerUnit, normsByDay, priorForDays, proposeLines, workshopNorms } from './requisition.rules';
export { progressOf, REQUISITION_STAGES, stageOf } from './issue.rules';
export type { RequisitionStage } from './issue.rules';
export { materialVarianceRule, usageVsNorm } from './usage.rules';
export { createRequisition, getPlanDays, proposeRequisition, REQUISITION_PREFIX } from './requisition.service';
export { approveRequisition, rejectRequisition, withdrawRequisition } from './requisition-transition.service';
export { findRequisitions, getRequisitionView } from './requisition-view.service';
export { checkRequisitionPosting, issueRequisition, returnRequisition } from './issue.service';
export { assignNormWorkshop, findMaterialNorms, loadNormFacts } from './norm.service';
export { assessMaterialUsage, getMaterialUsage, runMaterialUsageAssessment } from './usage.service';
export { findRequisitionInbox } from './requisition-inbox.service';
export { requisitionRoutes } from './requisition.routes';
export type {
  IssueResult,
  MaterialNormRow,
  PlanDaysView,
  ProposalView,
  RequisitionSummary,
  RequisitionView,
  UsageView,
  WorkshopUsageView,
} from './requisition.contract';
