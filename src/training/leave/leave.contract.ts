import { z } from 'zod';
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
