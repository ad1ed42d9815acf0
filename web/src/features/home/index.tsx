import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const HomePage = lazyPage(() => import('./home.page'), 'HomePage');

export const homeRoutes: AppRoute[] = [{ path: '/', element: <HomePage />, menu: { section: 'home', label: tx('工作台', 'Home'), order: 0 } }];
