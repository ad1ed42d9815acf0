export { hasPermission, requireAccess, systemActor } from './actor';
export type { Actor } from './actor';
export { isPermission, PERMISSION_LABELS, PERMISSIONS } from './permissions';
export type { Permission } from './permissions';
