import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Actor } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import { users } from '../org';
import { loadActor } from './actor-loader';
import { sessions } from './auth.schema';
import { assertStrongPassword, hashPassword, verifyPassword } from './password';

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

export async function login(
  db: Db,
  input: { username: string; password: string },
  now: Date,
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.username, input.username.trim()));
  if (!user || !user.isActive) {
    // Same work either way, so timing does not tell which usernames exist.
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verifyPassword(await dummyHash, input.password);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000);
    throw new AppError(
      'ACCOUNT_LOCKED',
      `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
      `Too many failed sign-ins; the account is locked for ${minutes} more minute(s)`,
    );
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failed = user.failedLogins + 1;
    const lock = failed >= settings.maxFailedLogins;
    await db
      .update(users)
      .set({
        failedLogins: lock ? 0 : failed,
        lockedUntil: lock ? new Date(now.getTime() + settings.lockMinutes * 60000) : user.lockedUntil,
      })
      .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
    throw badCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.sessionHours * 3600_000);
  const actor = await loadActor(db, user.orgId, user.id);
  if (!actor) throw badCredentials();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
    await tx.delete(sessions).where(and(eq(sessions.orgId, user.orgId), lt(sessions.expiresAt, now)));
    await tx.insert(sessions).values({ orgId: user.orgId, id: hashToken(token), userId: user.id, csrfToken, expiresAt });
    await writeAudit(tx, actor, { action: 'login', entity: 'user', entityId: user.id });
  });
  return { token, csrfToken, actor, expiresAt };
}

export interface SessionInfo {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionInfo | undefined> {
  const id = hashToken(token);
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (!row) return undefined;
  const actor = await loadActor(db, row.orgId, row.userId);
  if (!actor) return undefined;
  return { sessionId: id, csrfToken: row.csrfToken, actor };
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
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | undefined,
  now: Date,
): Promise<void> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', 'The current password is wrong', [
      { field: 'currentPassword', reason: 'wrong password' },
    ]);
  }
  assertStrongPassword(input.newPassword, 'newPassword');
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
