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
/** What the training routes answer (issue 16): the web reads these instead of copies. */
export type { SchoolArchiveData, TeacherArchiveData } from './archive/archive.contract';
export type { AssessmentReasonData, AssessmentViewData, StandingData } from './assessment/assessment.contract';
export type { AttendanceChange, AttendanceViewData, RosterData, ScreenQrData, SignInResult } from './attendance/attendance.contract';
export type { BackboneHoursData, BackboneOverview } from './backbone/backbone.contract';
export type { VoidOutcomeData } from './correction/correction.contract';
export type { ClaimViewData, CreditLineData, CreditSummaryData, TeacherCredits } from './credit/credit.contract';
export type { MyHome, OfficeDashboard } from './dashboard/dashboard.contract';
export type { Criterion, GivenEvaluation, PublicEvaluationForm, RoundLink, RoundViewData, TeacherEvaluationData } from './evaluation/evaluation.contract';
export type { BudgetItemView, BudgetView, GroupPlanList, GroupPlanView } from './group-plan/group-plan.contract';
export type { LeaveViewData } from './leave/leave.contract';
export type { MentorPairViewData, MentorRecordData } from './mentor/mentor.contract';
export type { PlanDetailData, PlanItemData, PlanViewData } from './plan/plan.contract';
export type { ActivityList, AssignmentViewData, FourOneData, FourOnesProgressList, SubmissionData, SubmissionList } from './practice/practice.contract';
export type { GenerationResultData, SessionViewData } from './session/session.contract';
export type { SelfStudy, StudyNote } from './study/study.contract';
export type { TeacherEntry, TeacherViewData } from './teacher/teacher.contract';
export type { HonourViewData, TermSummaryRowData, TermSummaryView } from './term/term.contract';
export type { HandbookGrid, RecordBookCheckView, RecordBookList, SignOffView } from './handbook/handbook.contract';
export type { TermPanelDecisionView, TermPanelList, TermPanelRowView } from './term-panel/term-panel.contract';
/** Issue 12: the district's read-only roll-up of one school's training, and its rules. */
export { readSchoolTrainingRollup } from './rollup/rollup.service';
export type { SchoolRollup, TeacherRollup } from './rollup/rollup.service';
export { bandOf, bandsBy, behindList, countBands, cycleOf, cycleProgress, HOUR_BAND_LABELS, HOUR_BANDS } from './rollup/rollup.rules';
export type { BandCounts, BehindReason, CyclePolicy, CycleProgress, HourBand } from './rollup/rollup.rules';
