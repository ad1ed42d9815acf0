// The yearly assessment (ST-7): qualified or unqualified from policy, explained, reviewed, confirmed.
export { assessYear, risksOf } from './assessment.rules';
export type { AbsenceFact, AssessmentReason, RiskFacts, Verdict, YearFacts, YearVerdict } from './assessment.rules';
export { trainingAssessments } from './assessment.schema';
export type { AssessmentRow } from './assessment.schema';
export { countNotesByTeacher, creditsStillPossible, yearFactsOf } from './year-facts.service';
export { computeAssessments, confirmAssessment, confirmQualifiedAssessments, findAssessments, findMyAssessments, getAssessment } from './assessment.service';
export type { AssessmentView } from './assessment.service';
export { assessmentRoutes } from './assessment.routes';
export { standingOf } from './standing.rules';
export type { Standing, StandingFacts } from './standing.rules';
export { findStandings, warnTeachers } from './standing.service';
export { AssessmentReasonSchema, AssessmentViewSchema, EvidenceSchema, StandingSchema } from './assessment.contract';
