import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams } from '../common';
import {
  CancelSessionBody,
  GenerateSessionsBody,
  GenerationResultSchema,
  MinutesBody,
  NewSessionBody,
  OutlineBody,
  SessionChangeBody,
  SessionsQuery,
  SessionViewSchema,
} from './session.contract';
import { generatePlanSessions } from './session-generate.service';
import { cancelSession, createSession, findSessions, getSession, updateSession, writeMinutes, writeOutline } from './session.service';

export const sessionRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/sessions',
    {
      schema: {
        tags: ['training'],
        summary: '培训场次 Sessions (ST-2)',
        querystring: SessionsQuery,
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
        body: NewSessionBody,
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
        body: SessionChangeBody,
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
        body: OutlineBody,
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
        body: MinutesBody,
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
        body: CancelSessionBody,
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
        body: GenerateSessionsBody,
        response: { 200: GenerationResultSchema },
      },
    },
    async (req) => generatePlanSessions(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, ctx.clock(), { from: req.body.from }),
  );
};
