export { findings } from './assessment.schema';
export type { Evidence, FindingState } from './assessment.schema';
export { getFindingByKey, recordFinding } from './finding.service';
export type { FindingInput } from './finding.service';
