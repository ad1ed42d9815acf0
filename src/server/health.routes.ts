import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RouteModule } from '#core/http';

const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'pg']),
  time: z.string(),
  /** While a first start writes the demo data: statements sent of about how many it sends (API requests wait for it). */
  preparing: z.object({ done: z.number().int(), total: z.number().int() }).optional(),
});

/** What GET /api/health answers (the login page reads `preparing`). */
export type HealthView = z.infer<typeof HealthSchema>;

export const healthRoutes: RouteModule = (app, ctx) => {
  app.get('/health', { config: { isPublic: true }, schema: { tags: ['system'], summary: '健康检查 Health', response: { 200: HealthSchema } } }, async () => {
    await ctx.db.execute(sql`select 1`);
    const preparing = ctx.startup?.progress();
    return { status: 'ok' as const, database: ctx.database.kind, time: ctx.clock().toISOString(), ...(preparing ? { preparing } : {}) };
  });
};
