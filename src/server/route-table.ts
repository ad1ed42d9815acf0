import type { FastifyInstance, RouteOptions } from 'fastify';

/** A mounted route as declared: what the authorization matrix and the fuzz test walk. */
export interface RouteEntry {
  method: string;
  url: string;
  isPublic: boolean;
  permission: string | undefined;
  isHidden: boolean;
  /** The non-core module the route belongs to (off → 404 for organisations without it). */
  module?: string;
}

const tables = new WeakMap<object, RouteEntry[]>();

/** Records every route as it is added (call before any route is registered). */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      table.push({
        method,
        url: route.url,
        isPublic: !!route.config?.isPublic,
        permission: route.config?.permission,
        isHidden: !!(route.schema as { hide?: boolean } | undefined)?.hide,
      });
    }
  });
}

export const routeTableOf = (app: object): RouteEntry[] => tables.get(app) ?? [];

/** Marks the routes a module scope adds (called from that scope's onRoute, after recordRoutes). */
export function tagRouteModule(app: object, route: RouteOptions, module: string): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  for (const entry of tables.get(app) ?? []) if (entry.url === route.url && methods.includes(entry.method)) entry.module = module;
}
