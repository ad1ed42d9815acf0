import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '../attendance';
import { Version } from '../common';
import { SessionViewSchema } from '../session';

// Corrections (issue 13 items 1–2): voiding a session entered by mistake.

export const VoidOutcomeSchema = z.object({
  session: SessionViewSchema,
  /** Teachers whose record of the session no longer counts. */
  teachersAffected: z.number(),
  /** Unconfirmed verdicts of the year were computed again without the session. */
  isRecomputed: z.boolean(),
  /** Confirmed verdicts that cited the session: the office reviews them. */
  confirmedToReview: z.array(z.object({ assessmentId: z.string(), teacherName: z.string() })),
});

export type VoidOutcomeData = z.infer<typeof VoidOutcomeSchema>;

// Requests: what the routes accept.

export const VoidSessionBody = z.object({ reason: z.string().max(500), version: Version });

export const LockOverrideBody = z.object({
  teacherId: z.uuid(),
  status: z.enum(ATTENDANCE_STATUSES),
  lateMinutes: z.number().int().min(0).max(600).optional(),
  leftEarlyMinutes: z.number().int().min(0).max(600).optional(),
  reason: z.string().max(500),
  version: Version,
});

export type OverrideInput = z.infer<typeof LockOverrideBody>;
