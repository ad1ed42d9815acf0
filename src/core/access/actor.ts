import { AppError } from '../errors';
import type { Permission } from './permissions';

// Who is acting. Built once per request from the session; passed to every use case.
export interface Actor {
  orgId: string;
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  locale: 'zh-CN' | 'en';
  /**
   * The non-core modules the organisation has switched on, read with the person (issue 12), so
   * a module's route scope need not ask again. Absent for actors not loaded from a session.
   */
  modules?: readonly string[];
}

export const hasPermission = (actor: Actor, permission: Permission): boolean => actor.permissions.has(permission);

/**
 * A refusal for want of a permission. The code stays in the error for the API; the server
 * answers with the permission's label as the modules declare it (never the code, issue 15.1).
 */
export class PermissionError extends AppError {
  constructor(readonly permissions: readonly Permission[]) {
    super('FORBIDDEN', '没有权限执行此操作', 'You do not have permission for this');
  }

  /** The same refusal, naming the permissions in words. */
  labelled(labelOf: (code: Permission) => { zh: string; en: string } | undefined): AppError {
    const labels = this.permissions.map((p) => labelOf(p)).filter((l) => l !== undefined);
    if (labels.length === 0) return this;
    return new AppError('FORBIDDEN', `没有权限：${labels.map((l) => l.zh).join(' 或 ')}`, `Permission required: ${labels.map((l) => l.en).join(' or ')}`);
  }
}

export function requireAccess(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw new PermissionError([permission]);
}

/** Passes when the actor holds any of the permissions. */
export function requireAnyAccess(actor: Actor, permissions: readonly Permission[]): void {
  if (!permissions.some((p) => actor.permissions.has(p))) throw new PermissionError(permissions);
}

/** Every permission there is: the scheduler and the CLI act with all of them. */
class EveryPermission extends Set<Permission> {
  override has(_permission: Permission): boolean {
    return true;
  }
}

export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/** The user to record as having acted: null for the system actor, which is nobody in the users table. */
export const userIdOf = (actor: Actor): string | null => (actor.userId === SYSTEM_USER_ID ? null : actor.userId);

/** A system actor for the scheduler, the CLI and seeders; it acts inside one organisation. */
export function systemActor(orgId: string, permissions: ReadonlySet<Permission> = new EveryPermission()): Actor {
  return {
    orgId,
    userId: SYSTEM_USER_ID,
    username: 'system',
    displayName: '系统',
    roles: [],
    permissions,
    locale: 'zh-CN',
  };
}
