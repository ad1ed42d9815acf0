import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const DeadlinesPage = lazyPage(() => import('./deadlines.page'), 'DeadlinesPage');
const HolidaysPage = lazyPage(() => import('./holidays.page'), 'HolidaysPage');
const PolicyPage = lazyPage(() => import('./policy.page'), 'PolicyPage');

export const policyRoutes: AppRoute[] = [
  { path: '/deadlines', element: <DeadlinesPage />, menu: { section: 'home', label: tx('截止事项', 'Deadlines'), order: 20 } },
  {
    path: '/admin/policy',
    element: <PolicyPage />,
    menu: { section: 'admin', label: tx('制度参数', 'Policy parameters'), permission: 'admin.policy', order: 30 },
  },
  {
    path: '/admin/calendar',
    element: <HolidaysPage />,
    menu: { section: 'admin', label: tx('节假日与调休', 'Holidays'), permission: 'admin.policy', order: 35 },
  },
];
