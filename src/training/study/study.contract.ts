import { z } from 'zod';
import { NOTE_KINDS } from './study.schema';

// Study notes and weekly self-study (ST-5): what the study routes answer.

export const StudyNoteSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  teacherId: z.string(),
  kind: z.enum(NOTE_KINDS),
  weekStart: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  content: z.string(),
  sessionId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number(),
});

export const StudyNoteListSchema = z.array(StudyNoteSchema.extend({ teacherName: z.string() }));

export const SelfStudySchema = z.object({
  weeks: z.array(z.object({ weekStart: z.string(), articleExcerpts: z.number(), informationExcerpts: z.number(), isMet: z.boolean() })),
  weeksMet: z.number(),
  weeksDue: z.number(),
  /** Distinct journals the excerpts came from. */
  journals: z.array(z.string()),
  journalsRequired: z.number(),
  isJournalMet: z.boolean(),
  from: z.string(),
  to: z.string(),
});

export type StudyNote = z.infer<typeof StudyNoteSchema>;
export type SelfStudy = z.infer<typeof SelfStudySchema>;
