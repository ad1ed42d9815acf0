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

/** A system actor for the scheduler and the CLI; it acts inside one organisation. */
export function systemActor(orgId: string, permissions: ReadonlySet<Permission>): Actor {
  return {
    orgId,
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: '系统',
    roles: [],
    permissions,
    locale: 'zh-CN',
  };
}
