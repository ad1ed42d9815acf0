export { isIssuedLate, lateIssueKey, planLateIssueRule } from './plan-penalty.rules';
export type { PlanIssueFacts, PlanIssueRecord } from './plan-penalty.rules';
export { assessMissedRequestIssues, assessPlanning, onPlanIssuedAssess, runPlanningAssessment } from './planning-assessment.service';
export { causeOf, EXECUTION_RULES, immatureLines, isIncomplete, poorOrganisationRule, qualityDelayRule } from './execution-penalty.rules';
export type { ExecutionFacts, ExecutionLineRecord } from './execution-penalty.rules';
export { assessExecution, loadExecutionRecords, runDueExecutionAssessment, runExecutionAssessment } from './execution-assessment.service';
export { recordManualExecutionFinding } from './manual-finding.service';
export { executionAssessmentRoutes } from './execution-assessment.routes';
