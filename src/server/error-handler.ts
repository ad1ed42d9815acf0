import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail, httpStatusOf } from '#core/errors';
import { translateDbError } from './db-errors';

export function preferredLocale(request: FastifyRequest): 'zh-CN' | 'en' {
  const explicit = request.headers['x-locale'];
  if (typeof explicit === 'string') return explicit.startsWith('en') ? 'en' : 'zh-CN';
  if (request.actor) return request.actor.locale;
  const accept = request.headers['accept-language'] ?? '';
  return /^en/i.test(accept) ? 'en' : 'zh-CN';
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, code: string, zh: string, en: string, details?: ErrorDetail[]) {
  const locale = preferredLocale(request);
  // A 5xx carries the request id the log line has, so a report can be matched to it.
  const requestId = status >= 500 ? { requestId: request.id } : {};
  return reply.code(status).send({ code, message: locale === 'en' ? en : zh, messageZh: zh, messageEn: en, ...(details ? { details } : {}), ...requestId });
}

const sendAppError = (request: FastifyRequest, reply: FastifyReply, error: AppError) =>
  send(request, reply, httpStatusOf(error.code), error.code, error.message, error.messageEn, error.details);

// zod's issue codes in Chinese; the English text is zod's own message.
const REASON_ZH: Record<string, string> = {
  invalid_type: '缺少或类型不正确',
  too_small: '过短或过小',
  too_big: '过长或过大',
  invalid_format: '格式不正确',
  invalid_value: '不是可选的值',
  invalid_union: '格式不正确',
  unrecognized_keys: '含有未知字段',
  not_multiple_of: '不是规定的倍数',
  custom: '不符合要求',
};

const fieldOf = (context: string | undefined, path: string): string => {
  const p = path.replace(/^\//, '').replace(/\//g, '.');
  return p || context || 'body';
};

// Every error leaves as { code, message }: never a stack trace, never a bare 500 for bad input.
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendAppError(request, reply, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const isEn = preferredLocale(request) === 'en';
    const details = error.validation.map((v) => ({
      field: fieldOf(context, v.instancePath),
      reason: isEn ? (v.message ?? 'invalid') : (REASON_ZH[v.keyword] ?? '格式不正确'),
      reasonEn: v.message ?? 'invalid',
    }));
    const first = details[0];
    return send(
      request,
      reply,
      400,
      'VALIDATION_FAILED',
      `输入有误：${first.field}（${REASON_ZH[error.validation[0].keyword] ?? '格式不正确'}）`,
      `Invalid input: ${first.field} (${first.reasonEn})`,
      details.map(({ reasonEn: _en, ...d }) => d),
    );
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
    return send(request, reply, 413, 'PAYLOAD_TOO_LARGE', '上传内容过大', 'The upload is too large');
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return send(request, reply, 400, 'VALIDATION_FAILED', `请求格式有误：${fe.message}`, `Malformed request: ${fe.message}`);
  }
  // A multipart body with a wrong boundary or cut short: the parser's error is the client's.
  if (/@fastify\/busboy|busboy/.test(error.stack ?? '') && !(fe.statusCode && fe.statusCode >= 500)) {
    return send(request, reply, 400, 'VALIDATION_FAILED', '上传内容不完整或格式有误，请重新上传', 'The upload is malformed or incomplete; upload it again', [
      { field: 'file', reason: error.message },
    ]);
  }
  const fromDb = translateDbError(error);
  if (fromDb) {
    request.log.warn({ err: error, requestId: request.id }, 'database refused the input');
    return sendAppError(request, reply, fromDb);
  }
  request.log.error({ err: error, requestId: request.id, method: request.method, url: request.routeOptions.url ?? request.url }, 'unhandled error');
  return send(
    request,
    reply,
    500,
    'INTERNAL',
    `服务器内部错误，已记录（编号 ${request.id}），请稍后重试`,
    `Internal error; it has been logged (request ${request.id})`,
  );
}
