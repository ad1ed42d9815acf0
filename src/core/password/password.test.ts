import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { isCommonPassword } from './common-passwords';
import { assertStrongPassword } from './password';

const reasonOf = (plain: string, username?: string): string | undefined => {
  try {
    assertStrongPassword(plain, 'password', username);
    return undefined;
  } catch (e) {
    return (e as AppError).details?.[0]?.reason;
  }
};

describe('CORE-2 password policy (issue 10 item 9)', () => {
  it('refuses a password equal to the username, or containing it, whatever the case', () => {
    expect(reasonOf('zhang.wei2026', 'zhang.wei2026')).toMatch(/username/);
    expect(reasonOf('Zhang.Wei2026', 'zhang.wei2026')).toMatch(/username/);
    expect(reasonOf('zhang.wei-2026x', 'zhang.wei')).toMatch(/username/);
    expect(reasonOf('Kettle-lamp-91', 'zhang.wei')).toBeUndefined();
  });

  it('refuses NUL and other control characters', () => {
    expect(reasonOf('Kettle\u0000lamp91')).toMatch(/control/);
    expect(reasonOf('Kettle\u001blamp91')).toMatch(/control/);
  });

  it('refuses the most common passwords and their trivial variations', () => {
    for (const p of [
      'password1',
      'Password2026',
      'p@ssw0rd99',
      'qwe123456',
      'abc12345',
      'a123456789',
      'woaini1314',
      '1qaz2wsx',
      'iloveyou2',
      '123qwerty',
      'Admin888',
    ]) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(reasonOf(p), p).toMatch(/common/);
    }
    for (const p of ['testpass123', 'Kettle-lamp-91', 'NewSecret2026', 'Ledger2026x', 'bench-pass-2026']) expect(isCommonPassword(p), p).toBe(false);
  });

  it('keeps the length and letters-and-digits rules', () => {
    expect(reasonOf('ab1')).toMatch(/8 characters/);
    expect(reasonOf('abcdefghij')).toMatch(/letters and digits/);
    expect(() => assertStrongPassword('Ledger2026x')).not.toThrow(AppError);
  });
});
