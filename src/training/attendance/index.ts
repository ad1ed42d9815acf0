// Sign-in and attendance (ST-4): rotating QR, self sign-in, the recorder's list, corrections, locking.
export { ATTENDANCE_STATUSES, attendanceChanges, trainingAttendance } from './attendance.schema';
export type { AttendanceRow, AttendanceSource, AttendanceStatus } from './attendance.schema';
export { attendanceSummaryOf, attendedMinutesOf, countAttendance, isPresentStatus, rosterStatusOf } from './attendance.rules';
export type { AttendanceCounts, RosterStatus } from './attendance.rules';
export { issueQrToken, parseQrToken, verifyQrToken } from './qr-token.rules';
export {
  applyExcused,
  assertNotLocked,
  checkMinutes,
  findAttendanceChanges,
  findAttendance,
  findAttendanceRows,
  logAttendanceChange,
  markAttendance,
  viewOf,
} from './attendance.service';
export type { AttendanceView, SignInOutcome } from './attendance.service';
export { closeEndedSessions, closeRoster, closeSessionRoster, countSessionAttendance, findMyAttendance, getRoster, recordAttendance } from './roster.service';
export type { Roster, RosterRow } from './roster.service';
export { getScreenQr, signInWithQr } from './sign-in.service';
export { attendanceRoutes } from './attendance.routes';
export { AttendanceChangeSchema, AttendanceViewSchema, RosterSchema } from './attendance.contract';
export type { AttendanceChange, AttendanceSnapshot, MarkInput } from './attendance.contract';
