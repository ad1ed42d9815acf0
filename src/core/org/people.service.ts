import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '../access';
import { writeAudit } from '../audit';
import { assertStrongPassword, hashPassword } from '../password';
import type { Db } from '../db';
import { AppError, invalidField, notFound, versionConflict } from '../errors';
import { assertAdminsRemain, lockOrganisationAccess } from './admin-guard';
import { wouldCycle } from './department.rules';
import { type DepartmentKind, departments, roles, userRoles, users } from './org.schema';
import type { PersonView } from './org.contract';
import type { DepartmentChange, DepartmentView, RoleView } from './org.contract';

export type { DepartmentChange };

export type { PersonView };

export async function findPeople(db: Db, actor: Actor, now: Date): Promise<PersonView[]> {
  const rows = await db.select().from(users).where(eq(users.orgId, actor.orgId)).orderBy(asc(users.username));
  const links = await db.select().from(userRoles).where(eq(userRoles.orgId, actor.orgId));
  const byUser = new Map<string, string[]>();
  for (const l of links) byUser.set(l.userId, [...(byUser.get(l.userId) ?? []), l.roleCode]);
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    positions: u.positions,
    phone: u.phone,
    locale: u.locale,
    isActive: u.isActive,
    isLocked: !!u.lockedUntil && u.lockedUntil > now,
    roles: (byUser.get(u.id) ?? []).sort(),
    version: u.version,
  }));
}

export interface NewPerson {
  username: string;
  displayName: string;
  password: string;
  departmentId?: string | null;
  positions?: string[];
  phone?: string | null;
  roles?: string[];
}

async function assertRolesExist(db: Db, orgId: string, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const found = await db
    .select({ code: roles.code })
    .from(roles)
    .where(and(eq(roles.orgId, orgId), inArray(roles.code, codes)));
  const missing = codes.filter((c) => !found.some((f) => f.code === c));
  if (missing.length) throw invalidField('roles', `角色不存在：${missing.join('、')}`, `unknown role(s): ${missing.join(', ')}`);
}

async function assertDepartment(db: Db, orgId: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const [d] = await db
    .select({ id: departments.id, retiredAt: departments.retiredAt })
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.id, id)));
  if (!d) throw invalidField('departmentId', '部门不存在', 'unknown department');
  if (d.retiredAt) throw invalidField('departmentId', '该部门已撤销，请选择在用的部门', 'that department is retired; choose one in use');
}

/** Used by the admin screen, the CLI and the demo seed alike. */
export async function addPerson(db: Db, actor: Actor, input: NewPerson): Promise<PersonView> {
  requireAccess(actor, 'admin.users');
  const username = input.username.trim();
  if (!/^[A-Za-z0-9._-]{2,64}$/.test(username)) {
    throw invalidField('username', '用户名只能包含字母、数字、点、横线和下划线（2–64 位）', 'letters, digits, . _ - only (2–64)');
  }
  assertStrongPassword(input.password, 'password', username);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken) throw new AppError('CONFLICT', `用户名 ${username} 已被使用`, `Username ${username} is taken`, [{ field: 'username', reason: 'taken' }]);
  await assertDepartment(db, actor.orgId, input.departmentId);
  const roleCodes = [...new Set(input.roles ?? [])];
  await assertRolesExist(db, actor.orgId, roleCodes);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        orgId: actor.orgId,
        username,
        displayName: input.displayName.trim(),
        passwordHash,
        departmentId: input.departmentId ?? null,
        positions: input.positions ?? [],
        phone: input.phone ?? null,
      })
      .returning({ id: users.id });
    if (roleCodes.length) {
      await tx.insert(userRoles).values(roleCodes.map((roleCode) => ({ orgId: actor.orgId, userId: row.id, roleCode })));
    }
    await writeAudit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      after: { username, displayName: input.displayName, departmentId: input.departmentId ?? null, positions: input.positions ?? [], roles: roleCodes },
    });
    return row.id;
  });
  return getPerson(db, actor, id, new Date(0));
}

export async function getPerson(db: Db, actor: Actor, id: string, now: Date): Promise<PersonView> {
  const all = await findPeople(db, actor, now);
  const p = all.find((x) => x.id === id);
  if (!p) throw notFound('用户', 'User');
  return p;
}

export interface PersonChange {
  version: number;
  displayName?: string;
  departmentId?: string | null;
  positions?: string[];
  phone?: string | null;
  locale?: 'zh-CN' | 'en';
  isActive?: boolean;
  roles?: string[];
  newPassword?: string;
  unlock?: boolean;
}

export async function updatePerson(db: Db, actor: Actor, id: string, change: PersonChange, now: Date): Promise<PersonView> {
  requireAccess(actor, 'admin.users');
  const before = await getPerson(db, actor, id, now);
  if (before.version !== change.version) throw versionConflict();
  if (change.departmentId !== undefined) await assertDepartment(db, actor.orgId, change.departmentId);
  if (change.roles) await assertRolesExist(db, actor.orgId, change.roles);
  if (change.newPassword !== undefined) {
    const [target] = await db
      .select({ username: users.username })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, id)));
    assertStrongPassword(change.newPassword, 'newPassword', target?.username);
  }
  if (id === actor.userId && change.isActive === false) {
    throw invalidField('isActive', '不能停用自己的账号', 'you cannot deactivate your own account');
  }
  const passwordHash = change.newPassword ? await hashPassword(change.newPassword) : undefined;
  const changesAccess = change.roles !== undefined || change.isActive === false;
  await db.transaction(async (tx) => {
    const holders = changesAccess ? await lockOrganisationAccess(tx, actor.orgId) : undefined;
    const updated = await tx
      .update(users)
      .set({
        displayName: change.displayName?.trim(),
        departmentId: change.departmentId,
        positions: change.positions,
        phone: change.phone,
        locale: change.locale,
        isActive: change.isActive,
        passwordHash,
        passwordChangedAt: passwordHash ? now : undefined,
        ...(change.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
        version: sql`${users.version} + 1`,
      })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, id), eq(users.version, change.version)))
      .returning({ id: users.id });
    if (updated.length === 0) throw versionConflict();
    if (change.roles) {
      await tx.delete(userRoles).where(and(eq(userRoles.orgId, actor.orgId), eq(userRoles.userId, id)));
      const codes = [...new Set(change.roles)];
      if (codes.length) await tx.insert(userRoles).values(codes.map((roleCode) => ({ orgId: actor.orgId, userId: id, roleCode })));
    }
    if (holders) await assertAdminsRemain(tx, actor.orgId, holders);
    const { newPassword: _secret, version: _v, ...visible } = change;
    await writeAudit(tx, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before,
      after: { ...visible, ...(passwordHash ? { password: 'reset' } : {}) },
    });
  });
  return getPerson(db, actor, id, now);
}

export async function findRoles(db: Db, actor: Actor): Promise<RoleView[]> {
  return db.select().from(roles).where(eq(roles.orgId, actor.orgId)).orderBy(asc(roles.code));
}

export async function updateRolePermissions(
  db: Db,
  actor: Actor,
  code: string,
  input: { permissions: string[]; version: number },
  isDeclared: (code: string) => boolean,
): Promise<RoleView> {
  requireAccess(actor, 'admin.roles');
  const bad = input.permissions.filter((p) => !isDeclared(p));
  if (bad.length) throw invalidField('permissions', `未知权限：${bad.join('、')}`, `unknown permission(s): ${bad.join(', ')}`);
  const [before] = await db
    .select()
    .from(roles)
    .where(and(eq(roles.orgId, actor.orgId), eq(roles.code, code)));
  if (!before) throw notFound('角色', 'Role');
  return db.transaction(async (tx) => {
    const holders = await lockOrganisationAccess(tx, actor.orgId);
    const [row] = await tx
      .update(roles)
      .set({ permissions: [...new Set(input.permissions)].sort(), version: sql`${roles.version} + 1` })
      .where(and(eq(roles.orgId, actor.orgId), eq(roles.code, code), eq(roles.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await assertAdminsRemain(tx, actor.orgId, holders);
    await writeAudit(tx, actor, { action: 'role.update', entity: 'role', entityId: code, before: before.permissions, after: row.permissions });
    return row;
  });
}

/** Departments in use; `includeRetired` also lists retired ones (the admin page, old records). */
export async function findDepartments(db: Db, actor: Actor, opts: { includeRetired?: boolean } = {}): Promise<DepartmentView[]> {
  const where = [eq(departments.orgId, actor.orgId)];
  if (!opts.includeRetired) where.push(isNull(departments.retiredAt));
  return db
    .select()
    .from(departments)
    .where(and(...where))
    .orderBy(asc(departments.sort), asc(departments.name));
}

/**
 * Renames, moves (a new parent, never under itself or its own descendants) or retires a
 * department (issue 15 item 10). Retiring is refused while active people or departments in use
 * are still in it; the refusal names them.
 */
export async function updateDepartment(db: Db, actor: Actor, id: string, change: DepartmentChange, now: Date): Promise<DepartmentView> {
  requireAccess(actor, 'admin.org');
  return db.transaction(async (tx) => {
    const all = await tx.select().from(departments).where(eq(departments.orgId, actor.orgId));
    const before = all.find((d) => d.id === id);
    if (!before) throw notFound('部门', 'Department');
    if (before.version !== change.version) throw versionConflict();
    const next: Partial<typeof departments.$inferInsert> = {};
    if (change.name !== undefined) {
      const name = change.name.trim();
      if (!name) throw invalidField('name', '名称不能为空', 'is required');
      if (all.some((d) => d.id !== id && d.name === name)) {
        throw new AppError('CONFLICT', `部门 ${name} 已存在`, `Department ${name} exists`, [{ field: 'name', reason: 'exists' }]);
      }
      next.name = name;
    }
    if (change.parentId !== undefined) {
      const parentId = change.parentId ?? null;
      if (parentId) {
        const parent = all.find((d) => d.id === parentId);
        if (!parent) throw invalidField('parentId', '上级部门不存在', 'unknown parent');
        if (parent.retiredAt) throw invalidField('parentId', '上级部门已撤销', 'the parent is retired');
        if (wouldCycle(all, id, parentId)) {
          throw invalidField('parentId', '不能移到自身或其下级部门之下', 'cannot move a department under itself or one of its own sub-departments');
        }
      }
      next.parentId = parentId;
    }
    if (change.retired !== undefined) {
      if (change.retired && !before.retiredAt) {
        const people = await tx
          .select({ name: users.displayName })
          .from(users)
          .where(and(eq(users.orgId, actor.orgId), eq(users.departmentId, id), eq(users.isActive, true)))
          .orderBy(asc(users.displayName));
        const children = all.filter((d) => d.parentId === id && !d.retiredAt).map((d) => d.name);
        if (people.length || children.length) {
          const who = [...people.map((p) => p.name), ...children].join('、');
          throw new AppError(
            'INVALID_STATE',
            `不能撤销“${before.name}”：以下人员或下级部门仍在其中，请先调走：${who}`,
            `Cannot retire “${before.name}”: move these people or sub-departments out first: ${who}`,
            [...people.map((p) => ({ field: 'people', reason: p.name })), ...children.map((c) => ({ field: 'departments', reason: c }))],
          );
        }
        next.retiredAt = now;
      } else if (!change.retired) {
        if (before.parentId && all.find((d) => d.id === before.parentId)?.retiredAt) {
          throw invalidField('parentId', '上级部门已撤销，请先恢复上级或换一个上级', 'the parent is retired; restore it or choose another parent first');
        }
        next.retiredAt = null;
      }
    }
    const [row] = await tx
      .update(departments)
      .set({ ...next, version: sql`${departments.version} + 1` })
      .where(and(eq(departments.orgId, actor.orgId), eq(departments.id, id), eq(departments.version, change.version)))
      .returning();
    if (!row) throw versionConflict();
    const action =
      change.retired === true && !before.retiredAt
        ? 'department.retire'
        : change.retired === false && before.retiredAt
          ? 'department.restore'
          : 'department.update';
    await writeAudit(tx, actor, {
      action,
      entity: 'department',
      entityId: id,
      before: { name: before.name, parentId: before.parentId, retiredAt: before.retiredAt },
      after: { name: row.name, parentId: row.parentId, retiredAt: row.retiredAt },
    });
    return row;
  });
}

export async function addDepartment(db: Db, actor: Actor, input: { name: string; kind: DepartmentKind; parentId?: string | null }): Promise<DepartmentView> {
  requireAccess(actor, 'admin.org');
  const name = input.name.trim();
  if (!name) throw invalidField('name', '名称不能为空', 'is required');
  const [dup] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.orgId, actor.orgId), eq(departments.name, name)));
  if (dup) throw new AppError('CONFLICT', `部门 ${name} 已存在`, `Department ${name} exists`, [{ field: 'name', reason: 'exists' }]);
  await assertDepartment(db, actor.orgId, input.parentId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(departments)
      .values({ orgId: actor.orgId, name, kind: input.kind, parentId: input.parentId ?? null })
      .returning();
    await writeAudit(tx, actor, { action: 'department.create', entity: 'department', entityId: row.id, after: row });
    return row;
  });
}
