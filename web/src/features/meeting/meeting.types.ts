import { type Text, tx } from '../../ui/i18n';

// The shapes the meeting API returns: the server's own types (src/core/meeting/meeting.contract.ts).
// Times arrive as ISO strings (the server's `Date` is serialised); the pages pass them to orgTime.
import type * as Server from '#core/meeting';
import type { Wire } from '#core/validation';

export type { AttendeeStatus, MeetingKind, MeetingState } from '#core/meeting';
export type MeetingItem = Wire<Server.MeetingItem>;
export type MeetingDetail = Wire<Server.MeetingDetail>;
export type Attendee = Wire<Server.Attendee>;
export type LeaveRequest = Wire<Server.LeaveRequest>;
export type Decision = Wire<Server.Decision>;
export type ActionItem = Wire<Server.ActionItem>;
export type PendingLeave = Wire<Server.PendingLeave>;
export type Person = Server.InvitablePerson;
import type { AttendeeStatus, MeetingKind, MeetingState } from '#core/meeting';

export const STATE_LABELS: Record<MeetingState, { label: Text; color: string }> = {
  planned: { label: tx('待召开', 'Planned'), color: 'blue' },
  held: { label: tx('已召开', 'Held'), color: 'green' },
  cancelled: { label: tx('已取消', 'Cancelled'), color: 'default' },
};

export const STATUS_LABELS: Record<AttendeeStatus, { label: Text; color: string }> = {
  invited: { label: tx('待到会', 'Invited'), color: 'default' },
  present: { label: tx('出席', 'Present'), color: 'green' },
  late: { label: tx('迟到', 'Late'), color: 'orange' },
  absent: { label: tx('缺席', 'Absent'), color: 'red' },
  excused: { label: tx('请假', 'Excused'), color: 'purple' },
};

export const KIND_LABELS: Record<MeetingKind, Text> = {
  dispatch: tx('生产调度会', 'Dispatch meeting'),
  study: tx('学习会', 'Study'),
  coordination: tx('协调会', 'Coordination'),
  other: tx('其他', 'Other'),
};

export const LEAVE_LABELS: Record<LeaveRequest['state'], { label: Text; color: string }> = {
  pending: { label: tx('待审批', 'Pending'), color: 'gold' },
  approved: { label: tx('已批准', 'Approved'), color: 'green' },
  rejected: { label: tx('未批准', 'Rejected'), color: 'red' },
};

export const WEEKDAY_OPTIONS = [
  tx('周一', 'Mon'),
  tx('周二', 'Tue'),
  tx('周三', 'Wed'),
  tx('周四', 'Thu'),
  tx('周五', 'Fri'),
  tx('周六', 'Sat'),
  tx('周日', 'Sun'),
];
