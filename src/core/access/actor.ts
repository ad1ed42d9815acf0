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
}

export const hasPermission = (actor: Actor, permission: Permission): boolean => actor.permissions.has(permission);

export function requireAccess(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) {
    throw new AppError('FORBIDDEN', `没有权限：${permission}`, `Permission required: ${permission}`);
  }
}

/** Every permission there is: the scheduler and the CLI act with all of them. */
class EveryPermission extends Set<Permission> {
  override has(_permission: Permission): boolean {
    return true;
  }
}

export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

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
