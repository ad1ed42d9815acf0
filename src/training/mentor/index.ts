// Mentor pairs (老带新) with goals and supervision records (ST-13).
export { MENTOR_RECORD_KINDS, mentorPairs, mentorRecords } from './mentor.schema';
export type { MentorPairRow, MentorRecordKind, MentorRecordRow } from './mentor.schema';
export { addMentorRecord, closeMentorPair, createMentorPair, findMentorPairs, findMentorRecords } from './mentor.service';
export type { MentorPairView } from './mentor.service';
export { mentorRoutes } from './mentor.routes';
export { MentorPairRowSchema, MentorPairViewSchema, MentorRecordSchema } from './mentor.contract';
