import { z } from 'zod';
import { actorOf, type RouteModule, sendFile } from '#core/http';
import { exportSheet, requestLocale, XLSX_MIME } from '#core/excel';
import { CauseBody, MonthEndView, MonthQuery, ProgressQuery, ProgressView } from './completion.contract';
import { getProgress } from './completion.service';
import { findCoordinationItems, linkCoordinationMeeting, resolveCoordination } from './coordination.service';
import { getMonthEnd, saveVarianceCause } from './month-end.service';
import { monthEndFileName, monthEndRows, monthEndSheet } from './month-end.sheet';
import {
  AmendBody,
  CoordinationQuery,
  CoordinationView,
  FormQuery,
  MeetingLinkBody,
  ReportBody,
  ReportForm,
  ReportQuery,
  ReportSummary,
  ReportView,
  ResolveBody,
} from './report.contract';
import { findReports, getReport, getReportForm } from './report.query';
import { amendReport, submitReport } from './report.service';
import { scheduleRoutes } from './schedule.routes';
import { IdParams } from '#core/validation';

const tags = ['production execution'];

export const reportRoutes: RouteModule = (app, ctx) => {
  const read = { permission: 'production.read' as const };
  app.get(
    '/production/reports/form',
    {
      config: read,
      schema: {
        tags,
        summary: '日报填报表单 The shift report form, prefilled from today’s plan (PP-18)',
        querystring: FormQuery,
        response: { 200: ReportForm },
      },
    },
    async (req) => getReportForm(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
  app.get(
    '/production/reports',
    {
      config: read,
      schema: { tags, summary: '生产日报 Daily reports of a range (PP-18)', querystring: ReportQuery, response: { 200: z.array(ReportSummary) } },
    },
    async (req) => findReports(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
  app.post(
    '/production/reports',
    {
      config: { permission: 'production.report.write' },
      schema: {
        tags,
        summary: '提交班次日报 Submit a shift report; its 进仓 posts a production receipt (PP-18, PP-22)',
        body: ReportBody,
        response: { 201: ReportView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await submitReport(ctx.db, actor, req.body, ctx.clock());
      return reply.code(201).send(await getReport(ctx.db, actor, id));
    },
  );
  app.get(
    '/production/reports/:id',
    { config: read, schema: { tags, summary: '日报 A shift report with its revisions', params: IdParams, response: { 200: ReportView } } },
    async (req) => getReport(ctx.db, actorOf(req), req.params.id),
  );
  app.put(
    '/production/reports/:id',
    {
      config: { permission: 'production.report.write' },
      schema: { tags, summary: '更正日报 Amend a report; the old values are kept (PP-18)', params: IdParams, body: AmendBody, response: { 200: ReportView } },
    },
    async (req) => {
      const actor = actorOf(req);
      await amendReport(ctx.db, actor, req.params.id, req.body, ctx.clock());
      return getReport(ctx.db, actor, req.params.id);
    },
  );

  app.get(
    '/production/progress',
    {
      config: read,
      schema: {
        tags,
        summary: '计划完成情况 Plan against completion today, this week and month (PP-18, PP-22)',
        querystring: ProgressQuery,
        response: { 200: ProgressView },
      },
    },
    async (req) => getProgress(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
  app.get(
    '/production/coordination',
    {
      config: read,
      schema: { tags, summary: '协调事项 Coordination items (T4 第三十四条)', querystring: CoordinationQuery, response: { 200: z.array(CoordinationView) } },
    },
    async (req) => findCoordinationItems(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/production/coordination/:id/resolve',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '协调解决 Resolve with a note', params: IdParams, body: ResolveBody, response: { 200: CoordinationView } },
    },
    async (req) => resolveCoordination(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.post(
    '/production/coordination/:id/meeting',
    {
      config: { permission: 'production.plan.write' },
      schema: {
        tags,
        summary: '关联协调会 Link the coordination meeting that took it up',
        params: IdParams,
        body: MeetingLinkBody,
        response: { 200: CoordinationView },
      },
    },
    async (req) => linkCoordinationMeeting(ctx.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/production/month-end',
    {
      config: read,
      schema: { tags, summary: '月度统计 Month-end plan against 进仓 with causes (PP-18, PP-29)', querystring: MonthQuery, response: { 200: MonthEndView } },
    },
    async (req) => getMonthEnd(ctx.db, actorOf(req), req.query.month, ctx.clock()),
  );
  app.get(
    '/production/month-end/export',
    { config: read, schema: { tags, summary: '导出月度统计 Month-end statistics as Excel (PP-29)', querystring: MonthQuery } },
    async (req, reply) => {
      const view = await getMonthEnd(ctx.db, actorOf(req), req.query.month, ctx.clock());
      const locale = requestLocale(req);
      return sendFile(reply, monthEndFileName(view.month, locale), XLSX_MIME, await exportSheet(monthEndSheet, monthEndRows(view), locale));
    },
  );
  app.put(
    '/production/month-end/causes',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '差异原因与纠正措施 Cause and corrective action of a variance (T4 第三十四条)',
        body: CauseBody,
        response: { 200: MonthEndView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await saveVarianceCause(ctx.db, actor, req.body, ctx.clock());
      return getMonthEnd(ctx.db, actor, req.body.month, ctx.clock());
    },
  );
  scheduleRoutes(app, ctx);
};
