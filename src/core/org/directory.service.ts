import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Permission } from '../access';
import type { Db } from '../db';
import { roles, userRoles, users } from './org.schema';

/** Active people holding a role (e.g. the approvers of a chain step). */
export async function findUserIdsWithRole(db: Db, orgId: string, roleCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(userRoles)
    .innerJoin(users, and(eq(users.orgId, userRoles.orgId), eq(users.id, userRoles.userId)))
    .where(and(eq(userRoles.orgId, orgId), eq(userRoles.roleCode, roleCode), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

/** Active people holding any role that grants the permission. */
export async function findUserIdsWithPermission(db: Db, orgId: string, permission: Permission): Promise<string[]> {
  const codes = (
    await db
      .select({ code: roles.code })
      .from(roles)
      .where(and(eq(roles.orgId, orgId), sql`${permission} = any(${roles.permissions})`))
  ).map((r) => r.code);
  if (codes.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, and(eq(users.orgId, userRoles.orgId), eq(users.id, userRoles.userId)))
    .where(and(eq(userRoles.orgId, orgId), inArray(userRoles.roleCode, codes), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

/** Active people of a department (distribution to a department reaches them). */
export async function findUserIdsInDepartment(db: Db, orgId: string, departmentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.departmentId, departmentId), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}
