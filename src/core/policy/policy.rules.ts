import { AppError, type ErrorDetail } from '../errors';
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

/** Validates a whole policy; a bad value is reported by its path, e.g. training.creditsPerYear. */
export function parsePolicy(values: unknown): Policy {
  const result = PolicySchema.safeParse(values);
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'values', reason: i.message }));
  const first = details[0];
  throw new AppError('VALIDATION_FAILED', `制度参数有误：${first.field}（${first.reason}）`, `Invalid policy value: ${first.field} (${first.reason})`, details);
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
