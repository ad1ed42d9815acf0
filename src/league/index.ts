import type { AppContext, RouteModule } from '#core/http';
import type { DemoSeeder } from '#core/org';
import { seedLeagueSchool } from './demo';
import { memberRoutes } from './members';
import { workPlanRoutes } from './work-plan';

// 团委工作 (S5, YL-1 … YL-3): the member register and the term's work plan.
export const leagueRoutes: RouteModule = async (app, ctx) => {
  await memberRoutes(app, ctx);
  await workPlanRoutes(app, ctx);
};

export const seedLeagueDemo: DemoSeeder = async (db, org) => {
  if (org.kind === 'school') await seedLeagueSchool(db, org);
};

export const leagueJobs: ((ctx: AppContext) => Promise<void>)[] = [];
