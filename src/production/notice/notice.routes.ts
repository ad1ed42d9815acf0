import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import {
  NoticeBody,
  NoticeChangeBody,
  NoticeIssueBody,
  NoticeListQuery,
  NoticeOut,
  NoticeStateBody,
  NoticeSummary,
  NoticeView,
  TransferBody,
  TransferOut,
} from './notice.contract';
import { createNotice, findNotices, getNotice, issueNotice, recordTransfer, setNoticeState, updateNotice } from './notice.service';
import { IdParams } from '#core/validation';

const tags = ['production notices'];

export const noticeRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/notices',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '生产通知单 Production notices (PP-13)',
        querystring: NoticeListQuery,
        response: { 200: z.array(NoticeSummary) },
      },
    },
    async (req) => findNotices(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/production/notices',
    { config: { permission: 'production.plan.write' }, schema: { tags, summary: '开具生产通知单 New notice', body: NoticeBody, response: { 201: NoticeOut } } },
    async (req, reply) => reply.code(201).send(await createNotice(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
  app.get(
    '/production/notices/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '生产通知单 Notice with its transfers', params: IdParams, response: { 200: NoticeView } },
    },
    async (req) => getNotice(ctx.db, actorOf(req), req.params.id),
  );
  app.put(
    '/production/notices/:id',
    {
      config: { permission: 'production.plan.write' },
      schema: {
        tags,
        summary: '修改草稿 Change a draft notice',
        params: IdParams,
        body: NoticeChangeBody,
        response: { 200: NoticeOut },
      },
    },
    async (req) => updateNotice(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.post(
    '/production/notices/:id/issue',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '下达 Issue', params: IdParams, body: NoticeIssueBody, response: { 200: NoticeOut } },
    },
    async (req) => issueNotice(ctx.db, actorOf(req), req.params.id, req.body.version, ctx.clock()),
  );
  app.post(
    '/production/notices/:id/state',
    {
      config: { permission: 'production.plan.write' },
      schema: {
        tags,
        summary: '完成或取消 Close',
        params: IdParams,
        body: NoticeStateBody,
        response: { 200: NoticeOut },
      },
    },
    async (req) => setNoticeState(ctx.db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/production/transfers',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '中间物料转移（须标明通知单编号）Intermediate transfer quoting the notice number (T3 第十条)',
        body: TransferBody,
        response: { 201: TransferOut },
      },
    },
    async (req, reply) => reply.code(201).send(await recordTransfer(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
};
