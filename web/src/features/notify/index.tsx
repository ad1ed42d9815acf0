import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const NotificationsPage = lazyPage(() => import('./notifications.page'), 'NotificationsPage');

export const notifyRoutes: AppRoute[] = [
  { path: '/notifications', element: <NotificationsPage />, menu: { section: 'home', label: tx('通知中心', 'Notifications'), order: 5 } },
];
