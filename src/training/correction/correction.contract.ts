import { z } from 'zod';
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
