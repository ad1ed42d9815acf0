import type { AppContext, RouteModule } from '#core/http';
import type { DemoSeeder } from '#core/org';

// Filled in by the league module.
export const leagueRoutes: RouteModule = () => undefined;
export const seedLeagueDemo: DemoSeeder = async () => undefined;
export const leagueJobs: ((ctx: AppContext) => Promise<void>)[] = [];
