// A readable diff between two revisions of a document (CORE-4). Nested JSON: objects by
// key, arrays of lines matched by their `id` or `key` field when every line has one
// (so a moved or inserted line is not reported as every later line changing), else by index.

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  /** e.g. 'title', 'body.lines[k2].value', 'body.items[0]' */
  path: string;
  labelZh?: string;
  before: unknown;
  after: unknown;
  kind: DiffKind;
}

/** Field name → Chinese label, applied to the last named segment of a path. */
export type DiffLabels = Record<string, string>;

export const DEFAULT_DIFF_LABELS: DiffLabels = {
  title: '标题',
  body: '内容',
  content: '正文',
  contentEn: '正文（英文）',
  valueEn: '值（英文）',
  lines: '条目',
  key: '项目',
  value: '值',
  quantity: '数量',
  date: '日期',
  note: '备注',
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => isEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && isEqual(a[k], b[k]));
  }
  return false;
}

function identityOf(item: unknown): string | undefined {
  if (!isPlainObject(item)) return undefined;
  for (const field of ['id', 'key']) {
    const v = item[field];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
}

function keyedIdentities(items: unknown[]): string[] | undefined {
  const ids = items.map(identityOf);
  if (ids.some((x) => x === undefined)) return undefined;
  return new Set(ids).size === ids.length ? (ids as string[]) : undefined;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function diffRevisions(before: unknown, after: unknown, labels: DiffLabels = DEFAULT_DIFF_LABELS): DiffEntry[] {
  const out: DiffEntry[] = [];
  const push = (path: string, kind: DiffKind, b: unknown, a: unknown, label?: string) => {
    const labelZh = label === undefined ? undefined : labels[label];
    out.push({ path, ...(labelZh ? { labelZh } : {}), before: b, after: a, kind });
  };

  const walk = (b: unknown, a: unknown, path: string, label?: string): void => {
    if (isEqual(b, a)) return;
    if (isPlainObject(b) && isPlainObject(a)) {
      const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
      for (const k of keys) {
        const p = join(path, k);
        if (!(k in a)) push(p, 'removed', b[k], undefined, k);
        else if (!(k in b)) push(p, 'added', undefined, a[k], k);
        else walk(b[k], a[k], p, k);
      }
      return;
    }
    if (Array.isArray(b) && Array.isArray(a)) {
      const idsB = keyedIdentities(b);
      const idsA = keyedIdentities(a);
      if (idsB && idsA) {
        const byIdA = new Map(a.map((x, i) => [idsA[i], x]));
        const byIdB = new Map(b.map((x, i) => [idsB[i], x]));
        for (const [i, id] of idsB.entries()) {
          const p = `${path}[${id}]`;
          if (!byIdA.has(id)) push(p, 'removed', b[i], undefined, label);
          else walk(b[i], byIdA.get(id), p, label);
        }
        for (const [i, id] of idsA.entries()) if (!byIdB.has(id)) push(`${path}[${id}]`, 'added', undefined, a[i], label);
        return;
      }
      const n = Math.max(b.length, a.length);
      for (let i = 0; i < n; i++) {
        const p = `${path}[${i}]`;
        if (i >= a.length) push(p, 'removed', b[i], undefined, label);
        else if (i >= b.length) push(p, 'added', undefined, a[i], label);
        else walk(b[i], a[i], p, label);
      }
      return;
    }
    if (b === undefined) push(path, 'added', undefined, a, label);
    else if (a === undefined) push(path, 'removed', b, undefined, label);
    else push(path, 'changed', b, a, label);
  };

  walk(before, after, '');
  return out;
}
