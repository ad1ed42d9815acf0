import { actorOf, type RouteModule } from '../http';
import { HomeResponseSchema } from './home.contract';
import { getHome } from './home.service';

export const homeRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/home',
    { schema: { tags: ['home'], summary: '工作台 Home: due work, late items, the next deadline, a card per module', response: { 200: HomeResponseSchema } } },
    async (req) => getHome(ctx.db, ctx.registry.workflows, ctx.registry.homeSources, actorOf(req), ctx.clock()),
  );
};
