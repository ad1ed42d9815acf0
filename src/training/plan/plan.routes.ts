import { z } from 'zod';
import { MonthSchema } from '#core/validation';
import { actorOf, type RouteModule } from '#core/http';
import { CREDIT_CATEGORIES } from '#core/policy';
import { IdParams, IsoDay, SchoolYear, TermNo, Version } from '../common';
import { PlanDetailSchema, PlanViewSchema } from './plan.contract';
import { createPlan, findPlans, getPlan, updatePlan } from './plan.service';

const Item = z.object({
  category: z.enum(CREDIT_CATEGORIES),
  topic: z.string().trim().min(1).max(200),
  ownerTeacherId: z.uuid().nullable(),
  schedule: z.string().trim().max(100),
  month: MonthSchema.nullable(),
  hours: z.number().min(0).max(500).nullable(),
});

const PlanBody = z.object({
  kind: z.enum(['annual', 'semester']),
  schoolYear: SchoolYear,
  term: TermNo.nullish(),
  title: z.string().trim().min(1).max(200),
  goals: z.string().max(5000),
  startsOn: IsoDay,
  endsOn: IsoDay,
  items: z.array(Item).max(200),
});

export const planRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/plans',
    {
      schema: {
        tags: ['training'],
        summary: '培训计划 Training plans (ST-1)',
        querystring: z.object({ schoolYear: SchoolYear.optional() }),
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
        body: PlanBody.extend({ version: Version, documentVersion: Version }),
        response: { 200: PlanDetailSchema },
      },
    },
    async (req) => updatePlan(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
};
