import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const ArchivePage = lazyPage(() => import('./archive.page'), 'ArchivePage');
const AssessmentPage = lazyPage(() => import('./assessment.page'), 'AssessmentPage');
const AssessmentPrintPage = lazyPage(() => import('./assessment-print.page'), 'AssessmentPrintPage');
const CreditsPage = lazyPage(() => import('./credits.page'), 'CreditsPage');
const DashboardPage = lazyPage(() => import('./dashboard.page'), 'DashboardPage');
const DevelopmentPage = lazyPage(() => import('./development.page'), 'DevelopmentPage');
const GroupPlansPage = lazyPage(() => import('./group-plans.page'), 'GroupPlansPage');
const HandbookPage = lazyPage(() => import('./handbook.page'), 'HandbookPage');
const EvaluationPage = lazyPage(() => import('./evaluation.page'), 'EvaluationPage');
const LeavePage = lazyPage(() => import('./leave.page'), 'LeavePage');
const MentoringPage = lazyPage(() => import('./mentoring.page'), 'MentoringPage');
const MyHomePage = lazyPage(() => import('./my-home.page'), 'MyHomePage');
const MyWorkPage = lazyPage(() => import('./my-work.page'), 'MyWorkPage');
const NewPlanPage = lazyPage(() => import('./plan.page'), 'NewPlanPage');
const PlanPage = lazyPage(() => import('./plan.page'), 'PlanPage');
const PlansPage = lazyPage(() => import('./plans.page'), 'PlansPage');
const PublicEvaluationPage = lazyPage(() => import('./public-evaluation.page'), 'PublicEvaluationPage');
const SessionPage = lazyPage(() => import('./session.page'), 'SessionPage');
const SessionPrintPage = lazyPage(() => import('./session-print.page'), 'SessionPrintPage');
const SessionScreenPage = lazyPage(() => import('./session-screen.page'), 'SessionScreenPage');
const SessionsPage = lazyPage(() => import('./sessions.page'), 'SessionsPage');
const SignInPage = lazyPage(() => import('./sign-in.page'), 'SignInPage');
const TeachersPage = lazyPage(() => import('./teachers.page'), 'TeachersPage');
const TermPage = lazyPage(() => import('./term.page'), 'TermPage');
const TermPanelPage = lazyPage(() => import('./term-panel.page'), 'TermPanelPage');

const menu = (label: { zh: string; en: string }, permission: string, order: number) => ({ section: 'training' as const, label, permission, order });

// 校本培训管理 (ST-1 … ST-17). /public/* pages also open for signed-out visitors.
export const trainingRoutes: AppRoute[] = [
  { path: '/training/my', element: <MyHomePage />, menu: menu(tx('我的培训', 'My training'), 'training.self', 1) },
  { path: '/training/my/work', element: <MyWorkPage />, menu: menu(tx('笔记、学分与作业', 'Notes, credits, work'), 'training.self', 2) },
  // Issue 13 item 11: the teacher's own archive, evaluations and (for a mentor) the guidance record.
  { path: '/training/my/archive', element: <ArchivePage mine />, menu: menu(tx('我的培训档案', 'My archive'), 'training.self', 3) },
  { path: '/training/my/evaluation', element: <EvaluationPage />, menu: menu(tx('我的多元评价', 'My evaluations'), 'training.self', 4) },
  { path: '/training/my/mentoring', element: <MentoringPage />, menu: menu(tx('师徒结对记录', 'Mentoring record'), 'training.self', 4.5) },
  { path: '/training/dashboard', element: <DashboardPage />, menu: menu(tx('教导处看板', 'Dashboard'), 'training.read', 5) },
  { path: '/training/plans', element: <PlansPage />, menu: menu(tx('培训计划', 'Plans'), 'training.read', 10) },
  // Issue 13 item 16 (S2 六.(二)、(五)): group plans under the school plan and the training budget.
  { path: '/training/group-plans', element: <GroupPlansPage />, menu: menu(tx('教研组计划与经费', 'Group plans and budget'), 'training.read', 11) },
  { path: '/training/plans/new', element: <NewPlanPage /> },
  { path: '/training/plans/:id', element: <PlanPage /> },
  { path: '/training/sessions', element: <SessionsPage />, menu: menu(tx('培训安排与签到', 'Sessions'), 'training.read', 15) },
  { path: '/training/sessions/:id', element: <SessionPage /> },
  { path: '/training/sessions/:id/screen', element: <SessionScreenPage /> },
  { path: '/training/sessions/:id/print', element: <SessionPrintPage /> },
  { path: '/training/leave', element: <LeavePage />, menu: menu(tx('请假审批', 'Leave'), 'training.leave.approve', 20) },
  { path: '/training/credits', element: <CreditsPage />, menu: menu(tx('学分管理', 'Credits'), 'training.read', 25) },
  { path: '/training/assessment', element: <AssessmentPage />, menu: menu(tx('年度考核', 'Assessment'), 'training.read', 30) },
  { path: '/training/assessment/print', element: <AssessmentPrintPage /> },
  { path: '/training/evaluation', element: <EvaluationPage />, menu: menu(tx('多元评价', 'Evaluation'), 'training.read', 35) },
  { path: '/training/term', element: <TermPage />, menu: menu(tx('期末表彰与总结', 'Term end'), 'training.read', 40) },
  // Issue 13 items 14 (S2 五.5) and 15 (S1 按月签评, 考勤 三).
  { path: '/training/term-panel', element: <TermPanelPage />, menu: menu(tx('学期末考核', 'Term-end assessment'), 'training.read', 41) },
  { path: '/training/handbook', element: <HandbookPage />, menu: menu(tx('手册签评与记录册检查', 'Handbook and record books'), 'training.read', 42) },
  { path: '/training/development', element: <DevelopmentPage />, menu: menu(tx('教师发展', 'Development'), 'training.read', 45) },
  { path: '/training/archive', element: <ArchivePage />, menu: menu(tx('培训档案', 'Archive'), 'training.read', 50) },
  { path: '/training/teachers', element: <TeachersPage />, menu: menu(tx('教师名单', 'Teachers'), 'training.read', 55) },
  { path: '/public/sign-in', element: <SignInPage /> },
  { path: '/public/evaluate/:token', element: <PublicEvaluationPage /> },
];
