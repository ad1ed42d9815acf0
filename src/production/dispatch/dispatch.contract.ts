import { z } from 'zod';
import { MEETING_STATES, MeetingRowSchema } from '#core/meeting';

// The production dispatch meetings (PP-21) and the agenda their records give.

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
export const DispatchMeetingOut = MeetingRowSchema;

// Request schemas.

/** The day whose records the agenda is drawn from (GET /production/dispatch/agenda). */
export const AgendaQuery = z.object({ date: z.iso.date() });

export const AgendaPrefillBody = z.object({ version: z.number().int() });
