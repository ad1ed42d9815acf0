export { isIssuedLate, planLateIssueRule } from './plan-penalty.rules';
export type { PlanIssueFacts, PlanIssueRecord } from './plan-penalty.rules';
export { assessPlanning, onPlanIssuedAssess, runPlanningAssessment } from './planning-assessment.service';
