import { z } from 'zod';
import { AppError, type ErrorDetail } from '../errors';
import { FIELD_META } from './policy.meta';
import { type Policy, PolicySchema } from './policy.schema';

export interface PolicyChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Deep merge for partial edits: objects merge key by key; arrays and values replace. */
export function mergePolicyValues(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = mergePolicyValues(base[k], v);
  return out;
}

// Meta paths use '*' for any key or row: training.creditRules.*.creditsPerHour.
function labelOf(path: string): { zh: string; en: string } | undefined {
  if (FIELD_META[path]) return FIELD_META[path].label;
  const segments = path.split('.');
  const key = Object.keys(FIELD_META).find((k) => {
    const parts = k.split('.');
    return parts.length === segments.length && parts.every((p, i) => p === '*' || p === segments[i]);
  });
  return key ? FIELD_META[key].label : undefined;
}

/** Validates a whole policy; a bad value is reported by its path, e.g. training.creditsPerYear, with reasons in `locale`. */
export function parsePolicy(values: unknown, locale: 'zh-CN' | 'en' = 'en'): Policy {
  const result = PolicySchema.safeParse(values);
  if (result.success) return result.data;
  // zod words its reasons in English; the same parse with its Chinese locale gives the Chinese ones.
  const zhIssues = PolicySchema.safeParse(values, { error: z.locales.zhCN().localeError }).error?.issues ?? result.error.issues;
  const fieldOf = (i: { path: PropertyKey[] }) => i.path.map(String).join('.') || 'values';
  const details: ErrorDetail[] = (locale === 'en' ? result.error.issues : zhIssues).map((i) => ({ field: fieldOf(i), reason: i.message }));
  const field = fieldOf(result.error.issues[0]);
  const label = labelOf(field);
  throw new AppError(
    'VALIDATION_FAILED',
    `制度参数有误：${label ? `${label.zh} ` : ''}${field}（${zhIssues[0].message}）`,
    `Invalid policy value: ${label ? `${label.en} ` : ''}${field} (${result.error.issues[0].message})`,
    details,
  );
}

/** Leaf values by path; arrays of objects are flattened by row, arrays of values kept whole. */
export function flattenPolicy(values: unknown, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (v: unknown, path: string) => {
    if (isPlainObject(v)) {
      for (const [k, child] of Object.entries(v)) visit(child, path ? `${path}.${k}` : k);
    } else if (Array.isArray(v) && v.some((x) => isPlainObject(x))) {
      for (const [i, child] of v.entries()) visit(child, `${path}.${i}`);
    } else {
      out[path] = v;
    }
  };
  visit(values, prefix);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from one policy to another, path by path, in a stable order. */
export function diffPolicies(before: unknown, after: unknown): PolicyChange[] {
  const a = flattenPolicy(before);
  const b = flattenPolicy(after);
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return paths.filter((p) => !same(a[p], b[p])).map((path) => ({ path, before: a[path], after: b[path] }));
}
