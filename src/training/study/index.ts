// Study notes, the 《校本培训记录册》 and weekly self-study with gentle reminders (ST-5).
export { NOTE_KINDS, studyNotes } from './study.schema';
export type { NoteKind, StudyNoteRow } from './study.schema';
export { summariseSelfStudy, weeksBetween } from './study.rules';
export type { SelfStudySummary, WeekStatus, WeeklyQuota } from './study.rules';
export { addNote, findNotes, getSelfStudy, remindSelfStudy, updateNote } from './study.service';
export type { NoteInput } from './study.service';
export { studyRoutes } from './study.routes';
export { StudyNoteSchema } from './study.contract';
