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

// Requests (issue 16 item 2): the routes declare these, the services take their z.infer types.
const Kind = z.enum(['dispatch', 'study', 'coordination', 'other']);
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
const Instant = z.iso.datetime({ offset: true });

export const MeetingListQuery = z.object({
  scope: z.enum(['mine', 'all']).optional(),
  from: Instant.or(z.iso.date()).optional(),
  to: Instant.or(z.iso.date()).optional(),
  state: z.enum(['planned', 'held', 'cancelled']).optional(),
  seriesId: z.uuid().optional(),
});
export type MeetingQuery = z.infer<typeof MeetingListQuery>;

export const NewMeetingBody = z.object({
  title: z.string().min(1).max(200),
  kind: Kind.default('coordination'),
  chairUserId: z.uuid(),
  leaveApproverUserId: z.uuid().nullish(),
  location: z.string().max(200).nullish(),
  startsAt: Instant,
  endsAt: Instant,
  agenda: z.string().max(20_000).optional(),
  attendeeUserIds: z.array(z.uuid()).max(500),
});
/** The body, plus the clause and requirement a meeting generated for a duty carries. */
export type NewMeeting = z.infer<typeof NewMeetingBody> & { clause?: string | null; requirementId?: string | null };

export const MeetingChangeBody = z.object({
  version: z.number().int(),
  title: z.string().min(1).max(200).optional(),
  location: z.string().max(200).nullish(),
  agenda: z.string().max(20_000).optional(),
  minutes: z.string().max(100_000).optional(),
  state: z.enum(['planned', 'held', 'cancelled']).optional(),
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
});
export type MeetingChange = z.infer<typeof MeetingChangeBody>;

export const AttendanceBody = z.object({
  entries: z
    .array(z.object({ userId: z.uuid(), status: z.enum(['present', 'late', 'absent', 'excused']), note: z.string().max(500).nullish() }))
    .min(1)
    .max(500),
});

export const LeaveRequestBody = z.object({ reason: z.string().min(1).max(1000), substituteUserId: z.uuid().nullish() });

export const LeaveDecisionBody = z.object({ approve: z.boolean(), note: z.string().max(1000).nullish(), version: z.number().int() });

export const NewDecisionBody = z.object({ body: z.string().min(1).max(5000) });

export const NewActionBody = z.object({ title: z.string().min(1).max(500), ownerUserId: z.uuid(), dueOn: z.iso.date(), decisionId: z.uuid().nullish() });
export type NewAction = z.infer<typeof NewActionBody>;

/** POST /meetings/:id/actions/:actionId/complete: the meeting and its action item. */
export const ActionParams = z.object({ id: z.uuid(), actionId: z.uuid() });

export const ActionCompleteBody = z.object({ version: z.number().int() });

export const NewSeriesBody = z.object({
  title: z.string().min(1).max(200),
  kind: Kind,
  recurrence: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31).optional() }),
    z.object({ kind: z.literal('weekly'), weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7) }),
  ]),
  policyDayPath: z.string().max(100).nullish(),
  startTime: Time,
  durationMinutes: z.number().int().min(5).max(600),
  location: z.string().max(200).nullish(),
  chairUserId: z.uuid(),
  leaveApproverUserId: z.uuid().nullish(),
  audience: z.enum(['all', 'listed']).default('listed'),
  attendeeUserIds: z.array(z.uuid()).max(500).optional(),
  agendaTemplate: z.string().max(20_000).optional(),
  onHoliday: z.enum(['skip', 'before', 'after']).optional(),
  clause: z.string().max(60).nullish(),
  requirementId: z.string().max(20).nullish(),
});
/** Monthly without a day takes it from `policyDayPath`, e.g. production.dispatchMeetingDay (PP-21);
 * audience all = every active person of the organisation when each meeting is generated. */
export type NewSeries = z.infer<typeof NewSeriesBody>;
