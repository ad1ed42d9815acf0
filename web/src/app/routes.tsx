import { adminRoutes } from '../features/admin';
import { approvalRoutes } from '../features/approval';
import { archiveRoutes } from '../features/archive';
import { assessmentRoutes } from '../features/assessment';
import { districtRoutes } from '../features/district';
import { homeRoutes } from '../features/home';
import { leagueRoutes } from '../features/league';
import { meetingRoutes } from '../features/meeting';
import { notifyRoutes } from '../features/notify';
import { platformRoutes } from '../features/platform';
import { policyRoutes } from '../features/policy';
import { productionRoutes } from '../features/production';
import { trainingRoutes } from '../features/training';
import type { AppRoute } from './route-types';

// Every feature's pages. One line per feature.
export const appRoutes: AppRoute[] = [
  ...homeRoutes,
  ...notifyRoutes,
  ...approvalRoutes,
  ...productionRoutes,
  ...trainingRoutes,
  ...leagueRoutes,
  ...districtRoutes,
  ...meetingRoutes,
  ...assessmentRoutes,
  ...archiveRoutes,
  ...policyRoutes,
  ...adminRoutes,
  ...platformRoutes,
];
