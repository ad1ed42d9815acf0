export { findingEvents, findings } from './assessment.schema';
export type { Evidence, FindingAction, FindingState } from './assessment.schema';
export { getFindingByKey, recordFinding } from './finding.service';
export type { FindingInput } from './finding.service';
export { findFindingFacets, findFindings, getFinding } from './finding-query.service';
export type { FindingFilter, FindingList, FindingRow, FindingView } from './finding-query.service';
export { confirmFinding, disputeFinding, markFindingFalsified, withdrawFinding } from './finding-lifecycle.service';
export type { FindingStep } from './finding-lifecycle.service';
export { availableFindingActions, falsifiedAmount, isFindingSubject, nextFindingState, withFalsificationClause } from './finding.rules';
export type { FindingCommand } from './finding.rules';
export { dedupeKeyOf, evaluateAssessmentRules } from './rule-runner.rules';
export type { AssessmentRule, RuleFinding } from './rule-runner.rules';
export { runAssessmentRules } from './rule-runner.service';
export type { RuleRunResult } from './rule-runner.service';
export { findingsSheet } from './finding.sheet';
export { assessmentModule } from './assessment.module';
export {
  EvidenceSchema,
  FINDING_ACTIONS,
  FINDING_COMMANDS,
  FINDING_STATES,
  FindingDetailSchema,
  FindingEventSchema,
  FindingFacetsSchema,
  FindingListSchema,
  FindingSchema,
} from './assessment.contract';
export type { Finding, FindingDetail, FindingEvent, FindingFacets, FindingListView } from './assessment.contract';
