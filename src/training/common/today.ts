import { orgToday, schoolYearOf } from '#core/calendar';
import type { Db } from '#core/db';

/** The school year asked for, or the current one. */
export async function schoolYearOrCurrent(db: Db, orgId: string, now: Date, asked?: string): Promise<string> {
  return asked ?? schoolYearOf(await orgToday(db, orgId, now));
}
