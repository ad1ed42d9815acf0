// Multi-source evaluation: self, peers, administrators, and anonymous students and parents (ST-9).
export { EVALUATION_SOURCES, evaluationRounds, evaluations } from './evaluation.schema';
export type { EvaluationRoundRow, EvaluationRow, EvaluationSource } from './evaluation.schema';
export { CRITERIA, scoreOfForm, weightedScoreOf } from './evaluation.rules';
export type { WeightedResult } from './evaluation.rules';
export {
  createRound,
  findRoundLinks,
  findRoundResults,
  findRounds,
  getPublicEvaluationForm,
  submitEvaluation,
  submitPublicEvaluation,
} from './evaluation.service';
export type { RoundView, TeacherEvaluation } from './evaluation.service';
export { evaluationRoutes } from './evaluation.routes';
export { WeightedResultSchema } from './evaluation.contract';
