export { hasPermission, PermissionError, requireAccess, requireAnyAccess, SYSTEM_USER_ID, systemActor, userIdOf } from './actor';
export type { Actor } from './actor';
export { CORE_PERMISSIONS, isPermissionCode } from './permissions';
export type { Permission, PermissionDeclaration } from './permissions';
