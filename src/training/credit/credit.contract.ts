import { z } from 'zod';
import { CREDIT_CATEGORIES } from '#core/policy';
import { hoursValue } from '#core/validation';
import { IsoDay, SchoolYear, Version, Words } from '../common';
import { CLAIM_KINDS } from './claim.schema';

// Credits (ST-6): the yearly report with its reasons, the office's summary and external claims.

export const CreditLineSchema = z.object({
  source: z.enum(['session', 'claim']),
  refId: z.string(),
  date: z.string(),
  title: z.string(),
  category: z.enum(CREDIT_CATEGORIES),
  minutes: z.number().nullable(),
  hours: z.number(),
  credits: z.number(),
  /** Why the line counts as it does: each rule that applied, in words. */
  notes: z.array(Words),
});

export const CategoryTotalSchema = z.object({
  category: z.enum(CREDIT_CATEGORIES),
  hours: z.number(),
  credits: z.number(),
  cap: z.number().nullable(),
  isCapped: z.boolean(),
});

export const CreditReportSchema = z.object({
  lines: z.array(CreditLineSchema),
  categories: z.array(CategoryTotalSchema),
  totalHours: z.number(),
  totalCredits: z.number(),
  required: z.number(),
  isMet: z.boolean(),
  shortfall: z.number(),
  /** Share of the year's requirement reached, 0–1. */
  progress: z.number(),
});

export const TeacherCreditsSchema = CreditReportSchema.extend({ teacherId: z.string(), teacherName: z.string(), schoolYear: z.string() });

export const CreditSummarySchema = z.object({
  teacherId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  groupName: z.string().nullable(),
  totalHours: z.number(),
  totalCredits: z.number(),
  required: z.number(),
  isMet: z.boolean(),
  progress: z.number(),
});

export const ClaimViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  teacherId: z.string(),
  schoolYear: z.string(),
  kind: z.enum(CLAIM_KINDS),
  title: z.string(),
  organiser: z.string().nullable(),
  category: z.enum(CREDIT_CATEGORIES),
  hours: z.number(),
  startedOn: z.string(),
  endedOn: z.string(),
  certificateNo: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  state: z.enum(['pending', 'recognised', 'rejected', 'withdrawn']),
  recognisedHours: z.number().nullable(),
  decidedAt: z.date().nullable(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  opinion: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  version: z.number(),
  teacherName: z.string(),
});

export type CreditLineData = z.infer<typeof CreditLineSchema>;
export type TeacherCredits = z.infer<typeof TeacherCreditsSchema>;
export type CreditSummaryData = z.infer<typeof CreditSummarySchema>;
export type ClaimViewData = z.infer<typeof ClaimViewSchema>;

// Requests.

export const ClaimsQuery = z.object({
  schoolYear: SchoolYear.optional(),
  state: z.enum(['pending', 'recognised', 'rejected', 'withdrawn']).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const NewClaimBody = z.object({
  kind: z.enum(CLAIM_KINDS),
  title: z.string().max(200),
  organiser: z.string().max(200).nullish(),
  category: z.enum(CREDIT_CATEGORIES),
  hours: hoursValue({ max: 1000 }),
  startedOn: IsoDay,
  endedOn: IsoDay,
  certificateNo: z.string().max(100).nullish(),
  attachmentIds: z.array(z.uuid()).max(10).optional(),
});

export const ClaimDecisionBody = z.object({
  isApproved: z.boolean(),
  recognisedHours: hoursValue({ max: 1000 }).nullish(),
  opinion: z.string().max(500).nullish(),
  version: Version,
});

export const WithdrawClaimBody = z.object({ version: Version });

export type ClaimInput = z.infer<typeof NewClaimBody>;
export type ClaimDecision = z.infer<typeof ClaimDecisionBody>;
