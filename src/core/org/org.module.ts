import { defineModule } from '../http';
import { orgRoutes } from './org.routes';

/** Organisations, departments, people and roles (CORE-1, CORE-2). */
export const orgModule = defineModule({
  name: 'org',
  label: { zh: '组织与人员', en: 'Organisation and people' },
  isCore: true,
  permissions: [
    { code: 'admin.users', label: { zh: '用户管理', en: 'Manage users' } },
    { code: 'admin.roles', label: { zh: '角色与权限', en: 'Roles and permissions' } },
    { code: 'admin.org', label: { zh: '组织机构', en: 'Organisation structure' } },
  ],
  routes: [orgRoutes],
});
