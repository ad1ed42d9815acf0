import { type Text, tx } from '../../ui/i18n';

export type MeetingState = 'planned' | 'held' | 'cancelled';
export type AttendeeStatus = 'invited' | 'present' | 'late' | 'absent' | 'excused';
export type MeetingKind = 'dispatch' | 'study' | 'coordination' | 'other';

export interface MeetingItem {
  id: string;
  seriesId: string | null;
  occursOn: string;
  title: string;
  kind: MeetingKind;
  chairUserId: string;
  chairName: string;
  location: string | null;
  startsAt: string;
  endsAt: string;
  state: MeetingState;
  myStatus: AttendeeStatus | null;
}

export interface Attendee {
  userId: string;
  displayName: string;
  status: AttendeeStatus;
  note: string | null;
}

export interface LeaveRequest {
  id: string;
  userId: string;
  userName: string;
  reason: string;
  substituteName: string | null;
  state: 'pending' | 'approved' | 'rejected';
  requestedAt: string;
  decidedByName: string | null;
  decisionNote: string | null;
  version: number;
}

export interface Decision {
  id: string;
  body: string;
  sort: number;
}

export interface ActionItem {
  id: string;
  decisionId: string | null;
  title: string;
  ownerUserId: string;
  ownerName: string;
  dueOn: string;
  state: 'open' | 'done' | 'cancelled';
  version: number;
}

export interface MeetingDetail extends Omit<MeetingItem, 'chairName' | 'myStatus'> {
  chairName: string;
  leaveApproverUserId: string;
  leaveApproverName: string;
  agenda: string;
  minutes: string;
  clause: string | null;
  requirementId: string | null;
  version: number;
  series: { id: string; title: string } | null;
  attendees: Attendee[];
  leaveRequests: LeaveRequest[];
  decisions: Decision[];
  actions: ActionItem[];
  canManage: boolean;
  canDecideLeave: boolean;
  isAttendee: boolean;
}

export interface Person {
  id: string;
  displayName: string;
}

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

export const WEEKDAY_OPTIONS = [tx('周一', 'Mon'), tx('周二', 'Tue'), tx('周三', 'Wed'), tx('周四', 'Thu'), tx('周五', 'Fri'), tx('周六', 'Sat'), tx('周日', 'Sun')];
