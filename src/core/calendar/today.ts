import type { Db } from '../db';
import { getPolicy } from '../policy';
import { localDateOf } from './calendar.rules';

/** The organisation's calendar day at `now` (its policy's UTC offset, never the server's zone). */
export async function orgToday(db: Db, orgId: string, now: Date): Promise<string> {
  const policy = await getPolicy(db, orgId);
  return localDateOf(now, policy.calendar.utcOffsetMinutes);
}
