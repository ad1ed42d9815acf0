import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, isPermissionCode, type Permission } from '../access';
import type { Db } from '../db';
import { roles, userRoles, users } from '../org';

/** Builds the acting person from the database: roles and their permissions as data. */
export async function loadActor(db: Db, orgId: string, userId: string): Promise<Actor | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  if (!user?.isActive) return undefined;
  const codes = (
    await db
      .select({ code: userRoles.roleCode })
      .from(userRoles)
      .where(and(eq(userRoles.orgId, orgId), eq(userRoles.userId, userId)))
  ).map((r) => r.code);
  const permissions = new Set<Permission>();
  if (codes.length > 0) {
    const rows = await db
      .select({ permissions: roles.permissions })
      .from(roles)
      .where(and(eq(roles.orgId, orgId), inArray(roles.code, codes)));
    for (const r of rows) for (const p of r.permissions) if (isPermissionCode(p)) permissions.add(p);
  }
  return {
    orgId,
    userId,
    username: user.username,
    displayName: user.displayName,
    roles: codes,
    permissions,
    locale: user.locale === 'en' ? 'en' : 'zh-CN',
  };
}
