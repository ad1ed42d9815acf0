import { actorOf, type RouteModule } from '#core/http';
import { assessPlanning, executionAssessmentRoutes } from './assessment/index';
import { getPlanningDashboard } from './dashboard/index';
import { AssessmentRun, AssessmentRunBody, PlanningDashboard } from './dashboard/dashboard.contract';
import { makeDemandRoutes } from './demand/index';
import { dispatchRoutes } from './dispatch/index';
import { exceptionRoutes, planRouteRoutes, recheckAfterCustomerChange } from './exception/index';
import { machineRoutes, maintenanceRoutes, repairRoutes } from './equipment/index';
import { makeMasterRoutes } from './master/index';
import { noticeRoutes } from './notice/index';
import { onWorkshopCalendarChanged, planExtraRoutes, planRoutes } from './plan/index';
import { purchaseRoutes } from './purchase/index';
import { reportRoutes } from './report/index';
import { requisitionRoutes } from './requisition/index';
import { processDocRoutes, shopfloorRoutes } from './shopfloor/index';
import { warehouseOpsRoutes, warehouseRoutes } from './warehouse/index';

const dashboardRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/dashboard',
    {
      config: { permission: 'production.read' },
      schema: { tags: ['production'], summary: '计划员工作台 Planner dashboard', response: { 200: PlanningDashboard } },
    },
    async (req) => getPlanningDashboard(ctx.db, ctx.registry.workflows, actorOf(req), ctx.clock()),
  );
  app.post(
    '/production/assessment/run',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags: ['production'],
        summary: '计算计划考核 Compute planning penalties (PP-27)',
        body: AssessmentRunBody,
        response: { 200: AssessmentRun },
      },
    },
    async (req) => assessPlanning(ctx.db, actorOf(req), ctx.clock()),
  );
};

// T3 第十五条: a plan re-opened by a customer change is marked for the GM's approval.
const demandRoutes = makeDemandRoutes({ onOrderLineChanged: recheckAfterCustomerChange });
// Issue 14 item 1: a changed workshop calendar recomputes the capacity checks of the plans it reaches.
const masterRoutes = makeMasterRoutes({ onCalendarChanged: onWorkshopCalendarChanged });

export const productionRouteModules: RouteModule[] = [
  masterRoutes,
  demandRoutes,
  planRoutes,
  planExtraRoutes,
  noticeRoutes,
  dispatchRoutes,
  dashboardRoutes,
  exceptionRoutes,
  planRouteRoutes,
  shopfloorRoutes,
  processDocRoutes,
  warehouseRoutes,
  warehouseOpsRoutes,
  purchaseRoutes,
  requisitionRoutes,
  reportRoutes,
  executionAssessmentRoutes,
  machineRoutes,
  repairRoutes,
  maintenanceRoutes,
];
