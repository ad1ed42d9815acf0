// Issue 15 item 5: the audit log in words. Modules declare labels for their actions, the kinds of
// record they write and the fields of those records (ModuleDeclaration.audit); this table
// composes them and, for an action nobody declared, builds the words from the module's name,
// the record kind and a common verb. A code never reaches the page.

export type Text = { zh: string; en: string };

export interface AuditLabels {
  /** Full action codes, e.g. 'department.retire' → 撤销部门. */
  actions?: Record<string, Text>;
  /** Record kinds (the `entity` column), e.g. 'department' → 部门. */
  entities?: Record<string, Text>;
  /** Field names inside old / new values, e.g. 'parentId' → 上级. */
  fields?: Record<string, Text>;
}

export interface AuditModuleLabels {
  name: string;
  label: Text;
  audit?: AuditLabels;
}

// Verbs are the platform's vocabulary, not any domain's: the last word of an action code.
const VERBS: Record<string, Text> = {
  create: { zh: '新建', en: 'Created' },
  add: { zh: '添加', en: 'Added' },
  update: { zh: '修改', en: 'Changed' },
  change: { zh: '变更', en: 'Changed' },
  edit: { zh: '修改', en: 'Edited' },
  remove: { zh: '删除', en: 'Removed' },
  delete: { zh: '删除', en: 'Deleted' },
  retire: { zh: '撤销', en: 'Retired' },
  restore: { zh: '恢复', en: 'Restored' },
  approve: { zh: '批准', en: 'Approved' },
  reject: { zh: '退回', en: 'Rejected' },
  submit: { zh: '提交', en: 'Submitted' },
  withdraw: { zh: '撤回', en: 'Withdrew' },
  issue: { zh: '发放', en: 'Issued' },
  close: { zh: '关闭', en: 'Closed' },
  import: { zh: '导入', en: 'Imported' },
  export: { zh: '导出', en: 'Exported' },
  record: { zh: '登记', en: 'Recorded' },
  confirm: { zh: '确认', en: 'Confirmed' },
  cancel: { zh: '取消', en: 'Cancelled' },
  complete: { zh: '完成', en: 'Completed' },
  assign: { zh: '指派', en: 'Assigned' },
  plan: { zh: '编制', en: 'Planned' },
  review: { zh: '评审', en: 'Reviewed' },
  sign: { zh: '签收', en: 'Signed' },
  acknowledge: { zh: '签收', en: 'Acknowledged' },
  decide: { zh: '审批', en: 'Decided' },
  login: { zh: '登录', en: 'Signed in' },
  logout: { zh: '退出', en: 'Signed out' },
  unlock: { zh: '解锁', en: 'Unlocked' },
  lock: { zh: '锁定', en: 'Locked' },
  promote: { zh: '转正', en: 'Promoted' },
  register: { zh: '注册', en: 'Registered' },
  publish: { zh: '发布', en: 'Published' },
  set: { zh: '设置', en: 'Set' },
};

// Fields every record has, whatever the module.
const COMMON_FIELDS: Record<string, Text> = {
  name: { zh: '名称', en: 'Name' },
  title: { zh: '标题', en: 'Title' },
  state: { zh: '状态', en: 'State' },
  status: { zh: '状态', en: 'Status' },
  version: { zh: '版本', en: 'Version' },
  note: { zh: '备注', en: 'Note' },
  reason: { zh: '原因', en: 'Reason' },
  date: { zh: '日期', en: 'Date' },
  createdAt: { zh: '创建时间', en: 'Created at' },
  updatedAt: { zh: '修改时间', en: 'Changed at' },
  quantity: { zh: '数量', en: 'Quantity' },
  displayName: { zh: '姓名', en: 'Name' },
  username: { zh: '用户名', en: 'Username' },
  code: { zh: '编码', en: 'Code' },
  number: { zh: '编号', en: 'Number' },
  clause: { zh: '条款', en: 'Clause' },
};

export interface AuditLabelTable {
  action(action: string, entity: string): Text;
  entity(entity: string, action?: string): Text;
  field(field: string): Text;
  /** Every declared action, for the filter. */
  declaredActions(): { code: string; label: Text }[];
}

/** Splits camelCase / snake_case into words: a last resort that is still not a code. */
function words(key: string): Text {
  const s = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  const en = s.charAt(0).toUpperCase() + s.slice(1);
  return { zh: en, en };
}

export function composeAuditLabels(modules: readonly AuditModuleLabels[]): AuditLabelTable {
  const actions = new Map<string, Text>();
  const entities = new Map<string, Text>();
  const fields = new Map<string, Text>(Object.entries(COMMON_FIELDS));
  const moduleLabels = new Map<string, Text>();
  for (const m of modules) {
    moduleLabels.set(m.name, m.label);
    for (const [k, v] of Object.entries(m.audit?.actions ?? {})) actions.set(k, v);
    for (const [k, v] of Object.entries(m.audit?.entities ?? {})) entities.set(k, v);
    for (const [k, v] of Object.entries(m.audit?.fields ?? {})) fields.set(k, v);
  }
  const entity = (e: string, action?: string): Text =>
    entities.get(e) ?? moduleLabels.get(e.split('.')[0]) ?? (action ? moduleLabels.get(action.split('.')[0]) : undefined) ?? words(e);
  return {
    action(action, entityCode) {
      const declared = actions.get(action);
      if (declared) return declared;
      const parts = action.split('.');
      const last = parts[parts.length - 1];
      // An undeclared verb still reads as words in both languages, never as the code.
      const verb = VERBS[last] ?? { zh: '处理', en: words(last).en };
      const what = entities.get(entityCode) ??
        entities.get(parts.slice(0, -1).join('.')) ??
        moduleLabels.get(parts[0]) ??
        moduleLabels.get(entityCode) ?? { zh: '记录', en: 'Record' };
      return { zh: `${verb.zh}${what.zh}`, en: `${verb.en} ${what.en.toLowerCase()}` };
    },
    entity,
    field: (f) => fields.get(f) ?? words(f),
    declaredActions: () => [...actions.entries()].map(([code, label]) => ({ code, label })),
  };
}

const NAME_KEYS = ['name', 'title', 'displayName', 'number', 'orderNo', 'code', 'username', 'date'];

/** The record as a person knows it: its name, title or number from the values, else a short id. */
export function recordName(entityId: string, before: unknown, after: unknown): string {
  for (const v of [after, before]) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const k of NAME_KEYS) {
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === 'string' && x.trim()) return x;
        if (typeof x === 'number') return String(x);
      }
    }
  }
  // Ids are for machines: a composite id keeps its readable parts (a month, a date), a bare uuid its first digits.
  const readable = entityId
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '')
    .replace(/^[:/|]+|[:/|]+$/g, '')
    .replace(/[:/|]{2,}/g, ' ');
  return readable.trim() || `#${entityId.replace(/-/g, '').slice(0, 8)}`;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping and machine keys: a rule code, a requirement id or a record's type name is for the
// code, not for a person reading the log (issue 15 item 1); the clause a record cites stays.
const HIDDEN = new Set(['orgId', 'id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'ruleCode', 'requirementId', 'subjectType', 'subjectId', 'link']);

/** Old → new, one line per field that changed (a created record lists its values, a removed one its old values). */
export function diffValues(before: unknown, after: unknown): FieldChange[] {
  const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const b = obj(before);
  const a = obj(after);
  if (!b && !a) {
    if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return [];
    return [{ field: 'value', before: before ?? null, after: after ?? null }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !HIDDEN.has(k));
  return keys
    .filter((k) => JSON.stringify(b?.[k] ?? null) !== JSON.stringify(a?.[k] ?? null))
    .map((k) => ({ field: k, before: b?.[k] ?? null, after: a?.[k] ?? null }));
}

/** A value in words: yes / no, lists joined, empty as —. */
export function valueText(v: unknown, locale: 'zh-CN' | 'en'): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return locale === 'en' ? (v ? 'Yes' : 'No') : v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => valueText(x, locale)).join(locale === 'en' ? ', ' : '、');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${valueText(x, locale)}`)
      .join('; ');
  return String(v);
}
