import { and, eq, sql } from 'drizzle-orm';
import { type Actor, isPermissionCode, type Permission } from '../access';
import type { Db } from '../db';
import { organisations, orgModules, roles, userRoles, users } from '../org';

/**
 * Builds the acting person from the database: roles and their permissions as data.
 * One query per request: the user joined to their role assignments and those roles, with
 * the organisation's state and its switched-on modules.
 */
export async function loadActor(db: Db, orgId: string, userId: string): Promise<Actor | undefined> {
  const rows = await db
    .select({
      username: users.username,
      displayName: users.displayName,
      isActive: users.isActive,
      orgDisabledAt: organisations.disabledAt,
      locale: users.locale,
      roleCode: userRoles.roleCode,
      permissions: roles.permissions,
      // The organisation's modules in the same statement: every module route checks them.
      modules: sql<string[]>`array(select ${orgModules.module} from ${orgModules} where ${orgModules.orgId} = ${users.orgId} order by 1)`,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .leftJoin(userRoles, and(eq(userRoles.orgId, users.orgId), eq(userRoles.userId, users.id)))
    .leftJoin(roles, and(eq(roles.orgId, userRoles.orgId), eq(roles.code, userRoles.roleCode)))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
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
    orgId,
    userId,
    username: user.username,
    displayName: user.displayName,
    roles: codes,
    permissions,
    locale: user.locale === 'en' ? 'en' : 'zh-CN',
    modules: user.modules ?? [],
  };
}
