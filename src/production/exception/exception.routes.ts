import { actorOf, type RouteModule } from '#core/http';
import {
  CallMeetingBody,
  CloseBody,
  CompleteActionBody,
  EscalateBody,
  ExceptionActionParams,
  ExceptionDetail,
  ExceptionIdParams,
  ExceptionList,
  ExceptionOptions,
  ExceptionQuery,
  MeetingDraft,
  ReportExceptionBody,
  ResolveBody,
} from './exception.contract';
import {
  callCoordinationMeeting,
  closeException,
  completeExceptionAction,
  draftCoordinationMeeting,
  escalateException,
  resolveException,
} from './exception-flow.service';
import { getExceptionOptions } from './exception-impact.service';
import { findExceptions, reportException } from './exception.service';
import { getException } from './exception-view.service';

const tags = ['production exceptions'];

/** PP-19: exceptions reported by the workshops, their coordination and escalation. */
export const exceptionRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/exceptions',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '生产异常 Production exceptions (PP-19)', querystring: ExceptionQuery, response: { 200: ExceptionList } },
    },
    async (req) => findExceptions(ctx.db, actorOf(req), req.query),
  );
  app.get(
    '/production/exceptions/options',
    { config: { permission: 'production.read' }, schema: { tags, summary: '上报选项 Workshops and plan lines in force', response: { 200: ExceptionOptions } } },
    async (req) => getExceptionOptions(ctx.db, actorOf(req), ctx.clock()),
  );
  app.post(
    '/production/exceptions',
    {
      config: { permission: 'production.exception.write' },
      schema: { tags, summary: '上报生产异常 Report an exception (T4 第三十二、三十五条)', body: ReportExceptionBody, response: { 201: ExceptionDetail } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await reportException(ctx.db, actor, req.body, ctx.clock());
      return reply.code(201).send(await getException(ctx.db, actor, row.id));
    },
  );
  app.get(
    '/production/exceptions/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '生产异常 Exception with its timeline', params: ExceptionIdParams, response: { 200: ExceptionDetail } },
    },
    async (req) => getException(ctx.db, actorOf(req), req.params.id),
  );
  app.get(
    '/production/exceptions/:id/meeting-draft',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '协调会预填 The coordination meeting, prefilled', params: ExceptionIdParams, response: { 200: MeetingDraft } },
    },
    async (req) => draftCoordinationMeeting(ctx.db, actorOf(req), req.params.id),
  );
  app.post(
    '/production/exceptions/:id/meeting',
    {
      config: { permission: 'production.plan.write' },
      schema: {
        tags,
        summary: '召开生产协调会 Call the coordination meeting (T4 第五十五条)',
        params: ExceptionIdParams,
        body: CallMeetingBody,
        response: { 200: ExceptionDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await callCoordinationMeeting(ctx.db, actor, req.params.id, req.body, ctx.clock());
      return getException(ctx.db, actor, req.params.id);
    },
  );
  app.post(
    '/production/exceptions/:id/escalate',
    {
      config: { permission: 'production.plan.write' },
      schema: {
        tags,
        summary: '上报副总经理 Escalate to the vice GM (T4 第三十五条)',
        params: ExceptionIdParams,
        body: EscalateBody,
        response: { 200: ExceptionDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await escalateException(ctx.db, actor, req.params.id, req.body, ctx.clock());
      return getException(ctx.db, actor, req.params.id);
    },
  );
  app.post(
    '/production/exceptions/:id/resolve',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '已解决 Resolve', params: ExceptionIdParams, body: ResolveBody, response: { 200: ExceptionDetail } },
    },
    async (req) => {
      const actor = actorOf(req);
      await resolveException(ctx.db, actor, req.params.id, req.body, ctx.clock());
      return getException(ctx.db, actor, req.params.id);
    },
  );
  app.post(
    '/production/exceptions/:id/close',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '关闭 Close without coordination', params: ExceptionIdParams, body: CloseBody, response: { 200: ExceptionDetail } },
    },
    async (req) => {
      const actor = actorOf(req);
      await closeException(ctx.db, actor, req.params.id, req.body, ctx.clock());
      return getException(ctx.db, actor, req.params.id);
    },
  );
  app.post(
    '/production/exceptions/:id/actions/:actionId/complete',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: '办结协调会事项 Close an action item',
        params: ExceptionActionParams,
        body: CompleteActionBody,
        response: { 200: ExceptionDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await completeExceptionAction(ctx.db, actor, req.params.id, req.params.actionId, req.body, ctx.clock());
      return getException(ctx.db, actor, req.params.id);
    },
  );
};
