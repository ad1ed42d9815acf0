import type { AppContext, RouteModule } from '#core/http';
import type { DemoSeeder } from '#core/org';

// Filled in by the production module.
export const productionRoutes: RouteModule = () => undefined;
export const seedProductionDemo: DemoSeeder = async () => undefined;
export const productionJobs: ((ctx: AppContext) => Promise<void>)[] = [];
