import type { z } from 'zod';

export interface PlanningIssue {
  /** Path into the input, e.g. `bom[3].child`; the whole input is `(input)`. */
  field: string;
  /** zh-CN */
  message: string;
  messageEn: string;
}

// One error type for every bad planning input so the CLI and the HTTP layer can
// map it without knowing which kernel raised it. `message` is zh-CN (the users'
// language); `messageEn` is for logs and the CLI.
export class PlanningInputError extends Error {
  readonly field: string;
  readonly messageEn: string;
  /** Every problem found, first one repeated; lets an import show row-level errors. */
  readonly issues: PlanningIssue[];

  constructor(field: string, messageEn: string, messageZh: string, issues?: PlanningIssue[]) {
    super(messageZh);
    this.name = 'PlanningInputError';
    this.field = field;
    this.messageEn = messageEn;
    this.issues = issues ?? [{ field, message: messageZh, messageEn }];
  }

  /** One line naming the field, e.g. `bom[3].child: unknown item "Z"`. */
  describe(): string {
    return `${this.field}: ${this.messageEn}`;
  }
}

export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(input)' : out;
}

function bound(issue: { inclusive?: boolean }, sign: '<' | '>'): string {
  return issue.inclusive === false ? sign : sign === '<' ? '≤' : '≥';
}

// zod's own messages are English-only and mention zod's vocabulary; users get
// short bilingual messages instead.
function describeIssue(issue: z.core.$ZodIssue): { en: string; zh: string } {
  switch (issue.code) {
    case 'invalid_type': {
      const received = (issue as { received?: string }).received;
      if (issue.expected === 'int') return { en: 'must be a whole number', zh: '必须是整数' };
      if (received === 'undefined' || issue.input === undefined) {
        return { en: 'is required', zh: '必填' };
      }
      if (received === 'NaN' || received === 'Infinity') {
        return { en: 'must be a finite number', zh: '必须是有限数值' };
      }
      const zhType: Record<string, string> = {
        number: '数字',
        string: '字符串',
        array: '数组',
        object: '对象',
        boolean: '布尔值',
      };
      return {
        en: `must be a ${issue.expected}`,
        zh: `必须是${zhType[issue.expected] ?? issue.expected}`,
      };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') {
        return { en: `must have at least ${min} entries`, zh: `至少需要 ${min} 项` };
      }
      if (issue.origin === 'string') return { en: 'must not be empty', zh: '不能为空' };
      const op = bound(issue, '>');
      return { en: `must be ${op} ${min}`, zh: `必须 ${op} ${min}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') {
        return { en: `must have at most ${max} entries`, zh: `最多 ${max} 项` };
      }
      const op = bound(issue, '<');
      return { en: `must be ${op} ${max}`, zh: `必须 ${op} ${max}` };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { en: `must be one of ${values}`, zh: `必须是以下之一：${values}` };
    }
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) {
        const values = options.map((v) => JSON.stringify(v)).join(', ');
        return { en: `must be one of ${values}`, zh: `必须是以下之一：${values}` };
      }
      return { en: 'has an invalid shape', zh: '格式不正确' };
    }
    case 'unrecognized_keys':
      return {
        en: `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        zh: `未知字段 ${issue.keys.map((k) => `"${k}"`).join('、')}`,
      };
    default:
      return { en: issue.message, zh: issue.message };
  }
}

export function toPlanningInputError(error: z.ZodError): PlanningInputError {
  const issues = error.issues.map((issue): PlanningIssue => {
    const { en, zh } = describeIssue(issue);
    return { field: formatFieldPath(issue.path), message: zh, messageEn: en };
  });
  const first = issues[0] ?? { field: '(input)', message: '输入无效', messageEn: 'invalid input' };
  return new PlanningInputError(first.field, first.messageEn, first.message, issues);
}
