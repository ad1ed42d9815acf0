import type { AppContext, RouteModule } from '#core/http';
import type { DemoSeeder } from '#core/org';
import { archiveRoutes } from './archive';
import { assessmentRoutes } from './assessment';
import { attendanceRoutes } from './attendance';
import { backboneRoutes } from './backbone';
import { creditRoutes } from './credit';
import { dashboardRoutes } from './dashboard';
import { seedTrainingSchool } from './demo';
import { evaluationRoutes } from './evaluation';
import { leaveRoutes } from './leave';
import { mentorRoutes } from './mentor';
import { planRoutes } from './plan';
import { practiceRoutes } from './practice';
import { sessionRoutes } from './session';
import { studyRoutes } from './study';
import { teacherRoutes } from './teacher';
import { termRoutes } from './term';
import { closeEndedSessionsJob, remindSelfStudyJob } from './training.jobs';

// 校本培训管理 (ST-1 … ST-17): each feature folder mounts its own routes.
const routeModules: RouteModule[] = [
  teacherRoutes,
  planRoutes,
  sessionRoutes,
  attendanceRoutes,
  leaveRoutes,
  creditRoutes,
  studyRoutes,
  assessmentRoutes,
  archiveRoutes,
  evaluationRoutes,
  termRoutes,
  backboneRoutes,
  mentorRoutes,
  practiceRoutes,
  dashboardRoutes,
];

export const trainingRoutes: RouteModule = async (app, ctx) => {
  for (const mount of routeModules) await mount(app, ctx);
};

/** The demo school's teachers, plan, term of sessions, attendance, leave, credits and more. */
export const seedTrainingDemo: DemoSeeder = async (db, org) => {
  if (org.kind === 'school') await seedTrainingSchool(db, org);
};

export const trainingJobs: ((ctx: AppContext) => Promise<void>)[] = [closeEndedSessionsJob, remindSelfStudyJob];

/** A small school with the S1 roles, groups and teachers, for API tests and benchmarks. */
export { newTrainingSchool, SCHOOL_ROLES } from './demo';
export { trainingTeachers } from './teacher';
/** School years run September to August, in two terms (shared with the league work plan). */
export { schoolYearOf, schoolYearRange, termOf, termRange, weekStartOf } from './common';
export type { Term } from './common';
export type { SchoolTeacher, TestSchool } from './demo';
