import { describe, expect, it } from 'vitest';
import { assertCanDisable, isValidUsername, orgStateOf } from './platform.rules';

describe('issue 12: platform operator rules', () => {
  it('issue 12: an organisation is disabled exactly when it has a disabled date', () => {
    expect(orgStateOf({ disabledAt: null })).toBe('active');
    expect(orgStateOf({ disabledAt: new Date('2026-03-10T02:00:00Z') })).toBe('disabled');
  });

  it('issue 12: the platform organisation itself can never be disabled; plants and schools can', () => {
    expect(() => assertCanDisable({ kind: 'platform', disabledAt: null })).toThrow(/平台组织不能停用/);
    expect(() => assertCanDisable({ kind: 'school', disabledAt: null })).not.toThrow();
    expect(() => assertCanDisable({ kind: 'enterprise', disabledAt: null })).not.toThrow();
  });

  it('issue 12: an admin username is 2–64 letters, digits, dots, dashes or underscores', () => {
    expect(isValidUsername('east.admin')).toBe(true);
    expect(isValidUsername('a')).toBe(false);
    expect(isValidUsername('有 空格')).toBe(false);
  });
});
