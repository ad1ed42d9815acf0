import type * as Server from '#core/policy';
import type { Wire } from '#core/validation';

export type PolicyValues = Record<string, Record<string, unknown>>;

// The policy API's shapes are the server's (src/core/policy/policy.contract.ts); the editor
// reads `values` section by section, field by field, whatever the sections hold.
export type PolicyView = Omit<Wire<Server.PolicyView>, 'values'> & { values: PolicyValues };
export type { FieldMeta, PolicyChange, PolicyMeta } from '#core/policy';
export type PolicyVersionRow = Wire<Server.PolicyVersionRow>;
import type { FieldMeta, PolicyChange } from '#core/policy';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The metadata of a path, trying '*' for any segment (rows and keys). */
export function metaOf(fields: Record<string, FieldMeta>, path: string): FieldMeta | undefined {
  if (fields[path]) return fields[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = [...parts.slice(0, i), '*', ...parts.slice(i + 1)].join('.');
    if (fields[p]) return fields[p];
  }
  return undefined;
}

export function flatten(values: unknown, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (v: unknown, path: string) => {
    if (isObject(v)) for (const [k, c] of Object.entries(v)) visit(c, path ? `${path}.${k}` : k);
    else if (Array.isArray(v) && v.some(isObject)) for (const [i, c] of v.entries()) visit(c, `${path}.${i}`);
    else out[path] = v;
  };
  visit(values, prefix);
  return out;
}

export function diffValues(before: unknown, after: unknown): PolicyChange[] {
  const a = flatten(before);
  const b = flatten(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((p) => JSON.stringify(a[p]) !== JSON.stringify(b[p]))
    .map((path) => ({ path, before: a[path], after: b[path] }));
}

/** A copy of `values` with the value at `path` replaced. */
export function setAt<T>(values: T, path: string[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(values)) {
    const copy = [...values];
    copy[Number(head)] = setAt(copy[Number(head)], rest, value);
    return copy as T;
  }
  const obj = (values ?? {}) as Record<string, unknown>;
  return { ...obj, [head]: setAt(obj[head], rest, value) } as T;
}

export const showValue = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
