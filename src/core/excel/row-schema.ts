import type { z } from 'zod';
import { findUnsafeText, UNSAFE_REASONS } from '../validation';
import type { RowErrors } from './row-errors';

// Issue 16 item 2: an imported row is checked by the same zod schema the create/update route
// uses, so a row the route refuses is refused by the import too, with the row and the column
// named and the reason in words instead of zod's code.

type Words = { zh: string; en: string };

/** Messages schemas give in English, with their Chinese (everything else falls back to zod's own text). */
const KNOWN: Record<string, Words> = {
  'YYYY-MM': { zh: '须为 YYYY-MM 格式的月份', en: 'must be a month as YYYY-MM' },
  'YYYY-MM-DD': { zh: '须为 YYYY-MM-DD 格式的日期', en: 'must be a date as YYYY-MM-DD' },
  ...Object.fromEntries(Object.values(UNSAFE_REASONS).map((w) => [w.en, w])),
};

/** One zod issue as words a person reads beside the row and column. */
export function issueWords(issue: z.core.$ZodIssue, input: unknown): Words {
  const known = KNOWN[issue.message];
  if (known) return known;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null) return { zh: '必填', en: 'required' };
      if (issue.expected === 'int') return { zh: '须为整数', en: 'must be a whole number' };
      if (issue.expected === 'number') return { zh: '须为数字', en: 'must be a number' };
      if (issue.expected === 'string') return { zh: '须为文字', en: 'must be text' };
      return { zh: '类型不正确', en: issue.message };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { zh: '必填', en: 'required' } : { zh: `至少 ${min} 个字符`, en: `must have at least ${min} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { zh: `至少 ${min} 项`, en: `must have at least ${min} entries` };
      if (issue.inclusive) return min === 0 ? { zh: '不能为负数', en: 'must not be negative' } : { zh: `不能小于 ${min}`, en: `must be at least ${min}` };
      return { zh: `须大于 ${min}`, en: `must be above ${min}` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { zh: `不能超过 ${max} 个字符`, en: `must have at most ${max} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { zh: `最多 ${max} 项`, en: `must have at most ${max} entries` };
      return issue.inclusive ? { zh: `不能大于 ${max}`, en: `must be at most ${max}` } : { zh: `须小于 ${max}`, en: `must be below ${max}` };
    }
    case 'invalid_format':
      if (issue.format === 'date') return KNOWN['YYYY-MM-DD'];
      return { zh: '格式不正确', en: `not in the expected format (${issue.message})` };
    case 'invalid_value':
      return { zh: '不是可选的值', en: 'not one of the allowed values' };
    case 'not_multiple_of':
      return { zh: `须为 ${String(issue.divisor)} 的倍数`, en: `must be a multiple of ${String(issue.divisor)}` };
    default:
      return { zh: `不符合要求（${issue.message}）`, en: issue.message };
  }
}

/** A row as a route body: blank cells left out (an optional field is absent, not null). */
export function rowBody<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], null> };
}

/**
 * Checks one imported row with a route's schema, as the route would: first the characters the
 * server refuses on every request (NUL, other control characters, lone surrogates), then the
 * schema. Each problem is added to `errors` under the row and the column; the parsed value is
 * returned when there is none. `columnOf` maps a field path to the sheet's column key when
 * they differ (default: the first path segment is the column key).
 */
export function checkRow<S extends z.ZodType>(
  errors: RowErrors,
  rowNumber: number,
  schema: S,
  body: unknown,
  columnOf: (path: readonly PropertyKey[]) => string | undefined = (path) => (path.length ? String(path[0]) : undefined),
): z.output<S> | undefined {
  const unsafe = findUnsafeText(body);
  if (unsafe) {
    const w = UNSAFE_REASONS[unsafe.reason];
    errors.add(rowNumber, columnOf(unsafe.path.split('.')), w.zh, w.en);
    return undefined;
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const w = issueWords(issue, valueAt(body, issue.path));
    errors.add(rowNumber, columnOf(issue.path), w.zh, w.en);
  }
  return undefined;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = body;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}
