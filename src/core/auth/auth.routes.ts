import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import { changePassword, login, logout } from './auth.service';
import { LoginBody, PasswordChangeBody } from './auth.contract';

export const SESSION_COOKIE = 'zhidu_session';

const ActorView = z.object({
  userId: z.string(),
  orgId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  locale: z.enum(['zh-CN', 'en']),
  csrfToken: z.string(),
});

const OkSchema = z.object({ ok: z.literal(true) });

const toView = (actor: import('../access').Actor, csrfToken: string) => ({
  userId: actor.userId,
  orgId: actor.orgId,
  username: actor.username,
  displayName: actor.displayName,
  roles: actor.roles,
  permissions: [...actor.permissions],
  locale: actor.locale,
  csrfToken,
});

export const authRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/auth/login',
    {
      config: { isPublic: true, skipCsrf: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: LoginBody,
        response: { 200: ActorView },
      },
    },
    async (request, reply) => {
      const result = await login(ctx.db, request.body, ctx.clock(), undefined, { address: request.ip });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        // Secure whenever the browser reached us over HTTPS (directly or through a trusted proxy).
        secure: process.env.COOKIE_SECURE === '1' || request.protocol === 'https',
        expires: result.expiresAt,
      });
      return toView(result.actor, result.csrfToken);
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出 Sign out', response: { 200: OkSchema } } }, async (request, reply) => {
    if (request.sessionId) await logout(ctx.db, actorOf(request), request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: ActorView } } }, async (request) =>
    toView(actorOf(request), request.csrfToken ?? ''),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change password',
        body: PasswordChangeBody,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await changePassword(ctx.db, actorOf(request), request.body, request.sessionId, ctx.clock());
      return { ok: true as const };
    },
  );
};
