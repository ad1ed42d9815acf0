import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type AppContext, stampArrival, type ZodApp } from '#core/http';
import { PermissionError } from '#core/access';
import { AppError } from '#core/errors';
import { runWithPolicyScope } from '#core/policy';
import { findEnabledModules } from '#core/org';
import { admitInTurn } from './admission';
import { guardRoute, makeSessionHook } from './auth-hooks';
import { handleError } from './error-handler';
import { refuseUnsafeText } from './input-guard';
import { loggerOptions, newRequestId } from './log-safety';
import { recordRoutes, tagRouteModule } from './route-table';
import { registerSecurityHeaders } from './security-headers';

export interface AppOptions {
  /** Every 5xx is logged at level error unless this is false. */
  logger?: FastifyServerOptions['logger'];
  /** Proxies whose X-Forwarded-* headers are believed (address, protocol for Secure cookies). */
  trustProxy?: boolean | number | string;
  /** Folder with the built web app; served at / when present. */
  webDir?: string;
  maxUploadBytes?: number;
}

/** API requests at work at once on the embedded database; the rest wait in arrival order (admission.ts). */
const PGLITE_SLOTS = 4;

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<ZodApp> {
  const app = Fastify({
    // Never log credentials, even when a body or header ends up in a log line (log-safety.ts).
    logger: loggerOptions(options.logger),
    genReqId: newRequestId,
    bodyLimit: 10 * 1024 * 1024,
    // A hop count is valid at run time (proxy-addr) though Fastify's types omit it.
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy as boolean | string } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // A refusal names the permission in words, as the modules declare it (the code stays out of sight).
  const permissionLabels = new Map(ctx.registry.permissions.map((p) => [p.code, p.label]));
  app.setErrorHandler((error: Error, request, reply) =>
    handleError(error instanceof PermissionError ? error.labelled((code) => permissionLabels.get(code)) : error, request, reply),
  );
  recordRoutes(app);

  app.addHook('onRequest', async (request, reply) => {
    // First of all hooks: the arrival time, before the session lookup queues for the database.
    stampArrival(request, ctx.clock());
    reply.header('x-request-id', request.id);
  });
  if (ctx.database.kind === 'pglite') admitInTurn(app, PGLITE_SLOTS);
  // A first start writes the demo after listening (issue 11): API requests wait for it, the
  // health check answers at once with its progress, and the web pages load meanwhile.
  const startup = ctx.startup;
  if (startup) {
    app.addHook('onRequest', async (request) => {
      // Who is signed in is answered at once (nobody yet, on a first start), so the login page shows.
      const url = request.url;
      if (!url.startsWith('/api/') || url.startsWith('/api/health') || url.startsWith('/api/auth/me') || startup.progress() === undefined) return;
      try {
        await startup.done;
      } catch {
        throw new AppError('UNAVAILABLE', '示例数据写入失败，请查看服务器日志', 'The demo data could not be written; see the server log');
      }
    });
  }
  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: options.maxUploadBytes ?? 20 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Zhidu 制度 API', version: '0.1.0', description: '生产计划管理 · 校本培训管理 · 团委工作' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zhidu_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', makeSessionHook(ctx));
  // Each handler runs in its own policy scope: the policy is read once per request, however
  // many rules consult it (after body parsing, which would lose an earlier async context).
  app.addHook('preHandler', (_request, _reply, done) => runWithPolicyScope(done));

  await app.register(
    async (api) => {
      // Before validation: an anonymous or forged write is refused before its body is read.
      api.addHook('preValidation', guardRoute);
      // After sign-in and CSRF: an anonymous caller learns nothing about a body's content.
      api.addHook('preValidation', refuseUnsafeText);
      api.get('/openapi.json', { config: { isPublic: true }, schema: { hide: true } }, async () => app.swagger());
      // A route may only ask for a permission some module declares (a typo would lock everyone out).
      api.addHook('onRoute', (route) => {
        const permission = route.config?.permission;
        if (permission && !ctx.registry.isDeclaredPermission(permission))
          throw new Error(`${route.method} ${route.url} asks for undeclared permission ${permission}`);
      });
      for (const module of ctx.registry.modules) {
        if (module.isCore) {
          for (const mount of module.routes ?? []) await mount(api as unknown as ZodApp, ctx);
          continue;
        }
        // Issue 12: an organisation that has not switched the module on finds none of its routes.
        await api.register(async (scope) => {
          scope.addHook('onRoute', (route) => tagRouteModule(app, route, module.name));
          scope.addHook('onRequest', async (request, reply) => {
            if (request.actor && !(request.actor.modules ?? (await findEnabledModules(ctx.db, request.actor.orgId))).includes(module.name))
              return notFoundJson(reply);
          });
          for (const mount of module.routes ?? []) await mount(scope as unknown as ZodApp, ctx);
        });
      }
    },
    { prefix: '/api' },
  );

  const webDir = options.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    // The build writes .br/.gz beside each file (web/vite.config.ts): sent as they are when the
    // browser accepts them, with Vary: Accept-Encoding. Files under assets/ carry a content hash
    // in their names, so they never change; index.html and the rest are revalidated each time.
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
    // Client-side routes fall back to the app shell; unknown /api paths stay JSON 404s.
    app.setNotFoundHandler((request, reply) => {
      // A missing file (an old asset after an upgrade) is a 404, not the app shell.
      if (request.url.startsWith('/api') || /\.[a-z0-9]+$/i.test(request.url.split('?')[0])) return notFoundJson(reply);
      return reply.type('text/html').sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_request, reply) => notFoundJson(reply));
  }
  return app as unknown as ZodApp;
}

function notFoundJson(reply: import('fastify').FastifyReply) {
  return reply.code(404).send({ code: 'NOT_FOUND', message: '接口不存在', messageZh: '接口不存在', messageEn: 'No such endpoint' });
}
