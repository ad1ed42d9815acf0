import type { RouteModule } from '../http';
import type { DemoSeeder } from '../org';

// Filled in by the policy module.
export const policyRoutes: RouteModule = () => undefined;
export const seedPolicyDemo: DemoSeeder = async () => undefined;
