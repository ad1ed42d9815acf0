import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** S1 考勤 一: on time, late, left early, absent; excused by approved leave. */
export const ATTENDANCE_STATUSES = ['on_time', 'late', 'left_early', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Where a record came from (ANCHORS: record each sign-in's source rather than trusting it). */
export type AttendanceSource = 'self_qr' | 'recorder' | 'override' | 'leave' | 'system';

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    status: text('status').$type<AttendanceStatus>().notNull(),
    lateMinutes: integer('late_minutes').notNull().default(0),
    leftEarlyMinutes: integer('left_early_minutes').notNull().default(0),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }),
    signedOutAt: timestamp('signed_out_at', { withTimezone: true }),
    source: text('source').$type<AttendanceSource>().notNull(),
    flags: text('flags').array().notNull().default([]),
    deviceId: text('device_id'),
    clientIp: text('client_ip'),
    leaveId: uuid('leave_id'),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type AttendanceRow = typeof trainingAttendance.$inferSelect;

export const attendanceChanges = pgTable(
  'training_attendance_changes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    attendanceId: uuid('attendance_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    changedBy: uuid('changed_by').notNull(),
    changedByName: text('changed_by_name').notNull(),
    reason: text('reason').notNull(),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
