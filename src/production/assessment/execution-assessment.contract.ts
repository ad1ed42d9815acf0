import { z } from 'zod';
import { MonthSchema } from '#core/validation';

// T2 七.2 / 七.3 over HTTP (PP-27): computing a month's findings, and the production head's
// manual finding for a case no record shows.

export const AssessRunBody = z.object({ month: MonthSchema.optional() });

export const AssessRunResult = z.object({
  /** Ids of the findings this run recorded. */
  created: z.array(z.uuid()),
  /** Findings found again; they already exist and stay as they are. */
  unchanged: z.number().int(),
});

export const ManualFindingBody = z.object({
  workshopId: z.uuid(),
  month: MonthSchema,
  /** organisation: T2 七.2; quality: T2 七.3. */
  kind: z.enum(['organisation', 'quality']),
  itemId: z.uuid().nullish(),
  description: z.string().trim().min(5).max(2000),
  /** What shows it when no record does: who saw what, when. */
  evidence: z.string().trim().min(2).max(2000),
});
export type ManualFindingBody = z.infer<typeof ManualFindingBody>;

export const ManualFindingView = z.object({
  id: z.uuid(),
  ruleCode: z.string(),
  clause: z.string(),
  amount: z.number().nullable(),
  subjectLabel: z.string(),
  period: z.string().nullable(),
  summaryZh: z.string(),
  summaryEn: z.string(),
});
export type ManualFindingView = z.infer<typeof ManualFindingView>;
