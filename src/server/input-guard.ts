import type { FastifyRequest } from 'fastify';
import { AppError } from '#core/errors';
import { findUnsafeText, UNSAFE_REASONS } from '#core/validation';

/**
 * One line of defence for every route, whatever its schema: text with NUL, another control
 * character or an unpaired surrogate is refused as a 400 naming the field, before any schema
 * or query sees it (PostgreSQL refuses NUL, and such text is never typed by a person).
 */
export async function refuseUnsafeText(request: FastifyRequest): Promise<void> {
  const found =
    findUnsafeText(request.params ?? {}) ??
    findUnsafeText(request.query ?? {}) ??
    (typeof request.body === 'string' || (request.body !== null && typeof request.body === 'object') ? findUnsafeText(request.body) : undefined);
  if (!found) return;
  const field = found.path || 'body';
  const reason = UNSAFE_REASONS[found.reason];
  throw new AppError('VALIDATION_FAILED', `输入有误：${field}（${reason.zh}）`, `Invalid input: ${field} (${reason.en})`, [{ field, reason: reason.en }]);
}
