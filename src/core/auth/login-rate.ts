import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { AppError } from '../errors';
import { loginThrottle } from './auth.schema';

// Per-address limit on failed sign-ins, in the database (several app processes share it).
// It slows guessing across many usernames; the per-account lock stops guessing one password.
// Only failures count: a school hall behind one address signs in by the hundred.
export const LOGIN_RATE = { windowSeconds: 60, maxFailures: 20 } as const;

const windowStart = (now: Date) => new Date(now.getTime() - LOGIN_RATE.windowSeconds * 1000);

/** Refuses an address that used up its failures in the current window. */
export async function checkLoginRate(db: Db, address: string, now: Date, max: number = LOGIN_RATE.maxFailures): Promise<void> {
  const [row] = await db
    .select({ failures: loginThrottle.failures })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.address, address), gt(loginThrottle.windowStartedAt, windowStart(now))));
  if ((row?.failures ?? 0) >= max) {
    throw new AppError('RATE_LIMITED', '登录尝试过于频繁，请稍后再试', 'Too many sign-in attempts; try again later');
  }
}

/** Counts one failure in one atomic statement; a new window starts when the old one has ended. */
export async function recordLoginFailure(db: Db, address: string, now: Date): Promise<number> {
  const isCurrent = sql`${loginThrottle.windowStartedAt} > ${windowStart(now).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(loginThrottle)
    .values({ address, windowStartedAt: now, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.address,
      set: {
        failures: sql`case when ${isCurrent} then ${loginThrottle.failures} + 1 else 1 end`,
        windowStartedAt: sql`case when ${isCurrent} then ${loginThrottle.windowStartedAt} else ${now.toISOString()}::timestamptz end`,
      },
    })
    .returning({ failures: loginThrottle.failures });
  return row.failures;
}

/** Forgets windows that have ended (after a successful sign-in; indexed and cheap). */
export async function pruneLoginRate(db: Db, now: Date): Promise<void> {
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStartedAt, windowStart(now)));
}

/** Clears every address's count (tests, or an administrator after an incident). */
export async function resetLoginRate(db: Db): Promise<void> {
  await db.delete(loginThrottle);
}
