import { AppError } from '#core/errors';

// The last line of defence: a database refusal caused by the input (a reference that does
// not exist, a check, a value the column cannot hold) is the client's 400, not our 500.
// Services check references first and name the field themselves; this catches what they miss.

interface PgLikeError {
  code?: string;
  detail?: string;
  constraint?: string;
  column?: string;
  table?: string;
}

/** The database error inside a driver or ORM wrapper (drizzle wraps it as `cause`). */
export function findPgError(err: unknown): PgLikeError | undefined {
  for (let e = err as (PgLikeError & { cause?: unknown }) | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** 'Key (org_id, plan_id)=(…) is not present…' → 'planId' (the org_id of every key is ours). */
function fieldOfDetail(detail: string | undefined): string | undefined {
  const m = /^Key \(([^)]+)\)=/.exec(detail ?? '');
  if (!m) return undefined;
  const columns = m[1]
    .split(',')
    .map((c) => c.trim().replace(/"/g, ''))
    .filter((c) => c !== 'org_id');
  return columns.length ? columns.map(camel).join(',') : undefined;
}

/** 'training_claims_hours_check' on table training_claims → 'hours'. */
function fieldOfConstraint(e: PgLikeError): string | undefined {
  if (!e.constraint) return undefined;
  let name = e.constraint;
  if (e.table && name.startsWith(`${e.table}_`)) name = name.slice(e.table.length + 1);
  name = name.replace(/_(check|fkey|key)$/, '');
  return name ? camel(name) : undefined;
}

const invalid = (field: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', `输入有误：${field}（${zh}）`, `Invalid input: ${field} (${en})`, [{ field, reason: en }]);

/** An AppError for a database refusal the client caused, or undefined for a real failure. */
export function translateDbError(err: unknown): AppError | undefined {
  const e = findPgError(err);
  if (!e?.code) return undefined;
  switch (e.code) {
    case '23503':
      return invalid(fieldOfDetail(e.detail) ?? fieldOfConstraint(e) ?? 'body', '引用的记录不存在', 'refers to a record that does not exist');
    case '23514':
      return invalid(fieldOfConstraint(e) ?? 'body', '取值不符合要求', 'value not allowed');
    case '23502':
      return invalid(e.column ? camel(e.column) : 'body', '必填', 'required');
    case '23505':
      return new AppError('CONFLICT', '记录已存在', 'That record exists already', [{ field: fieldOfDetail(e.detail) ?? 'body', reason: 'exists' }]);
    case '22001':
      return invalid(e.column ? camel(e.column) : 'body', '过长', 'too long');
    case '22003':
      return invalid(e.column ? camel(e.column) : 'body', '数值超出范围', 'number out of range');
    case '22P02':
    case '22007':
    case '22008':
    case '22021':
    case '22P05':
    case '2201B':
      return invalid(e.column ? camel(e.column) : 'body', '格式不正确', 'malformed value');
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', '与他人的修改同时发生，请重试', 'This collided with another change; try again');
    default:
      return undefined;
  }
}
