import { defineModule } from '#core/http';
import { archiveRoutes } from './archive';
import { assessmentRoutes } from './assessment';
import { attendanceRoutes } from './attendance';
import { backboneRoutes } from './backbone';
import { correctionRoutes } from './correction';
import { creditRoutes } from './credit';
import { dashboardRoutes, trainingHomeSource } from './dashboard';
import { seedTrainingSchool } from './demo';
import { evaluationRoutes } from './evaluation';
import { groupPlanRoutes } from './group-plan';
import { handbookRoutes } from './handbook';
import { leaveInbox, leaveRoutes } from './leave';
import { mentorRoutes } from './mentor';
import { planCompleteGuard, planDocumentType, planRoutes } from './plan';
import { practiceRoutes } from './practice';
import { sessionRoutes } from './session';
import { studyRoutes } from './study';
import { teacherRoutes, teachersExcelTable } from './teacher';
import { termRoutes } from './term';
import { termPanelRoutes } from './term-panel';
import { closeEndedSessionsJob, remindSelfStudyJob, warnTeachersJob } from './training.jobs';
import { TRAINING_PERMISSIONS } from './training.permissions';

/** 校本培训管理 (ST-1 … ST-17): each feature folder brings its own routes. */
export const trainingModule = defineModule({
  name: 'training',
  label: { zh: '校本培训管理', en: 'School-based training' },
  defaultFor: ['school'],
  permissions: TRAINING_PERMISSIONS,
  policySections: ['training'],
  routes: [
    teacherRoutes,
    planRoutes,
    sessionRoutes,
    attendanceRoutes,
    correctionRoutes,
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
    // Issue 13 items 14–16: the term-end panel, the handbook and record books, group plans and budget.
    termPanelRoutes,
    handbookRoutes,
    groupPlanRoutes,
    dashboardRoutes,
  ],
  jobs: [closeEndedSessionsJob, remindSelfStudyJob, warnTeachersJob],
  documentTypes: [planDocumentType],
  guards: [planCompleteGuard],
  inboxSources: [leaveInbox],
  homeSources: [trainingHomeSource],
  excelTables: [teachersExcelTable],
  // The demo school's teachers, plan, term of sessions, attendance, leave, credits and more.
  demo: async (db, org) => {
    if (org.kind === 'school') await seedTrainingSchool(db, org);
  },
});

/** A small school with the S1 roles, groups and teachers, for API tests and benchmarks. */
export { newTrainingSchool, schoolRoles } from './demo';
export { trainingTeachers } from './teacher';
/** School years run September to August, in two terms (shared with the league work plan). */
export { schoolYearOf, schoolYearRange, termOf, termRange, weekStartOf } from './common';
export type { Term } from './common';
export type { SchoolTeacher, TestSchool } from './demo';
/** Issue 12: the district's read-only roll-up of one school's training, and its rules. */
export { readSchoolTrainingRollup } from './rollup/rollup.service';
export type { SchoolRollup, TeacherRollup } from './rollup/rollup.service';
export { bandOf, bandsBy, behindList, countBands, cycleOf, cycleProgress, HOUR_BAND_LABELS, HOUR_BANDS } from './rollup/rollup.rules';
export type { BandCounts, BehindReason, CyclePolicy, CycleProgress, HourBand } from './rollup/rollup.rules';
