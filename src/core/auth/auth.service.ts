import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Actor } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import { organisations, users } from '../org';
import { loadActor, loadSessionActor } from './actor-loader';
import { sessions } from './auth.schema';
import { checkLoginRate, pruneLoginRate, recordLoginFailure } from './login-rate';
import { assertStrongPassword, hashPassword, verifyPassword } from '../password';
import type { z } from 'zod';
import type { LoginBody, PasswordChangeBody } from './auth.contract';

export interface AuthSettings {
  maxFailedLogins: number;
  lockMinutes: number;
  sessionHours: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = { maxFailedLogins: 5, lockMinutes: 15, sessionHours: 12 };

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

let dummyHash: Promise<string> | undefined;

const badCredentials = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

export interface LoginMeta {
  /** The client's address (per-address limit); absent for sign-ins the server makes itself. */
  address?: string;
}

const accountLocked = (lockedUntil: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60000));
  return new AppError(
    'ACCOUNT_LOCKED',
    `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
    `Too many failed sign-ins; the account is locked for ${minutes} more minute(s)`,
  );
};

/**
 * Takes one attempt from the account's allowance in one atomic statement, before the password
 * is checked: concurrent guesses each get their own number, so at most maxFailedLogins of them
 * are ever checked before the lock, whatever the timing. A success gives the count back.
 */
async function reserveAttempt(db: Db, user: { orgId: string; id: string }, now: Date, settings: AuthSettings): Promise<number> {
  const at = now.toISOString();
  const [row] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1`, lockedUntil: null })
    .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id), sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= ${at}::timestamptz)`))
    .returning({ attempt: users.failedLogins });
  if (!row) {
    const [locked] = await db
      .select({ lockedUntil: users.lockedUntil })
      .from(users)
      .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
    throw accountLocked(locked?.lockedUntil ?? new Date(now.getTime() + settings.lockMinutes * 60000), now);
  }
  return row.attempt;
}

async function lockAccount(db: Db, user: { orgId: string; id: string }, now: Date, settings: AuthSettings): Promise<Date> {
  const until = new Date(now.getTime() + settings.lockMinutes * 60000);
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: until })
    .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
  return until;
}

export async function login(
  db: Db,
  input: z.infer<typeof LoginBody>,
  now: Date,
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
  meta: LoginMeta = {},
): Promise<LoginResult> {
  if (meta.address) await checkLoginRate(db, meta.address, now);
  const failed = async (): Promise<never> => {
    if (meta.address) await recordLoginFailure(db, meta.address, now);
    throw badCredentials();
  };
  const [user] = await db.select().from(users).where(eq(users.username, input.username.trim()));
  if (!user?.isActive) {
    // Same work either way, so timing does not tell which usernames exist.
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verifyPassword(await dummyHash, input.password);
    return failed();
  }
  const attempt = await reserveAttempt(db, user, now, settings);
  if (attempt > settings.maxFailedLogins) {
    // More guesses in flight than the allowance: the ones past it are not even checked.
    throw accountLocked(await lockAccount(db, user, now, settings), now);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    if (attempt >= settings.maxFailedLogins) await lockAccount(db, user, now, settings);
    return failed();
  }
  // Issue 12: told only to whoever knows the password, so it says nothing to a guesser.
  const [org] = await db.select({ disabledAt: organisations.disabledAt }).from(organisations).where(eq(organisations.id, user.orgId));
  if (org?.disabledAt) {
    await db
      .update(users)
      .set({ failedLogins: 0 })
      .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
    throw new AppError('FORBIDDEN', '该组织已停用，请联系平台运营方', 'This organisation is disabled; contact the platform operator');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.sessionHours * 3600_000);
  const actor = await loadActor(db, user.orgId, user.id);
  if (!actor) throw badCredentials();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0 })
      .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
    await tx.delete(sessions).where(and(eq(sessions.orgId, user.orgId), lt(sessions.expiresAt, now)));
    await tx.insert(sessions).values({ orgId: user.orgId, id: hashToken(token), userId: user.id, csrfToken, expiresAt });
    await writeAudit(tx, actor, { action: 'login', entity: 'user', entityId: user.id });
  });
  if (meta.address) await pruneLoginRate(db, now);
  return { token, csrfToken, actor, expiresAt };
}

export interface SessionInfo {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionInfo | undefined> {
  const id = hashToken(token);
  const found = await loadSessionActor(db, id, now);
  return found && { sessionId: id, csrfToken: found.csrfToken, actor: found.actor };
}

export async function logout(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(and(eq(sessions.orgId, actor.orgId), eq(sessions.id, sessionId)));
    await writeAudit(tx, actor, { action: 'logout', entity: 'user', entityId: actor.userId });
  });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: z.infer<typeof PasswordChangeBody>,
  keepSessionId: string | undefined,
  now: Date,
): Promise<void> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', 'The current password is wrong', [{ field: 'currentPassword', reason: 'wrong password' }]);
  }
  assertStrongPassword(input.newPassword, 'newPassword', actor.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, version: sql`${users.version} + 1` })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
    // Other sessions end: a changed password must lock out whoever knew the old one.
    const others = keepSessionId
      ? and(eq(sessions.orgId, actor.orgId), eq(sessions.userId, actor.userId), sql`${sessions.id} <> ${keepSessionId}`)
      : and(eq(sessions.orgId, actor.orgId), eq(sessions.userId, actor.userId));
    await tx.delete(sessions).where(others);
    await writeAudit(tx, actor, { action: 'password.change', entity: 'user', entityId: actor.userId });
  });
}
