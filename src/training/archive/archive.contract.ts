import { z } from 'zod';
import { CREDIT_CATEGORIES, PolicySchema } from '#core/policy';
import { ATTENDANCE_STATUSES } from '../attendance';
import { AssessmentViewSchema } from '../assessment';
import { BackboneHoursSchema, BackboneShareSchema } from '../backbone';
import { ClaimViewSchema, CreditSummarySchema, TeacherCreditsSchema } from '../credit';
import { WeightedResultSchema } from '../evaluation';
import { LeaveViewSchema } from '../leave';
import { MentorPairRowSchema, MentorPairViewSchema, MentorRecordSchema } from '../mentor';
import { PlanViewSchema } from '../plan';
import { ActivitySchema, AssignmentSchema, ASSIGNMENT_KINDS, FourOneSchema, SubmissionSchema } from '../practice';
import { SessionViewSchema } from '../session';
import { StudyNoteSchema } from '../study';
import { HonourRowSchema, TermSummaryRowSchema } from '../term';
import { LEADERSHIP_ROLES, TeacherViewSchema } from '../teacher';

// The training archives (ST-8): the teacher development archive and the school's archive of a year.

/** A file in the person's archive (core/archive): never its storage key. */
const ArchiveFileSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  category: z.string(),
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.date(),
  deletedAt: z.date().nullable(),
  deletedBy: z.string().nullable(),
  version: z.number(),
  uploaderName: z.string().nullable(),
  ownerName: z.string().nullable(),
});

export const TeacherArchiveSchema = z.object({
  teacher: TeacherViewSchema,
  schoolYear: z.string(),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      date: z.string(),
      title: z.string(),
      category: z.enum(CREDIT_CATEGORIES),
      isCentralised: z.boolean(),
      status: z.enum(ATTENDANCE_STATUSES),
      lateMinutes: z.number(),
      leftEarlyMinutes: z.number(),
      source: z.enum(['self_qr', 'recorder', 'override', 'leave', 'system']),
    }),
  ),
  attendance: z.object({ attended: z.number(), absent: z.number(), excused: z.number() }),
  credits: TeacherCreditsSchema,
  leave: z.array(LeaveViewSchema.omit({ teacherName: true, startsAt: true })),
  claims: z.array(ClaimViewSchema.omit({ teacherName: true })),
  notes: z.array(StudyNoteSchema),
  fourOnes: z.array(FourOneSchema),
  submissions: z.array(SubmissionSchema.extend({ title: z.string(), kind: z.enum(ASSIGNMENT_KINDS), dueOn: z.string() })),
  mentoring: z.array(MentorPairRowSchema.extend({ role: z.enum(['mentor', 'mentee']), records: z.array(MentorRecordSchema) })),
  backbone: z.array(BackboneHoursSchema),
  evaluations: z.array(WeightedResultSchema.extend({ roundId: z.string(), title: z.string(), term: z.union([z.literal(1), z.literal(2)]) })),
  honours: z.array(HonourRowSchema),
  assessment: AssessmentViewSchema.nullable(),
  files: z.array(ArchiveFileSchema),
});

export const SchoolArchiveSchema = z.object({
  schoolYear: z.string(),
  leadershipGroup: z.array(z.object({ name: z.string(), role: z.enum(LEADERSHIP_ROLES).nullable(), title: z.string().nullable() })),
  rules: z.object({ creditsPerYear: z.number(), unexcusedAbsenceLimit: z.number(), standingSchedule: PolicySchema.shape.training.shape.standingSchedule }),
  plans: z.array(PlanViewSchema),
  sessions: z.array(SessionViewSchema.extend({ attendance: z.object({ present: z.number(), absent: z.number(), excused: z.number() }) })),
  leave: z.array(LeaveViewSchema),
  credits: z.array(CreditSummarySchema),
  assessments: z.array(AssessmentViewSchema),
  mentoring: z.array(MentorPairViewSchema),
  activities: z.array(ActivitySchema),
  assignments: z.array(AssignmentSchema),
  honours: z.array(HonourRowSchema.extend({ teacherName: z.string().nullable() })),
  summaries: z.array(TermSummaryRowSchema),
  backbone: BackboneShareSchema,
});

export type TeacherArchiveData = z.infer<typeof TeacherArchiveSchema>;
export type SchoolArchiveData = z.infer<typeof SchoolArchiveSchema>;
