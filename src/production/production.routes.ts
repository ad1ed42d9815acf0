import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { assessPlanning, executionAssessmentRoutes } from './assessment/index';
import { getPlanningDashboard } from './dashboard/index';
import { makeDemandRoutes } from './demand/index';
import { dispatchRoutes } from './dispatch/index';
import { masterRoutes } from './master/index';
import { noticeRoutes } from './notice/index';
import { planExtraRoutes, planRoutes, recheckOrderLine } from './plan/index';
import { reportRoutes } from './report/index';
import { warehouseRoutes } from './warehouse/index';

const dashboardRoutes: RouteModule = (app, ctx) => {
  app.get('/production/dashboard', { config: { permission: 'production.read' }, schema: { tags: ['production'], summary: '计划员工作台 Planner dashboard' } }, async (req) =>
    getPlanningDashboard(ctx.db, ctx.registry.workflows, actorOf(req), ctx.clock()),
  );
  app.post(
    '/production/assessment/run',
    { config: { permission: 'assessment.manage' }, schema: { tags: ['production'], summary: '计算计划考核 Compute planning penalties (PP-27)', body: z.object({}).optional() } },
    async (req) => assessPlanning(ctx.db, actorOf(req), ctx.clock()),
  );
};

const demandRoutes = makeDemandRoutes({ onOrderLineChanged: recheckOrderLine });

export const productionRouteModules: RouteModule[] = [masterRoutes, demandRoutes, planRoutes, planExtraRoutes, noticeRoutes, dispatchRoutes, dashboardRoutes, warehouseRoutes, reportRoutes, executionAssessmentRoutes];
