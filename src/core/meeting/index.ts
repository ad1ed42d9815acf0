import type { RouteModule } from '../http';
import type { DemoSeeder } from '../org';

// Filled in by meetings (CORE-7).
export const meetingRoutes: RouteModule = () => undefined;
export const seedMeetingDemo: DemoSeeder = async () => undefined;
