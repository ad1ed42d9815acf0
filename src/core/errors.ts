// One error type for the whole app. The HTTP status comes from one map, and an
// unknown code cannot compile (assertNever in httpStatusOf).

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'CSRF_FAILED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'VERSION_CONFLICT'
  | 'INVALID_STATE'
  | 'SELF_APPROVAL_FORBIDDEN'
  | 'IMPORT_FAILED'
  | 'FILE_REJECTED'
  | 'PAYLOAD_TOO_LARGE'
  | 'SELECTION_TOO_LARGE'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  reason: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, messageZh: string, messageEn: string, details?: ErrorDetail[]) {
    super(messageZh);
    this.name = 'AppError';
    this.code = code;
    this.messageEn = messageEn;
    this.details = details;
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'IMPORT_FAILED':
    case 'FILE_REJECTED':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF_FAILED':
    case 'SELF_APPROVAL_FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'VERSION_CONFLICT':
    case 'INVALID_STATE':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    // The request is fine but asks for more than one answer may carry: narrow it.
    case 'SELECTION_TOO_LARGE':
      return 422;
    case 'ACCOUNT_LOCKED':
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    // The process cannot answer yet or any more (its first-start work failed): try again later.
    case 'UNAVAILABLE':
      return 503;
    default:
      return assertNever(code);
  }
}

export const notFound = (what: string, whatEn: string): AppError => new AppError('NOT_FOUND', `${what}不存在`, `${whatEn} not found`);

export const invalidField = (field: string, zh: string, en: string): AppError =>
  new AppError('VALIDATION_FAILED', `${field}：${zh}`, `${field}: ${en}`, [{ field, reason: en }]);

export const versionConflict = (): AppError =>
  new AppError('VERSION_CONFLICT', '该记录已被他人修改，请刷新后重试', 'This record was changed by someone else; reload and try again');

export const invalidState = (zh: string, en: string): AppError => new AppError('INVALID_STATE', zh, en);
