import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams } from '../common';
import { BackboneHoursBody, BackboneHoursSchema, BackboneOverviewSchema } from './backbone.contract';
import { addBackboneHours, findBackboneHours, getBackboneOverview } from './backbone.service';

export const backboneRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/backbone',
    { schema: { tags: ['training'], summary: '骨干教师比例与培训进度 Backbone share and tracks (ST-12)', response: { 200: BackboneOverviewSchema } } },
    async (req) => getBackboneOverview(ctx.db, actorOf(req)),
  );

  app.get(
    '/training/backbone/teachers/:id/hours',
    { schema: { tags: ['training'], summary: '骨干培训档案 Tracking file', params: IdParams, response: { 200: z.array(BackboneHoursSchema) } } },
    async (req) => findBackboneHours(ctx.db, actorOf(req), req.params.id),
  );

  app.post(
    '/training/backbone/hours',
    {
      schema: {
        tags: ['training'],
        summary: '登记骨干培训学时 Record track hours (T5)',
        body: BackboneHoursBody,
        response: { 201: BackboneHoursSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addBackboneHours(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
};
