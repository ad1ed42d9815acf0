import { randomBytes } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';

// What a log line may carry. Cookies, CSRF tokens and passwords never; an ORM error's
// message lists the SQL parameters (password hashes, QR secrets, tokens), so an error is
// logged with its query text and database code, never its parameters.

const REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.passwordHash',
  '*.qrSecret',
  '*.token',
  '*.params',
];

/** Drops the `params: …` part an ORM puts after the query in its message (and in its stack). */
export const withoutParams = (text: string): string => text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [redacted]');

export function serializeError(err: Error & { code?: string; cause?: unknown; query?: string }) {
  const cause = err.cause as (Error & { code?: string; detail?: string; constraint?: string; table?: string }) | undefined;
  return {
    type: err.name,
    message: withoutParams(err.message ?? ''),
    code: err.code ?? cause?.code,
    ...(cause ? { cause: { message: cause.message, code: cause.code, constraint: cause.constraint, table: cause.table } } : {}),
    stack: withoutParams(err.stack ?? ''),
  };
}

/** A short random id per request: in every log line, in the x-request-id header and in a 5xx body. */
export const newRequestId = (): string => randomBytes(8).toString('hex');

/**
 * The logger of the app: every 5xx is logged (level error) unless the caller turns logging
 * off explicitly; LOG_LEVEL or the caller may ask for more.
 */
export function loggerOptions(logger: FastifyServerOptions['logger'] | undefined): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  const given = typeof logger === 'object' && logger !== null ? logger : {};
  return {
    level: 'error',
    ...given,
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
  };
}
