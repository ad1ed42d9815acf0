// Term end: commendations and criticism (ST-10), advanced groups and individuals (ST-11), the summary (ST-17).
export { proposeHonours, rankGroups, termScoreOf } from './honours.rules';
export type { GroupStanding, HonourProposal, TermFacts } from './honours.rules';
export { termHonours, termSummaries } from './term.schema';
export type { HonourKind, HonourRow, TermSummaryRow } from './term.schema';
export { loadTermFacts } from './term-facts.service';
export { decideHonour, findHonours, proposeTermHonours } from './term.service';
export type { HonourView } from './term.service';
export { computeTermFigures, getTermSummary, saveTermSummary } from './summary.service';
export type { TermFigures } from './summary.service';
export { termRoutes } from './term.routes';
export { HonourRowSchema, TermSummaryRowSchema } from './term.contract';
