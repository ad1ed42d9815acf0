import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import {
  MarkReadBody,
  MarkReadResultSchema,
  NotificationListQuery,
  NotificationPageQuerySchema,
  NotificationPageSchema,
  NotificationRecordSchema,
  UnreadCountSchema,
} from './notify.contract';
import { countUnread, findMyNotifications, markRead, pageMyNotifications } from './notify.service';

export const notifyRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notify'],
        summary: '我的通知 My notifications',
        querystring: NotificationListQuery,
        response: { 200: z.array(NotificationRecordSchema) },
      },
    },
    async (req) => findMyNotifications(ctx.db, actorOf(req), { unreadOnly: req.query.unreadOnly === 'true', limit: req.query.limit }),
  );
  app.get(
    '/notifications/page',
    {
      schema: {
        tags: ['notify'],
        summary: '我的通知（分页、搜索） My notifications, a page at a time, searchable',
        querystring: NotificationPageQuerySchema,
        response: { 200: NotificationPageSchema },
      },
    },
    async (req) => pageMyNotifications(ctx.db, actorOf(req), req.query),
  );
  app.get(
    '/notifications/unread-count',
    { schema: { tags: ['notify'], summary: '未读数 Unread count', response: { 200: UnreadCountSchema } } },
    async (req) => ({
      count: await countUnread(ctx.db, actorOf(req)),
    }),
  );
  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['notify'],
        summary: '标记已读 Mark read (empty ids = all)',
        body: MarkReadBody,
        response: { 200: MarkReadResultSchema },
      },
    },
    async (req) => ({ updated: await markRead(ctx.db, actorOf(req), req.body.ids, ctx.clock()) }),
  );
};
