import { actorOf, type RouteModule } from '#core/http';
import { findCustomerChangeCauses, markCustomerChangeCause } from './change-approval.service';
import {
  ChangeCauses,
  MarkChangeCauseBody,
  PlanIdParams,
  ReportUnmetBody,
  RequestIdParams,
  RouteIdParams,
  RouteStepBody,
  type UnmetAction,
  UnmetRoutes,
} from './plan-route.contract';
import { advanceUnmetPlan, findUnmetRoutes, reportUnmetPlan } from './unmet-plan.service';

const tags = ['production plan routes'];

const STEPS: { path: string; action: UnmetAction; permission: 'production.plan.write' | 'production.demand.write'; summary: string }[] = [
  { path: 'forward', action: 'forward', permission: 'production.plan.write', summary: '生产部确认并通知市场部 Production confirms and tells the market' },
  { path: 'decline', action: 'decline', permission: 'production.plan.write', summary: '生产部不予确认 Production declines' },
  { path: 'change-contract', action: 'changeContract', permission: 'production.demand.write', summary: '市场部修改合同 The market changes the contract' },
  { path: 'refuse', action: 'refuse', permission: 'production.demand.write', summary: '客户不同意修改 The customer refuses' },
];

/** PP-28: T3 第十四条 (a temporary plan not met) and 第十五条 (a plan adjusted for a customer change). */
export const planRouteRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/requests/:id/unmet',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '临时计划无法完成的处理 Unmet temporary plan route (T3 第十四条)', params: RequestIdParams, response: { 200: UnmetRoutes } },
    },
    async (req) => findUnmetRoutes(ctx.db, actorOf(req), req.params.id),
  );
  app.post(
    '/production/requests/:id/unmet',
    {
      config: { permission: 'production.exception.write' },
      schema: { tags, summary: '车间上报无法完成 The workshop cannot meet it', params: RequestIdParams, body: ReportUnmetBody, response: { 201: UnmetRoutes } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await reportUnmetPlan(ctx.db, actor, req.params.id, req.body, ctx.clock());
      return reply.code(201).send(await findUnmetRoutes(ctx.db, actor, req.params.id));
    },
  );
  for (const step of STEPS) {
    app.post(
      `/production/unmet-routes/:routeId/${step.path}`,
      {
        config: { permission: step.permission },
        schema: { tags, summary: step.summary, params: RouteIdParams, body: RouteStepBody, response: { 200: UnmetRoutes } },
      },
      async (req) => {
        const actor = actorOf(req);
        const route = await advanceUnmetPlan(ctx.db, actor, req.params.routeId, step.action, req.body, ctx.clock());
        return findUnmetRoutes(ctx.db, actor, route.requestId);
      },
    );
  }
  app.get(
    '/production/plans/:id/customer-change',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '因客户变更调整 Adjustments for customer changes (T3 第十五条)', params: PlanIdParams, response: { 200: ChangeCauses } },
    },
    async (req) => findCustomerChangeCauses(ctx.db, actorOf(req), req.params.id),
  );
  app.post(
    '/production/plans/:id/customer-change',
    {
      config: { permission: 'production.plan.write' },
      schema: {
        tags,
        summary: '标明因客户变更调整 Mark the adjustment as for a customer change',
        params: PlanIdParams,
        body: MarkChangeCauseBody,
        response: { 200: ChangeCauses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await markCustomerChangeCause(ctx.db, actor, req.params.id, req.body, ctx.clock());
      return findCustomerChangeCauses(ctx.db, actor, req.params.id);
    },
  );
};
