import { z } from 'zod';

// Issue 14 item 11: the signature lines of a printed plan, filled from the approval engine's
// records (who, in which role, what they decided and when, in the organisation's time).

const Text = z.object({ zh: z.string(), en: z.string() });

export const PlanSignatureLine = z.object({
  key: z.string(),
  label: Text,
  role: Text.nullable(),
  decision: z.enum(['prepared', 'submitted', 'approved', 'rejected', 'confirmed']).nullable(),
  actorName: z.string().nullable(),
  at: z.date().nullable(),
  /** `at` on the organisation's wall clock, 'YYYY-MM-DD HH:mm'. */
  atLocal: z.string().nullable(),
});
export type PlanSignatureLine = z.infer<typeof PlanSignatureLine>;

export const PlanSignaturesParams = z.object({ id: z.uuid() });
export type PlanSignaturesParams = z.infer<typeof PlanSignaturesParams>;

export const PlanSignatures = z.object({
  planId: z.uuid(),
  /** The document's number and the revision the lines sign; null for a weekly plan (confirmed, not approved). */
  number: z.string().nullable(),
  revision: z.number().int().nullable(),
  lines: z.array(PlanSignatureLine),
});
export type PlanSignatures = z.infer<typeof PlanSignatures>;
