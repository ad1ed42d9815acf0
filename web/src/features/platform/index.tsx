import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const OrganisationsPage = lazyPage(() => import('./organisations.page'), 'OrganisationsPage');

// Issue 12: the platform operator's one page (the only menu entry of the platform organisation).
export const platformRoutes: AppRoute[] = [
  {
    path: '/platform/organisations',
    element: <OrganisationsPage />,
    menu: { section: 'platform', label: tx('组织管理', 'Organisations'), permission: 'platform.orgs', order: 10 },
  },
];
