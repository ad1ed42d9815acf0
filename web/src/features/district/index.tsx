import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const DistrictOverviewPage = lazyPage(() => import('./overview.page'), 'DistrictOverviewPage');
const DistrictTeachersPage = lazyPage(() => import('./teachers.page'), 'DistrictTeachersPage');
const DistrictLinksPage = lazyPage(() => import('./links.page'), 'DistrictLinksPage');
const SchoolDistrictsPage = lazyPage(() => import('./school-links.page'), 'SchoolDistrictsPage');

// Issue 12: the district office's pages (its own menu, shown where the district module is on),
// and the school's 上级学区 page under administration (shown where the school runs training).
export const districtRoutes: AppRoute[] = [
  {
    path: '/district',
    element: <DistrictOverviewPage />,
    menu: { section: 'district', label: tx('学区总览', 'Overview'), permission: 'district.read', order: 10 },
  },
  {
    path: '/district/teachers',
    element: <DistrictTeachersPage />,
    menu: { section: 'district', label: tx('教师学时', 'Teacher hours'), permission: 'district.read', order: 20 },
  },
  {
    path: '/district/links',
    element: <DistrictLinksPage />,
    menu: { section: 'district', label: tx('学校关联', 'School links'), permission: 'district.read', order: 30 },
  },
  {
    path: '/admin/district',
    element: <SchoolDistrictsPage />,
    menu: { section: 'admin', label: tx('上级学区', 'District'), permission: 'admin.org', module: 'training', order: 90 },
  },
];
