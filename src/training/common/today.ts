import { localDateOf } from '#core/calendar';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { schoolYearOf } from './school-year.rules';

/** Today in the school's own time zone (a day starts at local midnight, not UTC). */
export async function localToday(db: Db, orgId: string, now: Date): Promise<string> {
  const policy = await getPolicy(db, orgId);
  return localDateOf(now, policy.calendar.utcOffsetMinutes);
}

/** The school year asked for, or the current one. */
export async function schoolYearOrCurrent(db: Db, orgId: string, now: Date, asked?: string): Promise<string> {
  return asked ?? schoolYearOf(await localToday(db, orgId, now));
}
