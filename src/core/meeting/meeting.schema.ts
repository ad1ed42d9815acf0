import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Recurrence } from './recurrence.rules';

export type MeetingKind = 'dispatch' | 'study' | 'coordination' | 'other';
export type MeetingState = 'planned' | 'held' | 'cancelled';
export type AttendeeStatus = 'invited' | 'present' | 'late' | 'absent' | 'excused';
export type LeaveState = 'pending' | 'approved' | 'rejected';
export type HolidayRule = 'skip' | 'before' | 'after';

export const meetingSeries = pgTable(
  'meeting_series',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    recurrence: jsonb('recurrence').$type<Recurrence>().notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    location: text('location'),
    chairUserId: uuid('chair_user_id').notNull(),
    leaveApproverUserId: uuid('leave_approver_user_id'),
    audience: text('audience').$type<'all' | 'listed'>().notNull().default('listed'),
    agendaTemplate: text('agenda_template').notNull().default(''),
    onHoliday: text('on_holiday').$type<HolidayRule>().notNull().default('skip'),
    policyDayPath: text('policy_day_path'),
    clause: text('clause'),
    requirementId: text('requirement_id'),
    generatedUntil: date('generated_until', { mode: 'string' }),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const meetingSeriesMembers = pgTable(
  'meeting_series_members',
  {
    orgId: uuid('org_id').notNull(),
    seriesId: uuid('series_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.seriesId, t.userId] })],
);

export const meetings = pgTable(
  'meetings',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    seriesId: uuid('series_id'),
    occursOn: date('occurs_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    chairUserId: uuid('chair_user_id').notNull(),
    leaveApproverUserId: uuid('leave_approver_user_id'),
    location: text('location'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    agenda: text('agenda').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    state: text('state').$type<MeetingState>().notNull().default('planned'),
    clause: text('clause'),
    requirementId: text('requirement_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    orgId: uuid('org_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    status: text('status').$type<AttendeeStatus>().notNull().default('invited'),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.meetingId, t.userId] })],
);

export const meetingLeaveRequests = pgTable(
  'meeting_leave_requests',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    reason: text('reason').notNull(),
    substituteUserId: uuid('substitute_user_id'),
    state: text('state').$type<LeaveState>().notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    body: text('body').notNull(),
    sort: integer('sort').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const meetingActions = pgTable(
  'meeting_actions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    decisionId: uuid('decision_id'),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    state: text('state').$type<'open' | 'done' | 'cancelled'>().notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    deadlineId: uuid('deadline_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type MeetingRow = typeof meetings.$inferSelect;
export type SeriesRow = typeof meetingSeries.$inferSelect;
