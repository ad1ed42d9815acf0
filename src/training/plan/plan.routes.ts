import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams, YearFilterQuery } from '../common';
import { PlanBody, PlanChangeBody, PlanDetailSchema, PlanViewSchema } from './plan.contract';
import { createPlan, findPlans, getPlan, updatePlan } from './plan.service';

export const planRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/plans',
    {
      schema: {
        tags: ['training'],
        summary: '培训计划 Training plans (ST-1)',
        querystring: YearFilterQuery,
        response: { 200: z.array(PlanViewSchema) },
      },
    },
    async (req) => findPlans(ctx.db, actorOf(req), req.query),
  );

  app.get(
    '/training/plans/:id',
    { schema: { tags: ['training'], summary: '培训计划 A plan', params: IdParams, response: { 200: PlanDetailSchema } } },
    async (req) => getPlan(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id),
  );

  app.post(
    '/training/plans',
    {
      config: { permission: 'training.plan.write' },
      schema: { tags: ['training'], summary: '起草培训计划 Draft a plan (ST-1)', body: PlanBody, response: { 201: PlanDetailSchema } },
    },
    async (req, reply) => reply.code(201).send(await createPlan(ctx.db, ctx.registry.workflows, actorOf(req), req.body, ctx.clock())),
  );

  app.put(
    '/training/plans/:id',
    {
      config: { permission: 'training.plan.write' },
      schema: {
        tags: ['training'],
        summary: '修改草稿 Edit a draft plan',
        params: IdParams,
        body: PlanChangeBody,
        response: { 200: PlanDetailSchema },
      },
    },
    async (req) => updatePlan(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
};
