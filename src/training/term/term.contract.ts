import { z } from 'zod';
import { ACTIVITY_KINDS } from '../practice';
import { SchoolYear, TermNo, TermQuery, Version, Words } from '../common';

// Term end (ST-10, ST-11, ST-17): honours proposed from the rules and the term summary with its figures.

const Term = z.union([z.literal(1), z.literal(2)]);

export const HonourRowSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  schoolYear: z.string(),
  term: Term,
  kind: z.enum(['commendation', 'criticism', 'advanced_individual', 'advanced_group']),
  teacherId: z.string().nullable(),
  groupId: z.string().nullable(),
  reasons: z.array(Words),
  state: z.enum(['proposed', 'confirmed', 'dropped']),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  findingId: z.string().nullable(),
  createdAt: z.date(),
  version: z.number(),
});

export const HonourViewSchema = HonourRowSchema.extend({ teacherName: z.string().nullable(), groupName: z.string().nullable() });

export const TermSummaryRowSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  schoolYear: z.string(),
  term: Term,
  achievements: z.string(),
  problems: z.string(),
  improvements: z.string(),
  /** The term's figures when the summary was saved. */
  figures: z.record(z.string(), z.unknown()),
  updatedBy: z.string().nullable(),
  updatedAt: z.date(),
  version: z.number(),
});

export const TermFiguresSchema = z.object({
  sessionsHeld: z.number(),
  sessionsCancelled: z.number(),
  outlinesOnTime: z.number(),
  outlinesLateOrMissing: z.number(),
  minutesWritten: z.number(),
  attendanceRate: z.number().nullable(),
  late: z.number(),
  leftEarly: z.number(),
  absent: z.number(),
  excused: z.number(),
  teachers: z.number(),
  assignmentsDue: z.number(),
  assignmentsMissing: z.number(),
  selfStudyWeeksMetShare: z.number().nullable(),
  activities: z.number(),
  activityKindsMissing: z.array(z.enum(ACTIVITY_KINDS)),
});

export const TermSummaryViewSchema = z.object({ summary: TermSummaryRowSchema.nullable(), figures: TermFiguresSchema });

export type HonourViewData = z.infer<typeof HonourViewSchema>;
export type TermSummaryView = z.infer<typeof TermSummaryViewSchema>;
export type TermSummaryRowData = z.infer<typeof TermSummaryRowSchema>;

// Requests: what the routes accept.

/** The school year and term a list is for (GET /training/honours, GET /training/summaries). */
export const SchoolTermQuery = z.object({ schoolYear: SchoolYear, term: TermQuery });

export const ProposeHonoursBody = z.object({ schoolYear: SchoolYear, term: TermNo });

export const HonourDecisionBody = z.object({ isConfirmed: z.boolean(), version: Version });

export const TermSummaryBody = z.object({
  schoolYear: SchoolYear,
  term: TermNo,
  achievements: z.string().max(20000),
  problems: z.string().max(20000),
  improvements: z.string().max(20000),
  version: Version.optional(),
});
