import { z } from 'zod';
import { IsoDay, Version } from '../common';
import { LEAVE_KINDS } from './leave.schema';

// Leave for a session (ST-4, S1 考勤 一): what the leave routes answer.

export const LeaveViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  sessionId: z.string(),
  teacherId: z.string(),
  kind: z.enum(LEAVE_KINDS),
  reason: z.string(),
  attachmentId: z.string().nullable(),
  state: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  requestedAt: z.date(),
  requestedBy: z.string(),
  decidedAt: z.date().nullable(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  opinion: z.string().nullable(),
  version: z.number(),
  teacherName: z.string(),
  sessionTitle: z.string(),
  sessionDate: z.string(),
  startsAt: z.date(),
});

export type LeaveViewData = z.infer<typeof LeaveViewSchema>;

// Requests: what the routes accept.

export const LeaveRequestsQuery = z.object({
  state: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional(),
  sessionId: z.uuid().optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const LeaveExportQuery = z.object({ from: IsoDay.optional(), to: IsoDay.optional() });

export const NewLeaveBody = z.object({ sessionId: z.uuid(), kind: z.enum(LEAVE_KINDS), reason: z.string().max(1000), attachmentId: z.uuid().nullish() });

export const WithdrawLeaveBody = z.object({ version: Version });

export const LeaveDecisionBody = z.object({ isApproved: z.boolean(), opinion: z.string().max(500).nullish(), version: Version });

export const LeaveBulkDecisionBody = z.object({
  items: z.array(z.object({ id: z.uuid(), version: Version })).max(500),
  isApproved: z.boolean(),
  opinion: z.string().max(500).nullish(),
});

export type LeaveInput = z.infer<typeof NewLeaveBody>;
