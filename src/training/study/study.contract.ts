import { z } from 'zod';
import { IsoDay, Version } from '../common';
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

// Requests: what the routes accept.

export const StudyNotesQuery = z.object({
  teacherId: z.uuid().optional(),
  kind: z.enum(NOTE_KINDS).optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  sessionId: z.uuid().optional(),
});

/** date: the day the note belongs to (its week counts for the quota); default today. */
export const NewNoteBody = z.object({
  kind: z.enum(NOTE_KINDS),
  title: z.string().max(200),
  source: z.string().max(100).nullish(),
  content: z.string().max(20000),
  date: IsoDay.nullish(),
  sessionId: z.uuid().nullish(),
});

export const NoteChangeBody = z.object({
  title: z.string().max(200).optional(),
  source: z.string().max(100).nullish(),
  content: z.string().max(20000).optional(),
  version: Version,
});

export type NoteInput = z.infer<typeof NewNoteBody>;
