import { z } from 'zod';
import { SchoolYear, Version, Words } from '../common';

// The yearly assessment (ST-7): verdicts with their reasons and evidence.

export const EvidenceSchema = z.object({ entity: z.string(), entityId: z.string(), label: z.string(), link: z.string().optional() });

export const AssessmentReasonSchema = z.object({
  code: z.enum(['absences', 'credits', 'evidence']),
  requirementId: z.string(),
  clause: z.string(),
  summary: Words,
  evidence: z.array(EvidenceSchema),
});

export const AssessmentViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  teacherId: z.string(),
  schoolYear: z.string(),
  verdict: z.enum(['qualified', 'unqualified']),
  reasons: z.array(AssessmentReasonSchema),
  credits: z.number(),
  requiredCredits: z.number(),
  unexcusedAbsences: z.number(),
  state: z.enum(['computed', 'confirmed']),
  computedAt: z.date(),
  confirmedAt: z.date().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  opinion: z.string().nullable(),
  findingId: z.string().nullable(),
  version: z.number(),
  teacherName: z.string(),
  staffNo: z.string(),
  groupName: z.string().nullable(),
});

/** Where a teacher stands before any verdict (issue 13 item 4). */
export const StandingSchema = z.object({
  absences: z.number(),
  absenceLimit: z.number(),
  /** Unexcused absences left before the year is unqualified (0 = unqualified already). */
  absencesLeft: z.number(),
  credits: z.number(),
  required: z.number(),
  projectedCredits: z.number(),
  paceCredits: z.number(),
  isBehindPace: z.boolean(),
  warnings: z.array(z.object({ code: z.enum(['absence_limit_next', 'absence_limit_reached', 'behind_pace', 'cannot_reach']), text: Words })),
});

export type AssessmentReasonData = z.infer<typeof AssessmentReasonSchema>;
export type AssessmentViewData = z.infer<typeof AssessmentViewSchema>;
export type StandingData = z.infer<typeof StandingSchema>;

// Requests.

export const AssessmentsQuery = z.object({ schoolYear: SchoolYear.optional(), verdict: z.enum(['qualified', 'unqualified']).optional() });

export const ConfirmQualifiedBody = z.object({ schoolYear: SchoolYear.optional(), opinion: z.string().max(1000).nullish() });

export const ComputeAssessmentsBody = z.object({ schoolYear: SchoolYear.optional() });

export const ConfirmAssessmentBody = z.object({ opinion: z.string().max(1000).nullish(), version: Version });
