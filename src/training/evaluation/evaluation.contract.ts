import { z } from 'zod';
import { IsoDay, SchoolYear, TermNo, Words } from '../common';
import { EVALUATION_SOURCES } from './evaluation.schema';

// Multi-source evaluation (ST-9): rounds, forms, weighted results and the anonymous links.
// Never the round's link secret, never an evaluator's key.

const Term = z.union([z.literal(1), z.literal(2)]);

export const CriterionSchema = z.object({ key: z.string(), label: Words });

export const RoundViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  schoolYear: z.string(),
  term: Term,
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  version: z.number(),
});

export const EvaluationFormSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  roundId: z.string(),
  teacherId: z.string(),
  source: z.enum(EVALUATION_SOURCES),
  scores: z.record(z.string(), z.number()),
  score: z.number(),
  comment: z.string().nullable(),
  createdAt: z.date(),
});

export const WeightedResultSchema = z.object({
  bySource: z.array(
    z.object({ source: z.enum(EVALUATION_SOURCES), count: z.number(), average: z.number().nullable(), weight: z.number(), usedWeight: z.number() }),
  ),
  score: z.number().nullable(),
});

export const TeacherEvaluationSchema = WeightedResultSchema.extend({ teacherId: z.string(), name: z.string(), groupName: z.string().nullable() });

export const RoundLinkSchema = z.object({ teacherId: z.string(), name: z.string(), groupName: z.string().nullable(), path: z.string() });

export const GivenEvaluationSchema = z.object({ teacherId: z.string(), source: z.enum(EVALUATION_SOURCES) });

export const PublicEvaluationFormSchema = z.object({
  roundTitle: z.string(),
  teacherName: z.string(),
  criteria: z.array(CriterionSchema),
  isOpen: z.boolean(),
  closesOn: z.string(),
});

export const PublicEvaluationAnswerSchema = z.object({ ok: z.boolean(), teacherName: z.string() });

export type RoundViewData = z.infer<typeof RoundViewSchema>;
export type TeacherEvaluationData = z.infer<typeof TeacherEvaluationSchema>;
export type RoundLink = z.infer<typeof RoundLinkSchema>;
export type GivenEvaluation = z.infer<typeof GivenEvaluationSchema>;
export type PublicEvaluationForm = z.infer<typeof PublicEvaluationFormSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;

// Requests.

const Scores = z.record(z.string().max(30), z.number().int().min(0).max(10));

/** The anonymous link's token (students and parents answer without an account). */
export const EvaluationTokenParams = z.object({ token: z.string().max(120) });

export const NewRoundBody = z.object({ schoolYear: SchoolYear, term: TermNo, title: z.string().max(200), opensOn: IsoDay, closesOn: IsoDay });

export const EvaluationFormBody = z.object({
  teacherId: z.uuid(),
  source: z.enum(['self', 'peers', 'administrators']),
  scores: Scores,
  comment: z.string().max(2000).nullish(),
});

export const PublicEvaluationBody = z.object({ source: z.enum(['students', 'parents']), scores: Scores, comment: z.string().max(2000).nullish() });

export type RoundInput = z.infer<typeof NewRoundBody>;
export type EvaluationFormInput = z.infer<typeof EvaluationFormBody>;
export type PublicEvaluationInput = z.infer<typeof PublicEvaluationBody>;
