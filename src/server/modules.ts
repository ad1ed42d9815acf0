import { approvalRoutes } from '#core/approval';
import { archiveRoutes } from '#core/archive';
import { assessmentRoutes } from '#core/assessment';
import { auditRoutes } from '#core/audit';
import { authRoutes } from '#core/auth';
import { calendarJobs, calendarRoutes } from '#core/calendar';
import { excelRoutes } from '#core/excel';
import type { AppContext, RouteModule } from '#core/http';
import { meetingJobs, meetingRoutes } from '#core/meeting';
import { notifyRoutes } from '#core/notify';
import { orgRoutes } from '#core/org';
import { policyRoutes } from '#core/policy';
import { leagueJobs, leagueRoutes } from '#league';
import { productionJobs, productionRoutes } from '#production';
import { trainingJobs, trainingRoutes } from '#training';
import { healthRoutes } from './health.routes';

// Every module's routes, mounted under /api. One line per module.
export const routeModules: RouteModule[] = [
  healthRoutes,
  authRoutes,
  orgRoutes,
  auditRoutes,
  notifyRoutes,
  approvalRoutes,
  policyRoutes,
  calendarRoutes,
  meetingRoutes,
  assessmentRoutes,
  archiveRoutes,
  excelRoutes,
  productionRoutes,
  trainingRoutes,
  leagueRoutes,
];

/** Work the scheduler runs on each tick (deadlines, reminders, escalations). */
export const schedulerJobs: ((ctx: AppContext) => Promise<void>)[] = [...calendarJobs, ...meetingJobs, ...productionJobs, ...trainingJobs, ...leagueJobs];
