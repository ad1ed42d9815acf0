import { type DiffEntry, diffRevisions } from '#core/approval';
import type { ProcessBody, ProcessCategory } from './process-doc.contract';

// Process documents (PP-20): their items keep stable keys so a revision's diff reads as
// "item 灌装温度: requirement changed", not "every later line changed". Pure.

export const PROCESS_DOC_TYPES = { spec: 'production.process_spec', standard: 'production.site_standard' } as const;
export const docTypeOf = (category: ProcessCategory): string => (category === 'standard' ? PROCESS_DOC_TYPES.standard : PROCESS_DOC_TYPES.spec);
export const isProcessDocType = (docType: string): boolean => docType === PROCESS_DOC_TYPES.spec || docType === PROCESS_DOC_TYPES.standard;

export const CATEGORY_LABELS: Record<ProcessCategory, { zh: string; en: string }> = {
  outline: { zh: '工艺大纲', en: 'Process outline' },
  procedure: { zh: '操作规程', en: 'Operating procedure' },
  standard: { zh: '现场作业标准', en: 'Site standard' },
};

export interface ItemInput {
  key?: string;
  title: string;
  requirement: string;
}

/** Trims the items and gives each without a (unique) key the next free one: k1, k2, … */
export function normaliseItems(items: readonly ItemInput[]): { items: ProcessBody['items']; issues: { field: string; zh: string; en: string }[] } {
  const issues: { field: string; zh: string; en: string }[] = [];
  if (items.length === 0) issues.push({ field: 'items', zh: '至少需要一项内容', en: 'at least one item is needed' });
  const used = new Set<string>();
  let next = 1 + Math.max(0, ...items.map((i) => Number(/^k(\d+)$/.exec(i.key ?? '')?.[1] ?? 0)));
  const out = items.map((i, n) => {
    const title = i.title.trim();
    if (!title) issues.push({ field: `items[${n}].title`, zh: '请填写项目名称', en: 'a title is required' });
    let key = i.key?.trim() ?? '';
    if (!key || used.has(key)) key = `k${next++}`;
    used.add(key);
    return { key, title, requirement: i.requirement.trim() };
  });
  return { items: out, issues };
}

const text = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') {
    const o = v as { title?: string; requirement?: string };
    if (o.title !== undefined) return `${o.title}：${o.requirement ?? ''}`;
    return JSON.stringify(v);
  }
  return String(v);
};

const FIELD: Record<string, { zh: string; en: string }> = {
  title: { zh: '标题', en: 'Title' },
  scope: { zh: '适用范围', en: 'Scope' },
  workshopId: { zh: '适用车间', en: 'Workshop' },
  category: { zh: '类别', en: 'Category' },
  requirement: { zh: '要求', en: 'Requirement' },
};

/** The changes from one revision to the next, each labelled as a person reads it. */
export function readableDiff(before: { title: string; body: ProcessBody }, after: { title: string; body: ProcessBody }) {
  const names = new Map([...before.body.items, ...after.body.items].map((i) => [i.key, i.title]));
  return diffRevisions(before, after).map((d: DiffEntry) => {
    const item = /items\[([^\]]+)\](?:\.(\w+))?$/.exec(d.path);
    let label: { zh: string; en: string };
    if (item) {
      const name = names.get(item[1]) ?? item[1];
      const field = item[2] ? FIELD[item[2]] : undefined;
      label = field ? { zh: `条目「${name}」· ${field.zh}`, en: `Item “${name}” · ${field.en}` } : { zh: `条目「${name}」`, en: `Item “${name}”` };
    } else {
      const last = d.path.split('.').pop() ?? d.path;
      label = FIELD[last] ?? { zh: last, en: last };
    }
    return { label, kind: d.kind, before: text(d.before), after: text(d.after) };
  });
}
