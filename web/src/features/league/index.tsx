import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const LeagueMembersPage = lazyPage(() => import('./members.page'), 'LeagueMembersPage');
const LeaguePlanPage = lazyPage(() => import('./plan.page'), 'LeaguePlanPage');
const LeagueWeeklyPage = lazyPage(() => import('./weekly.page'), 'LeagueWeeklyPage');

// 团委工作 (S5): YL-1 member register, YL-2 term plan by month, YL-3 flag-raising and blackboards.
export const leagueRoutes: AppRoute[] = [
  {
    path: '/league/plan',
    element: <LeaguePlanPage />,
    menu: { section: 'league', label: tx('团委工作计划', 'Work plan'), permission: 'league.read', order: 10 },
  },
  {
    path: '/league/weekly',
    element: <LeagueWeeklyPage />,
    menu: { section: 'league', label: tx('升旗与板报', 'Flag-raising and blackboards'), permission: 'league.read', order: 20 },
  },
  {
    path: '/league/members',
    element: <LeagueMembersPage />,
    menu: { section: 'league', label: tx('团员名册', 'Members'), permission: 'league.read', order: 30 },
  },
];
