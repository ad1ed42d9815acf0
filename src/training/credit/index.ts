// Credits (ST-6): hours from attendance and recognised external training, per policy.
export { CLAIM_KINDS, creditClaims } from './claim.schema';
export type { ClaimKind, ClaimRow, ClaimState } from './claim.schema';
export { computeCredits } from './credit.rules';
export type { CategoryTotal, ClaimCreditInput, CreditLine, CreditPolicy, CreditReport, SessionCreditInput } from './credit.rules';
export { decideClaim, findClaims, findRecognisedClaims, getClaim, submitClaim, withdrawClaim } from './claim.service';
export type { ClaimView } from './claim.service';
export { creditInputsOf, findCreditSummaries, getTeacherCredits, loadYearRecords } from './credit.service';
export type { CreditSummary, YearRecords } from './credit.service';
export { creditRoutes } from './credit.routes';
export { CreditReportSchema, CreditSummarySchema, ClaimViewSchema, TeacherCreditsSchema } from './credit.contract';
export type { ClaimDecision, ClaimInput } from './credit.contract';
