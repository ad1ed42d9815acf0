import { defineModule } from '#core/http';
import { seedLeagueSchool } from './demo';
import { leagueHomeSource } from './league.home';
import { memberRoutes } from './members';
import { workPlanRoutes } from './work-plan';

/** 团委工作 (S5, YL-1 … YL-3): the member register and the term's work plan. */
export const leagueModule = defineModule({
  name: 'league',
  label: { zh: '团委工作', en: 'Youth League' },
  defaultFor: ['school'],
  policySections: ['league'],
  permissions: [
    { code: 'league.read', label: { zh: '查看团委工作', en: 'Read Youth League' } },
    { code: 'league.manage', label: { zh: '团委工作管理', en: 'Manage Youth League' } },
  ],
  routes: [memberRoutes, workPlanRoutes],
  homeSources: [leagueHomeSource],
  demo: async (db, org) => {
    if (org.kind === 'school') await seedLeagueSchool(db, org);
  },
});
/** What the League routes answer (issue 16): the web reads these instead of copies. */
export type { Branch, MemberTasks, MemberViewData } from './members/members.contract';
export type { BlackboardCheckView, FlagRaising, FlagRaisingWeeks, LeaguePlanItem, TermPlan } from './work-plan/work-plan.contract';
