import { localDateOf } from '#core/calendar';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';

/** The organisation's calendar day at `now` (its own UTC offset, never the server's). */
export async function localToday(db: Db, orgId: string, now: Date): Promise<string> {
  const policy = await getPolicy(db, orgId);
  return localDateOf(now, policy.calendar.utcOffsetMinutes);
}
