import { z } from 'zod';
import { IsoDay, SchoolYear, TermNo, TermQuery, Version, YearFilterQuery } from '../common';
import { ACTIVITY_KINDS, ASSIGNMENT_KINDS, FOUR_ONES_ITEMS } from './practice.schema';

// Practice (ST-14 … ST-16): the four ones, assignments with their submissions, semester activities.

const Term = z.union([z.literal(1), z.literal(2)]);

export const FourOneSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  teacherId: z.string(),
  schoolYear: z.string(),
  item: z.enum(FOUR_ONES_ITEMS),
  title: z.string(),
  completedOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
});

export const FourOnesProgressSchema = z.object({
  items: z.array(z.object({ item: z.enum(FOUR_ONES_ITEMS), done: z.number(), required: z.number(), isMet: z.boolean() })),
  isMet: z.boolean(),
});

export const FourOnesProgressListSchema = z.array(
  z.object({ teacherId: z.string(), name: z.string(), groupName: z.string().nullable(), progress: FourOnesProgressSchema }),
);

export const AssignmentSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  schoolYear: z.string(),
  term: Term,
  kind: z.enum(ASSIGNMENT_KINDS),
  title: z.string(),
  description: z.string(),
  dueOn: z.string(),
  groupId: z.string().nullable(),
  sessionId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  version: z.number(),
});

export const SubmissionSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  assignmentId: z.string(),
  teacherId: z.string(),
  content: z.string(),
  attachmentIds: z.array(z.string()),
  submittedAt: z.date(),
  isLate: z.boolean(),
  reviewState: z.enum(['submitted', 'accepted', 'returned']),
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  version: z.number(),
});

const SubmissionStatus = z.enum(['open', 'missing', 'submitted', 'late', 'accepted', 'returned']);

export const AssignmentViewSchema = AssignmentSchema.extend({
  groupName: z.string().nullable(),
  /** For the office: how many expected teachers submitted; for a teacher: their own status. */
  expected: z.number(),
  submitted: z.number(),
  myStatus: SubmissionStatus.nullable(),
  mySubmission: SubmissionSchema.nullable(),
});

export const SubmissionListSchema = z.array(
  z.object({ teacherId: z.string(), name: z.string(), groupName: z.string().nullable(), status: SubmissionStatus, submission: SubmissionSchema.nullable() }),
);

export const ActivitySchema = z.object({
  orgId: z.string(),
  id: z.string(),
  schoolYear: z.string(),
  term: Term,
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  heldOn: z.string(),
  groupId: z.string().nullable(),
  sessionId: z.string().nullable(),
  description: z.string(),
  outcome: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  version: z.number(),
});

export const ActivityListSchema = z.object({
  activities: z.array(ActivitySchema.extend({ groupName: z.string().nullable() })),
  coverage: z.object({
    kinds: z.array(z.object({ kind: z.enum(ACTIVITY_KINDS), held: z.number(), required: z.number(), isMet: z.boolean() })),
    isMet: z.boolean(),
  }),
});

export type AssignmentViewData = z.infer<typeof AssignmentViewSchema>;
export type SubmissionData = z.infer<typeof SubmissionSchema>;
export type SubmissionList = z.infer<typeof SubmissionListSchema>;
export type ActivityList = z.infer<typeof ActivityListSchema>;
export type FourOnesProgressList = z.infer<typeof FourOnesProgressListSchema>;
export type FourOneData = z.infer<typeof FourOneSchema>;

// Requests: what the routes accept.

export const NewFourOneBody = z.object({
  item: z.enum(FOUR_ONES_ITEMS),
  title: z.string().max(200),
  completedOn: IsoDay,
  note: z.string().max(2000).nullish(),
});

export const NewAssignmentBody = z.object({
  schoolYear: SchoolYear,
  term: TermNo,
  kind: z.enum(ASSIGNMENT_KINDS),
  title: z.string().max(200),
  description: z.string().max(5000).optional(),
  dueOn: IsoDay,
  groupId: z.uuid().nullish(),
  sessionId: z.uuid().nullish(),
});

export const SubmissionBody = z.object({ content: z.string().max(50000), attachmentIds: z.array(z.uuid()).max(10).optional() });

export const SubmissionReviewBody = z.object({ isAccepted: z.boolean(), comment: z.string().max(2000).nullish(), version: Version });

export const FourOnesQuery = YearFilterQuery.extend({ teacherId: z.uuid().optional() });

export const AssignmentsQuery = YearFilterQuery.extend({ term: TermQuery.optional() });

export const ActivitiesQuery = z.object({ schoolYear: SchoolYear, term: TermQuery });

export const NewActivityBody = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string().max(200),
  heldOn: IsoDay,
  groupId: z.uuid().nullish(),
  sessionId: z.uuid().nullish(),
  description: z.string().max(5000).optional(),
  outcome: z.string().max(5000).nullish(),
});

export type ActivityInput = z.infer<typeof NewActivityBody>;
export type AssignmentInput = z.infer<typeof NewAssignmentBody>;
