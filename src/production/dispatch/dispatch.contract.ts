import { z } from 'zod';

// The production dispatch meetings (PP-21) and the agenda their records give.

const MEETING_STATES = ['planned', 'held', 'cancelled'] as const;

export const DispatchMeeting = z.object({
  id: z.string(),
  title: z.string(),
  occursOn: z.string(),
  startsAt: z.date(),
  state: z.enum(MEETING_STATES),
  chairName: z.string(),
  version: z.number().int(),
  isPrefilled: z.boolean(),
  link: z.string(),
});
export type DispatchMeeting = z.infer<typeof DispatchMeeting>;

export const DispatchAgenda = z.object({ date: z.string(), agenda: z.string() });
export type DispatchAgenda = z.infer<typeof DispatchAgenda>;

/** The meeting as stored after its agenda was pre-filled. */
export const DispatchMeetingOut = z.object({
  id: z.string(),
  seriesId: z.string().nullable(),
  occursOn: z.string(),
  title: z.string(),
  kind: z.string(),
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
