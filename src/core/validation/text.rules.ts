// Text a client may send: PostgreSQL refuses NUL in text and JSON, an unpaired surrogate is
// not Unicode at all, and other control characters are never typed by a person. Tab, CR and
// LF stay allowed (multi-line notes, pasted tables).

export type UnsafeReason = 'control' | 'surrogate';

export interface UnsafeText {
  /** Where it sits, as fields are named in errors: 'lines.0.note'. */
  path: string;
  reason: UnsafeReason;
}

/** The first character a stored text must not hold, or undefined when the text is fine. */
export function findUnsafeCharacter(text: string): UnsafeReason | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return 'control';
    } else if (c >= 0x7f && c <= 0x9f) {
      return 'control';
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'surrogate';
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return 'surrogate';
    }
  }
  return undefined;
}

const MAX_DEPTH = 64;

/** Walks parsed JSON (objects, arrays, strings; keys too) and names the first unsafe text. */
export function findUnsafeText(value: unknown, path = ''): UnsafeText | undefined {
  return walk(value, path, 0);
}

function walk(value: unknown, path: string, depth: number): UnsafeText | undefined {
  if (typeof value === 'string') {
    const reason = findUnsafeCharacter(value);
    return reason ? { path, reason } : undefined;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], join(path, String(i)), depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  // Binary content (a Buffer, a typed array) is not text; a query string parses to an object
  // with a prototype of its own, so plainness is not required.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date) return undefined;
  for (const [key, v] of Object.entries(value)) {
    const keyReason = findUnsafeCharacter(key);
    if (keyReason) return { path: path || 'body', reason: keyReason };
    const found = walk(v, join(path, key), depth + 1);
    if (found) return found;
  }
  return undefined;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export const UNSAFE_REASONS: Record<UnsafeReason, { zh: string; en: string }> = {
  control: { zh: '含有不允许的控制字符', en: 'contains a control character' },
  surrogate: { zh: '含有无效的 Unicode 字符', en: 'contains an unpaired surrogate (invalid Unicode)' },
};
