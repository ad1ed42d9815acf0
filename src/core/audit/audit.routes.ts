import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import { findAuditEntries } from './audit.service';

export const auditRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit trail',
        querystring: z.object({
          entity: z.string().max(100).optional(),
          entityId: z.string().max(100).optional(),
          actorId: z.uuid().optional(),
          from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
          to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
          beforeId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
    },
    async (req) => findAuditEntries(ctx.db, actorOf(req), req.query),
  );
};
