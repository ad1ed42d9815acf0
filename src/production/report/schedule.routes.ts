import { actorOf, type RouteModule } from '#core/http';
import { ScheduleCreateBody, ScheduleLinesBody, ScheduleList, ScheduleListQuery, ScheduleView } from './schedule.contract';
import { findDailySchedules, getDailySchedule } from './schedule.query';
import { createDailySchedule, saveScheduleLines } from './schedule.service';
import { IdParams } from '#core/validation';

const tags = ['production execution'];

/** 日生产进度表 (PP-29); submitted, approved and issued through /api/documents like any document. */
export const scheduleRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/daily-schedules',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '日生产进度表 Each workshop’s daily schedule of a month (PP-29)',
        querystring: ScheduleListQuery,
        response: { 200: ScheduleList },
      },
    },
    async (req) => findDailySchedules(ctx.db, actorOf(req), req.query.month, ctx.clock()),
  );
  app.post(
    '/production/daily-schedules',
    {
      config: { permission: 'production.report.write' },
      schema: {
        tags,
        summary: '编制日生产进度表 Draw a workshop’s schedule from the issued monthly plan (PP-29)',
        body: ScheduleCreateBody,
        response: { 201: ScheduleView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await createDailySchedule(ctx.db, ctx.registry.workflows, actor, req.body, ctx.clock());
      return reply.code(201).send(await getDailySchedule(ctx.db, actor, row.id));
    },
  );
  app.get(
    '/production/daily-schedules/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '日生产进度表 A schedule, by its id or its document’s', params: IdParams, response: { 200: ScheduleView } },
    },
    async (req) => getDailySchedule(ctx.db, actorOf(req), req.params.id),
  );
  app.put(
    '/production/daily-schedules/:id/lines',
    {
      config: { permission: 'production.report.write' },
      schema: {
        tags,
        summary: '修改进度表 The director edits the draft day by day',
        params: IdParams,
        body: ScheduleLinesBody,
        response: { 200: ScheduleView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await saveScheduleLines(ctx.db, ctx.registry.workflows, actor, req.params.id, req.body, ctx.clock());
      return getDailySchedule(ctx.db, actor, req.params.id);
    },
  );
};
