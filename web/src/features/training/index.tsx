import type { AppRoute } from '../../app/route-types';

export const trainingRoutes: AppRoute[] = [];
