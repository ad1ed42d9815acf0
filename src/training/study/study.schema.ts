import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * ST-5 (S1 学习制度 1–4, 考勤 二–四): study notes of sessions, the 《校本培训记录册》, the weekly
 * self-study excerpts, reflections and observation notes.
 */
export const NOTE_KINDS = ['article_excerpt', 'information_excerpt', 'study_note', 'record_book', 'reflection', 'observation'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const studyNotes = pgTable(
  'training_study_notes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    teacherId: uuid('teacher_id').notNull(),
    kind: text('kind').$type<NoteKind>().notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    source: text('source'),
    content: text('content').notNull(),
    sessionId: uuid('session_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type StudyNoteRow = typeof studyNotes.$inferSelect;
