import type { AppContext, RouteModule } from '#core/http';
import type { DemoSeeder } from '#core/org';

// Filled in by the training module.
export const trainingRoutes: RouteModule = () => undefined;
export const seedTrainingDemo: DemoSeeder = async () => undefined;
export const trainingJobs: ((ctx: AppContext) => Promise<void>)[] = [];
