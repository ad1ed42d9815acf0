import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { CREDIT_CATEGORIES } from '#core/policy';
import { IdParams, IsoDay, Version } from '../common';
import { GenerationResultSchema, SessionViewSchema } from './session.contract';
import { generatePlanSessions } from './session-generate.service';
import { cancelSession, createSession, findSessions, getSession, updateSession, writeMinutes, writeOutline } from './session.service';

const Parts = z.array(z.object({ category: z.enum(CREDIT_CATEGORIES), minutes: z.number().int().min(1).max(600) })).max(7);
const opt = (max: number) => z.string().trim().max(max).nullish();

export const sessionRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/sessions',
    {
      schema: {
        tags: ['training'],
        summary: '培训场次 Sessions (ST-2)',
        querystring: z.object({
          from: IsoDay.optional(),
          to: IsoDay.optional(),
          planId: z.uuid().optional(),
          groupId: z.uuid().optional(),
          includeCancelled: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.array(SessionViewSchema) },
      },
    },
    async (req) => findSessions(ctx.db, actorOf(req), { ...req.query, includeCancelled: req.query.includeCancelled === 'true' }, ctx.clock()),
  );

  app.get(
    '/training/sessions/:id',
    { schema: { tags: ['training'], summary: '培训场次 A session', params: IdParams, response: { 200: SessionViewSchema } } },
    async (req) => getSession(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );

  app.post(
    '/training/sessions',
    {
      config: { permission: 'training.session.manage' },
      schema: {
        tags: ['training'],
        summary: '新增临时培训 Add an ad-hoc session (ST-2)',
        body: z.object({
          title: z.string().trim().min(1).max(200),
          topic: opt(500),
          category: z.enum(CREDIT_CATEGORIES),
          creditParts: Parts.optional(),
          trainerTeacherId: z.uuid().nullish(),
          trainerName: opt(100),
          recorderTeacherId: z.uuid().nullish(),
          location: opt(100),
          date: IsoDay,
          startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'),
          durationMinutes: z.number().int().min(5).max(600),
          audience: z.enum(['all', 'group']),
          groupId: z.uuid().nullish(),
          isCentralised: z.boolean().optional(),
          planId: z.uuid().nullish(),
        }),
        response: { 201: SessionViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createSession(ctx.db, actorOf(req), req.body, ctx.clock())),
  );

  app.patch(
    '/training/sessions/:id',
    {
      config: { permission: 'training.session.manage' },
      schema: {
        tags: ['training'],
        summary: '修改场次、主讲人、记录员 Change a session',
        params: IdParams,
        body: z.object({
          version: Version,
          title: z.string().trim().min(1).max(200).optional(),
          topic: opt(500),
          category: z.enum(CREDIT_CATEGORIES).optional(),
          creditParts: Parts.optional(),
          trainerTeacherId: z.uuid().nullish(),
          trainerName: opt(100),
          recorderTeacherId: z.uuid().nullish(),
          location: opt(100),
          isCentralised: z.boolean().optional(),
        }),
        response: { 200: SessionViewSchema },
      },
    },
    async (req) => updateSession(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.put(
    '/training/sessions/:id/outline',
    {
      schema: {
        tags: ['training'],
        summary: '培训提纲 Outline (ST-3)',
        params: IdParams,
        body: z.object({ outline: z.string().max(20000), version: Version }),
        response: { 200: SessionViewSchema },
      },
    },
    async (req) => writeOutline(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.put(
    '/training/sessions/:id/minutes',
    {
      schema: {
        tags: ['training'],
        summary: '活动记录 Minutes (ST-4)',
        params: IdParams,
        body: z.object({ minutes: z.string().max(20000), version: Version }),
        response: { 200: SessionViewSchema },
      },
    },
    async (req) => writeMinutes(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.post(
    '/training/sessions/:id/cancel',
    {
      config: { permission: 'training.session.manage' },
      schema: {
        tags: ['training'],
        summary: '取消场次 Cancel',
        params: IdParams,
        body: z.object({ reason: z.string().max(500), version: Version }),
        response: { 200: SessionViewSchema },
      },
    },
    async (req) => cancelSession(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.post(
    '/training/plans/:id/generate-sessions',
    {
      config: { permission: 'training.session.manage' },
      schema: {
        tags: ['training'],
        summary: '按常规安排生成场次 Generate the term from the standing schedule (ST-2)',
        params: IdParams,
        body: z.object({ from: IsoDay.optional() }),
        response: { 200: GenerationResultSchema },
      },
    },
    async (req) => generatePlanSessions(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, ctx.clock(), { from: req.body.from }),
  );
};
