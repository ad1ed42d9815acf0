import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireAccess } from '#core/access';
import { resolveSession, SESSION_COOKIE } from '#core/auth';
import { AppError } from '#core/errors';
import type { AppContext } from '#core/http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function makeSessionHook(ctx: AppContext) {
  return async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(ctx.db, token, ctx.clock());
    if (!session) return;
    request.actor = session.actor;
    request.sessionId = session.sessionId;
    request.csrfToken = session.csrfToken;
  };
}

// Runs before every /api handler: sign-in, CSRF on writes, then the route's permission.
export async function guardRoute(request: FastifyRequest, _reply: FastifyReply) {
  const config = request.routeOptions.config;
  if (config.isPublic) return;
  if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录', 'Please sign in');
  if (!SAFE_METHODS.has(request.method) && !config.skipCsrf) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || sent !== request.csrfToken) {
      throw new AppError('CSRF_FAILED', '请求校验失败，请刷新页面后重试', 'Request check failed; reload the page and try again');
    }
  }
  if (config.permission) requireAccess(request.actor, config.permission);
}
