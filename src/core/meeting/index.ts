export {
  meetingActions,
  meetingAttendees,
  meetingDecisions,
  meetingLeaveRequests,
  meetings,
  meetingSeries,
  meetingSeriesMembers,
} from './meeting.schema';
export type { AttendeeStatus, LeaveState, MeetingKind, MeetingRow, MeetingState } from './meeting.schema';
export { generateOccurrences } from './recurrence.rules';
export type { Occurrence, Recurrence } from './recurrence.rules';
export { canRecordStatusAt, formatLocal, leaveTooLate } from './meeting.rules';
export { createMeeting, findInvitablePeople, findMeetings, getMeeting, updateMeeting } from './meeting.service';
export type { MeetingChange, MeetingQuery, NewMeeting } from './meeting.service';
export { createSeries, extendDueSeries, extendSeries, findSeries } from './meeting-series.service';
export type { NewSeries } from './meeting-series.service';
export { decideLeave, findPendingLeaveRequests, recordAttendance, requestLeave } from './meeting-leave.service';
export type { AttendanceEntry } from './meeting-leave.service';
export { ACTION_SUBJECT, addAction, addDecision, completeAction } from './meeting-action.service';
export type { NewAction } from './meeting-action.service';
export { meetingModule } from './meeting.module';
export {
  ActionItemSchema,
  AttendeeSchema,
  DecisionSchema,
  LeaveRequestSchema,
  MeetingDetailSchema,
  MeetingItemSchema,
  MEETING_KINDS,
  MEETING_STATES,
  MeetingRowSchema,
  PendingLeaveSchema,
  SeriesRowSchema,
} from './meeting.contract';
export type {
  ActionItem,
  ActionRecord,
  Attendee,
  CreatedSeries,
  Decision,
  InvitablePerson,
  LeaveRequest,
  LeaveRequestRecord,
  MeetingDetail,
  MeetingItem,
  MeetingRecord,
  PendingLeave,
  SeriesRecord,
} from './meeting.contract';
