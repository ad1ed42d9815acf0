import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { HomePage } from './home.page';

export const homeRoutes: AppRoute[] = [{ path: '/', element: <HomePage />, menu: { section: 'home', label: tx('工作台', 'Home'), order: 0 } }];
