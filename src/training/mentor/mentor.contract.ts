import { z } from 'zod';
import { IsoDay, SchoolYear, Version } from '../common';
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

// Requests: what the routes accept.

export const NewMentorPairBody = z.object({ mentorId: z.uuid(), menteeId: z.uuid(), schoolYear: SchoolYear, goals: z.string().max(2000) });

export const NewMentorRecordBody = z.object({ kind: z.enum(MENTOR_RECORD_KINDS), occurredOn: IsoDay, content: z.string().max(5000) });

export const CloseMentorPairBody = z.object({ state: z.enum(['completed', 'ended']), review: z.string().max(2000), version: Version });
