import type { RouteModule } from '../http';
import type { DemoSeeder } from '../org';

// Filled in by the approval engine (CORE-3, CORE-4, CORE-5).
export const approvalRoutes: RouteModule = () => undefined;
export const seedApprovalDemo: DemoSeeder = async () => undefined;
