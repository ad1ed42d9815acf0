import type { AppContext, RouteModule } from '../http';

// Filled in by deadlines and reminders (CORE-6).
export const calendarRoutes: RouteModule = () => undefined;
export const calendarJobs: ((ctx: AppContext) => Promise<void>)[] = [];
