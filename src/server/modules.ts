import { auditRoutes } from '#core/audit';
import { authRoutes } from '#core/auth';
import type { RouteModule } from '#core/http';
import { notifyRoutes } from '#core/notify';
import { orgRoutes } from '#core/org';
import { healthRoutes } from './health.routes';

// Every module's routes, mounted under /api. One line per module.
export const routeModules: RouteModule[] = [
  healthRoutes,
  authRoutes,
  orgRoutes,
  auditRoutes,
  notifyRoutes,
];

/** Work the scheduler runs on each tick (deadlines, reminders, escalations). */
export const schedulerJobs: ((ctx: import('#core/http').AppContext) => Promise<void>)[] = [];
