import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RouteModule } from '#core/http';

const HealthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'pg']), time: z.string() });

export const healthRoutes: RouteModule = (app, ctx) => {
  app.get('/health', { config: { isPublic: true }, schema: { tags: ['system'], summary: '健康检查 Health', response: { 200: HealthSchema } } }, async () => {
    await ctx.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: ctx.database.kind, time: ctx.clock().toISOString() };
  });
};
