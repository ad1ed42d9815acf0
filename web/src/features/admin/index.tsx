import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const AuditPage = lazyPage(() => import('./audit.page'), 'AuditPage');
const DepartmentsPage = lazyPage(() => import('./departments.page'), 'DepartmentsPage');
const PasswordPage = lazyPage(() => import('./password.page'), 'PasswordPage');
const PeoplePage = lazyPage(() => import('./people.page'), 'PeoplePage');
const RolesPage = lazyPage(() => import('./roles.page'), 'RolesPage');

export const adminRoutes: AppRoute[] = [
  { path: '/admin/people', element: <PeoplePage />, menu: { section: 'admin', label: tx('人员与账号', 'People'), permission: 'admin.users', order: 10 } },
  {
    path: '/admin/departments',
    element: <DepartmentsPage />,
    menu: { section: 'admin', label: tx('组织机构', 'Organisation'), permission: 'admin.org', order: 15 },
  },
  { path: '/admin/roles', element: <RolesPage />, menu: { section: 'admin', label: tx('角色与权限', 'Roles'), permission: 'admin.roles', order: 20 } },
  { path: '/admin/audit', element: <AuditPage />, menu: { section: 'admin', label: tx('审计日志', 'Audit log'), permission: 'audit.read', order: 90 } },
  { path: '/account/password', element: <PasswordPage /> },
];
