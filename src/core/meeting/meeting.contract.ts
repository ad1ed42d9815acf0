import { z } from 'zod';

// What the meeting API answers (CORE-7): meetings with their attendance, leave, decisions and
// action items, and the recurring series. The services return these types (checked by their
// signatures), the routes declare these schemas, and the web imports the types.

export const MEETING_KINDS = ['dispatch', 'study', 'coordination', 'other'] as const;
export const MEETING_STATES = ['planned', 'held', 'cancelled'] as const;
export const ATTENDEE_STATUSES = ['invited', 'present', 'late', 'absent', 'excused'] as const;
export const LEAVE_STATES = ['pending', 'approved', 'rejected'] as const;
export const ACTION_STATES = ['open', 'done', 'cancelled'] as const;

export const MeetingRowSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  seriesId: z.string().nullable(),
  occursOn: z.string(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  chairUserId: z.string(),
  leaveApproverUserId: z.string().nullable(),
  location: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  agenda: z.string(),
  minutes: z.string(),
  state: z.enum(MEETING_STATES),
  clause: z.string().nullable(),
  requirementId: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
export type MeetingRecord = z.infer<typeof MeetingRowSchema>;

/** One line of the meeting list: the meeting, its chair and my own attendance. */
export const MeetingItemSchema = MeetingRowSchema.extend({ chairName: z.string(), myStatus: z.enum(ATTENDEE_STATUSES).nullable() });
export type MeetingItem = z.infer<typeof MeetingItemSchema>;

export const AttendeeSchema = z.object({
  orgId: z.string(),
  meetingId: z.string(),
  userId: z.string(),
  status: z.enum(ATTENDEE_STATUSES),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.date().nullable(),
  version: z.number().int(),
  displayName: z.string().nullable(),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const LeaveRequestRowSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  meetingId: z.string(),
  userId: z.string(),
  reason: z.string(),
  substituteUserId: z.string().nullable(),
  state: z.enum(LEAVE_STATES),
  requestedAt: z.date(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
});
export type LeaveRequestRecord = z.infer<typeof LeaveRequestRowSchema>;

export const LeaveRequestSchema = LeaveRequestRowSchema.extend({
  userName: z.string().nullable(),
  substituteName: z.string().nullable(),
  decidedByName: z.string().nullable(),
});
export type LeaveRequest = z.infer<typeof LeaveRequestSchema>;

/** A leave request waiting for me, with its meeting. */
export const PendingLeaveSchema = LeaveRequestRowSchema.extend({ meetingTitle: z.string(), startsAt: z.date(), userName: z.string() });
export type PendingLeave = z.infer<typeof PendingLeaveSchema>;

export const DecisionSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  meetingId: z.string(),
  body: z.string(),
  sort: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const ActionRowSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  meetingId: z.string(),
  decisionId: z.string().nullable(),
  title: z.string(),
  ownerUserId: z.string(),
  dueOn: z.string(),
  state: z.enum(ACTION_STATES),
  completedAt: z.date().nullable(),
  deadlineId: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
export type ActionRecord = z.infer<typeof ActionRowSchema>;

export const ActionItemSchema = ActionRowSchema.extend({ ownerName: z.string().nullable() });
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const RecurrenceSchema = z.discriminatedUnion('kind', [
  /** Day N of every month; 31 = the last day. */
  z.object({ kind: z.literal('monthly'), day: z.number().int() }),
  /** Every week on these ISO weekdays (1 = Monday). */
  z.object({ kind: z.literal('weekly'), weekdays: z.array(z.number().int()) }),
]);

export const MeetingDetailSchema = MeetingRowSchema.extend({
  chairName: z.string().nullable(),
  leaveApproverUserId: z.string(),
  leaveApproverName: z.string().nullable(),
  series: z.object({ id: z.string(), title: z.string(), recurrence: RecurrenceSchema }).nullable(),
  attendees: z.array(AttendeeSchema),
  leaveRequests: z.array(LeaveRequestSchema),
  decisions: z.array(DecisionSchema),
  actions: z.array(ActionItemSchema),
  canManage: z.boolean(),
  canDecideLeave: z.boolean(),
  isAttendee: z.boolean(),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

/** An active person of the organisation, to invite or to give an action to. */
export const InvitablePersonSchema = z.object({ id: z.string(), displayName: z.string(), departmentId: z.string().nullable() });
export type InvitablePerson = z.infer<typeof InvitablePersonSchema>;

export const AttendanceResultSchema = z.object({ changed: z.number().int() });

export const SeriesRowSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  recurrence: RecurrenceSchema,
  startTime: z.string(),
  durationMinutes: z.number().int(),
  location: z.string().nullable(),
  chairUserId: z.string(),
  leaveApproverUserId: z.string().nullable(),
  audience: z.enum(['all', 'listed']),
  agendaTemplate: z.string(),
  onHoliday: z.enum(['skip', 'before', 'after']),
  policyDayPath: z.string().nullable(),
  clause: z.string().nullable(),
  requirementId: z.string().nullable(),
  generatedUntil: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
export type SeriesRecord = z.infer<typeof SeriesRowSchema>;

export const CreatedSeriesSchema = SeriesRowSchema.extend({ meetingsCreated: z.number().int() });
export type CreatedSeries = z.infer<typeof CreatedSeriesSchema>;

export const ExtendedSeriesSchema = z.object({ created: z.number().int() });
