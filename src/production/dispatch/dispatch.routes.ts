import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams } from '#core/validation';
import { AgendaPrefillBody, AgendaQuery, DispatchAgenda, DispatchMeeting, DispatchMeetingOut } from './dispatch.contract';
import { findDispatchMeetings, prefillDispatchAgenda, previewDispatchAgenda } from './dispatch.service';

const tags = ['production dispatch'];

export const dispatchRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/dispatch',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '生产调度例会 Dispatch meetings (PP-21)', response: { 200: z.array(DispatchMeeting) } },
    },
    async (req) => findDispatchMeetings(ctx.db, actorOf(req), ctx.clock()),
  );
  app.get(
    '/production/dispatch/agenda',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '按记录生成议程 Agenda from the records', querystring: AgendaQuery, response: { 200: DispatchAgenda } },
    },
    async (req) => previewDispatchAgenda(ctx.db, actorOf(req), req.query.date),
  );
  app.post(
    '/production/dispatch/:id/agenda',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: '预填议程 Pre-fill the agenda',
        params: IdParams,
        body: AgendaPrefillBody,
        response: { 200: DispatchMeetingOut },
      },
    },
    async (req) => prefillDispatchAgenda(ctx.db, actorOf(req), req.params.id, req.body.version),
  );
};
