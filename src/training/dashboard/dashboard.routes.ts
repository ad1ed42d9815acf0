import { actorOf, type RouteModule } from '#core/http';
import { schoolYearOrCurrent, YearFilterQuery } from '../common';
import { MyHomeSchema, OfficeDashboardSchema } from './dashboard.contract';
import { getOfficeDashboard } from './dashboard.service';
import { getMyHome } from './me.service';

export const dashboardRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/dashboard',
    {
      config: { permission: 'training.read' },
      schema: {
        tags: ['training'],
        summary: '教导处看板 Office dashboard',
        querystring: YearFilterQuery,
        response: { 200: OfficeDashboardSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return getOfficeDashboard(ctx.db, actor, await schoolYearOrCurrent(ctx.db, actor.orgId, ctx.clock(), req.query.schoolYear), ctx.clock());
    },
  );

  app.get(
    '/training/me',
    { config: { permission: 'training.self' }, schema: { tags: ['training'], summary: '教师手机首页 Teacher’s home', response: { 200: MyHomeSchema } } },
    async (req) => getMyHome(ctx.db, actorOf(req), ctx.clock()),
  );
};
