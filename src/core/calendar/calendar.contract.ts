import { z } from 'zod';

// What the holiday calendar API answers: the organisation's holidays and make-up working days,
// the national holiday years shipped, and what an import added.

export const HolidaySchema = z.object({
  orgId: z.string(),
  date: z.string(),
  name: z.string(),
  isWorkday: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
});
export type Holiday = z.infer<typeof HolidaySchema>;

export const NationalHolidayYearSchema = z.object({ year: z.number().int(), status: z.enum(['official', 'statutory-only']), days: z.number().int() });

export const HolidayImportSchema = z.object({
  year: z.number().int(),
  status: z.enum(['official', 'statutory-only']),
  added: z.number().int(),
  kept: z.number().int(),
});

export const DEADLINE_STATES = ['open', 'done', 'missed', 'cancelled'] as const;
export const DEADLINE_STATUSES = ['open', 'due-soon', 'overdue', 'done', 'done-late', 'cancelled'] as const;

/** A deadline as GET /api/deadlines answers it: the row, its owner's name and what the owner sees. */
export const DeadlineViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  link: z.string().nullable(),
  ownerUserId: z.string(),
  ownerDepartmentId: z.string().nullable(),
  dueOn: z.string(),
  dueAt: z.date(),
  remindAt: z.date().nullable(),
  escalateAt: z.date().nullable(),
  escalateTo: z.array(z.string()),
  clause: z.string(),
  requirementId: z.string().nullable(),
  ruleCode: z.string(),
  penaltyAmount: z.number().nullable(),
  verdict: z.string(),
  recordsFinding: z.boolean(),
  state: z.enum(DEADLINE_STATES),
  remindedAt: z.date().nullable(),
  escalatedAt: z.date().nullable(),
  missedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  findingId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
  ownerName: z.string(),
  status: z.enum(DEADLINE_STATUSES),
});
export type DeadlineView = z.infer<typeof DeadlineViewSchema>;

/** A holiday addressed by its day: /calendar/holidays/:date. */
export const HolidayDateParams = z.object({ date: z.iso.date() });

export const HolidayRangeQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

export const NationalHolidayImportBody = z.object({ year: z.number().int().min(2000).max(2100) });

export const NewHolidayBody = z.object({ date: z.iso.date(), name: z.string().min(1).max(100), isWorkday: z.boolean().default(false) });
export type HolidayInput = z.infer<typeof NewHolidayBody>;

export const HolidayChangeBody = z.object({ name: z.string().min(1).max(100), isWorkday: z.boolean(), version: z.number().int() });

export const DeadlineListQuery = z.object({
  scope: z.enum(['mine', 'org']).optional(),
  state: z.enum(['open', 'done', 'missed', 'cancelled', 'overdue']).optional(),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
