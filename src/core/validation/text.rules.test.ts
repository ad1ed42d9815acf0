import { describe, expect, it } from 'vitest';
import { findUnsafeCharacter, findUnsafeText } from './text.rules';
import { hasTwoDecimalsAtMost, hoursValue, safeText } from './text.schema';

describe('text a client may send (issue 10, item 2)', () => {
  it('refuses NUL, other control characters and unpaired surrogates; keeps tab, CR, LF and emoji', () => {
    expect(findUnsafeCharacter('a\u0000b')).toBe('control');
    expect(findUnsafeCharacter('bell\u0007')).toBe('control');
    expect(findUnsafeCharacter('del\u007f')).toBe('control');
    expect(findUnsafeCharacter('\u0085')).toBe('control');
    expect(findUnsafeCharacter('\ud800x')).toBe('surrogate');
    expect(findUnsafeCharacter('x\udc00')).toBe('surrogate');
    expect(findUnsafeCharacter('end\ud83d')).toBe('surrogate');
    expect(findUnsafeCharacter('第一行\n第二行\r\n\t缩进 😀 培训')).toBeUndefined();
  });

  it('names the path of the first unsafe text in a parsed body, keys included', () => {
    expect(findUnsafeText({ title: 'ok', lines: [{ note: 'fine' }, { note: 'bad\u0000' }] })).toEqual({ path: 'lines.1.note', reason: 'control' });
    expect(findUnsafeText({ ['k\u0000']: 1 })).toEqual({ path: 'body', reason: 'control' });
    expect(findUnsafeText({ a: { ['\ud800']: 1 } })).toEqual({ path: 'a', reason: 'surrogate' });
    expect(findUnsafeText('\u0001', 'q')).toEqual({ path: 'q', reason: 'control' });
    expect(findUnsafeText({ n: 1, b: true, x: null, list: ['a', 'b'] })).toBeUndefined();
    expect(findUnsafeText(Buffer.from([0, 1, 2]))).toBeUndefined();
  });

  it('safeText refuses the same characters with a readable reason', () => {
    const s = safeText({ max: 10 });
    expect(s.safeParse('正常').success).toBe(true);
    const bad = s.safeParse('a\u0000');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/control character/);
    expect(s.safeParse('x'.repeat(11)).success).toBe(false);
  });

  it('hours are positive with at most two decimals, as numeric(…, 2) keeps them', () => {
    expect(hasTwoDecimalsAtMost(1.5)).toBe(true);
    expect(hasTwoDecimalsAtMost(0.01)).toBe(true);
    expect(hasTwoDecimalsAtMost(2.35)).toBe(true);
    expect(hasTwoDecimalsAtMost(0.0001)).toBe(false);
    expect(hasTwoDecimalsAtMost(1.005)).toBe(false);
    const h = hoursValue({ max: 100 });
    expect(h.safeParse(0.0001).success).toBe(false);
    expect(h.safeParse(0).success).toBe(false);
    expect(h.safeParse(3.25).success).toBe(true);
  });
});
