import { and, eq, gt, sql } from 'drizzle-orm';
import { type Actor, isPermissionCode, type Permission } from '../access';
import type { Db } from '../db';
import { organisations, orgModules, roles, userRoles, users } from '../org';
import { sessions } from './auth.schema';

const actorFields = {
  orgId: users.orgId,
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  isActive: users.isActive,
  orgDisabledAt: organisations.disabledAt,
  locale: users.locale,
  roleCode: userRoles.roleCode,
  permissions: roles.permissions,
  // The organisation's modules in the same statement: every module route checks them.
  modules: sql<string[]>`array(select ${orgModules.module} from ${orgModules} where ${orgModules.orgId} = ${users.orgId} order by 1)`,
};

interface ActorRow {
  orgId: string;
  userId: string;
  username: string;
  displayName: string;
  isActive: boolean;
  orgDisabledAt: Date | null;
  locale: string | null;
  roleCode: string | null;
  permissions: readonly string[] | null;
  modules: string[] | null;
}

/** The rows of one person, one per role: the user joined to their roles and organisation. */
function actorOf(rows: readonly ActorRow[]): Actor | undefined {
  const user = rows[0];
  // Issue 12: a disabled organisation's sessions stop working at the next request.
  if (!user?.isActive || user.orgDisabledAt) return undefined;
  const codes: string[] = [];
  const permissions = new Set<Permission>();
  for (const r of rows) {
    if (r.roleCode !== null && !codes.includes(r.roleCode)) codes.push(r.roleCode);
    for (const p of r.permissions ?? []) if (isPermissionCode(p)) permissions.add(p);
  }
  return {
    orgId: user.orgId,
    userId: user.userId,
    username: user.username,
    displayName: user.displayName,
    roles: codes,
    permissions,
    locale: user.locale === 'en' ? 'en' : 'zh-CN',
    modules: user.modules ?? [],
  };
}

/**
 * Builds the acting person from the database: roles and their permissions as data.
 * One query: the user joined to their role assignments and those roles, with the
 * organisation's state and its switched-on modules.
 */
export async function loadActor(db: Db, orgId: string, userId: string): Promise<Actor | undefined> {
  const rows = await db
    .select(actorFields)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .leftJoin(userRoles, and(eq(userRoles.orgId, users.orgId), eq(userRoles.userId, users.id)))
    .leftJoin(roles, and(eq(roles.orgId, userRoles.orgId), eq(roles.code, userRoles.roleCode)))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return actorOf(rows);
}

/**
 * Every signed-in request: the session (by its hashed token, unexpired) and its person in one
 * statement, where a session read and then an actor read took two (issue 10: a full hall's
 * scans queue on one embedded connection, so each statement saved is time off the queue).
 */
export async function loadSessionActor(db: Db, sessionId: string, now: Date): Promise<{ csrfToken: string; actor: Actor } | undefined> {
  const rows = await db
    .select({ ...actorFields, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, and(eq(users.orgId, sessions.orgId), eq(users.id, sessions.userId)))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .leftJoin(userRoles, and(eq(userRoles.orgId, users.orgId), eq(userRoles.userId, users.id)))
    .leftJoin(roles, and(eq(roles.orgId, userRoles.orgId), eq(roles.code, userRoles.roleCode)))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)));
  const actor = actorOf(rows);
  return actor && { csrfToken: rows[0].csrfToken, actor };
}
