import { z } from 'zod';
import { SessionViewSchema } from '../session';
import { Version, Words } from '../common';
import { ATTENDANCE_STATUSES } from './attendance.schema';

// Sign-in and attendance (ST-4): what the attendance routes answer. No client address, no QR secret.

export const AttendanceViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  sessionId: z.string(),
  teacherId: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  lateMinutes: z.number(),
  leftEarlyMinutes: z.number(),
  signedInAt: z.date().nullable(),
  signedOutAt: z.date().nullable(),
  source: z.enum(['self_qr', 'recorder', 'override', 'leave', 'system']),
  flags: z.array(z.string()),
  deviceId: z.string().nullable(),
  leaveId: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.date(),
  updatedBy: z.string().nullable(),
  version: z.number(),
});

export const AttendanceCountsSchema = z.object({
  expected: z.number(),
  present: z.number(),
  onTime: z.number(),
  late: z.number(),
  leftEarly: z.number(),
  absent: z.number(),
  excused: z.number(),
  notSignedIn: z.number(),
  rate: z.number().nullable(),
});

export const RosterSchema = z.object({
  session: SessionViewSchema,
  rows: z.array(
    z.object({
      teacherId: z.string(),
      name: z.string(),
      staffNo: z.string(),
      groupName: z.string().nullable(),
      status: z.enum([...ATTENDANCE_STATUSES, 'pending', 'not_signed_in']),
      record: AttendanceViewSchema.nullable(),
    }),
  ),
  counts: AttendanceCountsSchema,
  canOverrideLock: z.boolean(),
});

/** The values a change entry keeps, as stored (JSON: instants are ISO strings). */
export const AttendanceSnapshotSchema = z.looseObject({
  status: z.enum(ATTENDANCE_STATUSES),
  lateMinutes: z.number().optional(),
  leftEarlyMinutes: z.number().optional(),
  signedInAt: z.string().nullable().optional(),
  signedOutAt: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});
export type AttendanceSnapshot = z.infer<typeof AttendanceSnapshotSchema>;

export const AttendanceChangeSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  attendanceId: z.string(),
  sessionId: z.string(),
  changedAt: z.date(),
  changedBy: z.string(),
  changedByName: z.string(),
  reason: z.string(),
  before: AttendanceSnapshotSchema.nullable(),
  after: AttendanceSnapshotSchema,
  teacherName: z.string(),
});
export type AttendanceChange = z.infer<typeof AttendanceChangeSchema>;

export const ScreenQrSchema = z.object({
  token: z.string(),
  url: z.string(),
  svg: z.string(),
  mode: z.enum(['in', 'out']),
  expiresAt: z.date(),
  periodSeconds: z.number(),
  phase: z.enum(['upcoming', 'open', 'ended', 'cancelled']),
});

export const SignInResultSchema = z.object({
  record: AttendanceViewSchema,
  isNew: z.boolean(),
  message: Words,
  session: z.object({ id: z.string(), title: z.string(), startsAt: z.date(), endsAt: z.date() }),
});

export type AttendanceViewData = z.infer<typeof AttendanceViewSchema>;
export type RosterData = z.infer<typeof RosterSchema>;
export type ScreenQrData = z.infer<typeof ScreenQrSchema>;
export type SignInResult = z.infer<typeof SignInResultSchema>;

// Requests.

export const ScreenQrQuery = z.object({ mode: z.enum(['in', 'out']).default('in') });

export const ScanBody = z.object({
  token: z.string().max(200),
  /** A random id the phone keeps in its storage: one phone signing in many teachers is flagged. */
  deviceId: z.string().max(64).nullish(),
});

export const HoldScanBody = z.object({ token: z.string().max(200) });

export const MarkAttendanceBody = z.object({
  teacherId: z.uuid(),
  status: z.enum(ATTENDANCE_STATUSES),
  lateMinutes: z.number().int().min(0).max(600).optional(),
  leftEarlyMinutes: z.number().int().min(0).max(600).optional(),
  /** Required when a record exists (a correction); every correction is audited. */
  reason: z.string().max(500).optional(),
  /** The record's version when correcting it. */
  version: Version.optional(),
});

export type ScanInput = z.infer<typeof ScanBody>;
export type MarkInput = z.infer<typeof MarkAttendanceBody>;
