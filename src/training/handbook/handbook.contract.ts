import { z } from 'zod';
import { MonthSchema } from '#core/validation';
import { IsoDay, SchoolYear, Version } from '../common';
import { RECORD_BOOK_FINDINGS, SIGNOFF_RATINGS } from './handbook.schema';

// Issue 13 item 15 (ST-19): the monthly sign-off of the 年度考核记实手册 (S1 学习制度 1) and the
// leadership group's inspection of the 《校本培训记录册》 (S1 考勤 三).

/** Kept as the contract's name for its month field; the rule is core's. */
export const Month = MonthSchema;
export const YearQuery = z.object({ schoolYear: SchoolYear });
export type YearQuery = z.infer<typeof YearQuery>;

export const SignOffView = z.object({
  id: z.string(),
  month: z.string(),
  rating: z.enum(SIGNOFF_RATINGS),
  comment: z.string(),
  signedByName: z.string(),
  signedAt: z.string(),
  version: z.number(),
});
export type SignOffView = z.infer<typeof SignOffView>;

export const HandbookGrid = z.object({
  schoolYear: z.string(),
  /** The months the policy has signed, in school-year order, 'YYYY-MM'. */
  months: z.array(z.string()),
  /** Whether the caller holds a signing role of the policy (a group leader signs their own group). */
  canSign: z.boolean(),
  rows: z.array(
    z.object({ teacherId: z.string(), name: z.string(), groupId: z.string().nullable(), groupName: z.string().nullable(), signOffs: z.array(SignOffView) }),
  ),
});
export type HandbookGrid = z.infer<typeof HandbookGrid>;

export const SignOffBody = z.object({
  teacherId: z.uuid(),
  month: Month,
  rating: z.enum(SIGNOFF_RATINGS),
  comment: z.string().trim().min(1).max(2000),
  version: Version.optional(),
});
export type SignOffBody = z.infer<typeof SignOffBody>;

export const RecordBookCheckView = z.object({
  id: z.string(),
  checkedOn: z.string(),
  finding: z.enum(RECORD_BOOK_FINDINGS),
  entries: z.number(),
  comment: z.string(),
  checkedByName: z.string(),
});
export type RecordBookCheckView = z.infer<typeof RecordBookCheckView>;

export const RecordBookList = z.object({
  schoolYear: z.string(),
  canInspect: z.boolean(),
  rows: z.array(
    z.object({ teacherId: z.string(), name: z.string(), groupName: z.string().nullable(), entries: z.number(), checks: z.array(RecordBookCheckView) }),
  ),
});
export type RecordBookList = z.infer<typeof RecordBookList>;

export const RecordBookCheckBody = z.object({
  teacherId: z.uuid(),
  checkedOn: IsoDay,
  finding: z.enum(RECORD_BOOK_FINDINGS),
  comment: z.string().trim().max(2000).optional(),
});
export type RecordBookCheckBody = z.infer<typeof RecordBookCheckBody>;
