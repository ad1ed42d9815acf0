export { findings } from './assessment.schema';
export type { Evidence, FindingState } from './assessment.schema';
export { getFindingByKey, recordFinding } from './finding.service';
export type { FindingInput } from './finding.service';

import type { RouteModule } from '../http';

// Filled in by the assessment module (CORE-8): dispute, confirm, browse.
export const assessmentRoutes: RouteModule = () => undefined;
