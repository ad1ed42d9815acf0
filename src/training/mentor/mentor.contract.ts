import { z } from 'zod';
import { MENTOR_RECORD_KINDS } from './mentor.schema';

// Mentor pairs (老带新, ST-13): what the mentor routes answer.

export const MentorPairRowSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  mentorId: z.string(),
  menteeId: z.string(),
  schoolYear: z.string(),
  goals: z.string(),
  state: z.enum(['active', 'completed', 'ended']),
  review: z.string().nullable(),
  createdAt: z.date(),
  version: z.number(),
});

export const MentorPairViewSchema = MentorPairRowSchema.extend({
  mentorName: z.string(),
  menteeName: z.string(),
  recordCount: z.number(),
  lastRecordOn: z.string().nullable(),
});

export const MentorRecordSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  pairId: z.string(),
  kind: z.enum(MENTOR_RECORD_KINDS),
  occurredOn: z.string(),
  content: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

export type MentorPairViewData = z.infer<typeof MentorPairViewSchema>;
export type MentorRecordData = z.infer<typeof MentorRecordSchema>;
