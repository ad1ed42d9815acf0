import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { NotificationsPage } from './notifications.page';

export const notifyRoutes: AppRoute[] = [
  { path: '/notifications', element: <NotificationsPage />, menu: { section: 'home', label: tx('通知中心', 'Notifications'), order: 5 } },
];
