import { sql } from 'drizzle-orm';
import type { RouteModule } from '#core/http';

export const healthRoutes: RouteModule = (app, ctx) => {
  app.get('/health', { config: { isPublic: true }, schema: { tags: ['system'], summary: '健康检查 Health' } }, async () => {
    await ctx.db.execute(sql`select 1`);
    return { status: 'ok', database: ctx.database.kind, time: ctx.clock().toISOString() };
  });
};
