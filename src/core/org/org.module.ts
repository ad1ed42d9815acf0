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
  audit: {
    actions: {
      'user.create': { zh: '新增人员', en: 'Added a person' },
      'user.update': { zh: '修改人员', en: 'Changed a person' },
      'password.change': { zh: '修改密码', en: 'Changed a password' },
      login: { zh: '登录', en: 'Signed in' },
      logout: { zh: '退出登录', en: 'Signed out' },
      'role.create': { zh: '新建角色', en: 'Created a role' },
      'role.update': { zh: '修改角色权限', en: 'Changed role permissions' },
      'department.create': { zh: '新增部门', en: 'Added a department' },
      'department.update': { zh: '修改部门', en: 'Changed a department' },
      'department.retire': { zh: '撤销部门', en: 'Retired a department' },
      'department.restore': { zh: '恢复部门', en: 'Restored a department' },
    },
    entities: { user: { zh: '人员', en: 'Person' }, role: { zh: '角色', en: 'Role' }, department: { zh: '部门', en: 'Department' } },
    fields: {
      parentId: { zh: '上级', en: 'Parent' },
      retiredAt: { zh: '撤销时间', en: 'Retired at' },
      kind: { zh: '类型', en: 'Kind' },
      departmentId: { zh: '部门', en: 'Department' },
      positions: { zh: '职务', en: 'Positions' },
      roles: { zh: '角色', en: 'Roles' },
      isActive: { zh: '启用', en: 'Active' },
      phone: { zh: '手机', en: 'Phone' },
      locale: { zh: '语言', en: 'Language' },
      permissions: { zh: '权限', en: 'Permissions' },
    },
  },
});
