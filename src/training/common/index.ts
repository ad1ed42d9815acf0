// The school year and term helpers live in core/calendar (the League uses them too); training re-exports them.
// Helpers shared by the training feature folders.
export { requireAnyAccess, requireTrainingRead } from './access';
export { isSchoolYear, schoolYearOf, schoolYearRange, termOf, termRange, weekStartOf } from '#core/calendar';
export type { Term } from '#core/calendar';
export { IdParams, IsoDay, SchoolYear, TermNo, TermQuery, TextIn, Version, Words, YearFilterQuery } from './zod';
export { schoolYearOrCurrent } from './today';
export { remindOnce, trainingReminders } from './reminder';
export { schoolTimeText } from './time-text';
