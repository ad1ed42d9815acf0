import type { AppContext } from '#core/http';
import { findActiveOrganisationIds } from '#core/org';
import { warnTeachers } from './assessment';
import { closeEndedSessions } from './attendance';
import { schoolYearOf } from './common';
import { remindSelfStudy } from './study';
import { orgToday } from '#core/calendar';

/** Every scheduler tick: close the lists of ended sessions (absentees recorded). */
export async function closeEndedSessionsJob(ctx: AppContext): Promise<void> {
  await closeEndedSessions(ctx.db, ctx.clock());
}

// The reminder needs looking at once an hour, not on every scheduler tick.
const REMINDER_EVERY_MS = 3_600_000;
let lastReminderRun = 0;

/** Gentle weekly self-study reminders (ST-5), at most once a week per teacher. */
export async function remindSelfStudyJob(ctx: AppContext): Promise<void> {
  const now = ctx.clock().getTime();
  if (Math.abs(now - lastReminderRun) < REMINDER_EVERY_MS) return;
  lastReminderRun = now;
  // A disabled school (issue 12) is skipped.
  for (const id of await findActiveOrganisationIds(ctx.db, 'school', 'training')) await remindSelfStudy(ctx.db, id, ctx.clock());
}

let lastWarningRun = 0;

/** Teachers near the absence limit or behind the credit pace hear of it (issue 13 item 4), hourly. */
export async function warnTeachersJob(ctx: AppContext): Promise<void> {
  const now = ctx.clock();
  if (Math.abs(now.getTime() - lastWarningRun) < REMINDER_EVERY_MS) return;
  lastWarningRun = now.getTime();
  for (const id of await findActiveOrganisationIds(ctx.db, 'school', 'training'))
    await warnTeachers(ctx.db, id, schoolYearOf(await orgToday(ctx.db, id, now)), now);
}
