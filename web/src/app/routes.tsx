import { adminRoutes } from '../features/admin';
import { homeRoutes } from '../features/home';
import type { AppRoute } from './route-types';

// Every feature's pages. One line per feature.
export const appRoutes: AppRoute[] = [...homeRoutes, ...adminRoutes];
