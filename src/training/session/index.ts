// Sessions: the standing schedule, ad-hoc sessions, outlines and minutes (ST-2, ST-3).
export { trainingSessions } from './session.schema';
export type { CreditPart, SessionRow } from './session.schema';
export { expandStandingSchedule } from './schedule.rules';
export type { Occurrence, ScheduleExpansion } from './schedule.rules';
export {
  creditPartsOf,
  durationMinutesOf,
  isAttendanceLocked,
  outlineStatusOf,
  SIGN_IN_OPENS_MINUTES_BEFORE,
  sessionPhaseOf,
} from './session.rules';
export type { OutlineStatus, SessionPhase } from './session.rules';
export {
  cancelSession,
  createSession,
  findSessionRows,
  findSessions,
  getSession,
  getSessionRow,
  toSessionView,
  updateSession,
  writeMinutes,
  writeOutline,
} from './session.service';
export type { SessionChange, SessionFilter, SessionInput, SessionView } from './session.service';
export { generatePlanSessions } from './session-generate.service';
export type { GenerationResult } from './session-generate.service';
export { assertManagesSession, managedGroupOf } from './group-scope';
export { sessionRoutes } from './session.routes';
export { CreditPartSchema, GenerationResultSchema, SessionViewSchema } from './session.contract';
