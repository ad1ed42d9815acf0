// Helpers shared by the training feature folders.
export { isUniqueViolation, requireAnyAccess, requireTrainingRead, userIdOf } from './access';
export { isSchoolYear, schoolYearOf, schoolYearRange, termOf, termRange, weekStartOf } from './school-year.rules';
export type { Term } from './school-year.rules';
export { IdParams, IsoDay, SchoolYear, TermNo, TermQuery, TextIn, Version } from './zod';
export { localToday, schoolYearOrCurrent } from './today';
export { remindOnce, trainingReminders } from './reminder';
export { schoolTimeText } from './time-text';
