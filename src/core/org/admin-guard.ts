import { and, eq, sql } from 'drizzle-orm';
import type { Permission } from '../access';
import type { Db } from '../db';
import { AppError } from '../errors';
import { organisations, roles, userRoles, users } from './org.schema';

// Whoever can change roles and people must never remove the last person able to do so:
// nothing in the app could undo it. Checked after the change, inside its transaction.
const KEEPERS: { permission: Permission; zh: string; en: string }[] = [
  { permission: 'admin.roles', zh: '角色与权限', en: 'Roles and permissions' },
  { permission: 'admin.users', zh: '用户管理', en: 'Manage users' },
];

export type AdminHolders = Record<Permission, number>;

/**
 * Serialises changes to who holds what in one organisation (two removals at once cannot both
 * pass) and counts the holders before the change.
 */
export async function lockOrganisationAccess(tx: Db, orgId: string): Promise<AdminHolders> {
  await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId)).for('update');
  const before = {} as AdminHolders;
  for (const k of KEEPERS) before[k.permission] = await countHolders(tx, orgId, k.permission);
  return before;
}

async function countHolders(tx: Db, orgId: string, permission: Permission): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.orgId, users.orgId), eq(userRoles.userId, users.id)))
    .innerJoin(roles, and(eq(roles.orgId, userRoles.orgId), eq(roles.code, userRoles.roleCode)))
    .where(and(eq(users.orgId, orgId), eq(users.isActive, true), sql`${permission} = any(${roles.permissions})`));
  return row?.n ?? 0;
}

/** Refuses (and so rolls back) a change that removes the last active holder of admin.roles or admin.users. */
export async function assertAdminsRemain(tx: Db, orgId: string, before: AdminHolders): Promise<void> {
  for (const k of KEEPERS) {
    if (before[k.permission] > 0 && (await countHolders(tx, orgId, k.permission)) === 0) {
      throw new AppError(
        'INVALID_STATE',
        `不能保存：这样将没有任何在用账号拥有“${k.zh}”权限，之后无法再修改。请先把该权限授予另一位在用人员。`,
        `Not saved: no active account would hold “${k.en}” any more, and nobody could undo it. Give it to another active person first.`,
        [{ field: 'permissions', reason: `the last holder of ${k.permission} would be removed` }],
      );
    }
  }
}
