import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor, Permission } from '../access';
import type { Database, Db } from '../db';
import { AppError } from '../errors';
import type { Registry } from './module';

/** Everything a module's routes need, wired once in src/server. */
export interface AppContext {
  database: Database;
  db: Db;
  /** Injected clock: tests move time; nothing reads Date.now() for business rules. */
  clock: () => Date;
  /** Root folder for stored files (attachments, backups). */
  filesDir: string;
  /** Every module's declarations, composed once by the server. */
  registry: Registry;
  /** Work the process does after it starts listening (the demo seed of a first start); API requests wait for it. */
  startup?: StartupWork;
}

/** Work a new process finishes while it already answers its health check (issue 11: cold start). */
export interface StartupWork {
  /** Settles when the work is over; rejects when it failed. */
  readonly done: Promise<void>;
  /** While the work runs (or after it failed): steps done of the total; undefined once it succeeded. */
  progress(): { done: number; total: number } | undefined;
}

export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A module's routes: registered under /api by the server. */
export type RouteModule = (app: ZodApp, ctx: AppContext) => void | Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    sessionId?: string;
    csrfToken?: string;
  }
  interface FastifyContextConfig {
    /** Checked before the handler; the use case checks again (permissions twice). */
    permission?: Permission;
    /** No session needed (login, health, anonymous evaluation links). */
    isPublic?: boolean;
    /** Public route that still accepts writes without CSRF (login itself). */
    skipCsrf?: boolean;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录', 'Please sign in');
  return request.actor;
}

export function sendFile(reply: FastifyReply, fileName: string, mime: string, body: Buffer): FastifyReply {
  return reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}
