import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import { checkPromotion, registrationGaps, termCodeOf, transferOutDue } from './members.rules';

describe('league members (YL-1)', () => {
  it('YL-1 a preparatory member becomes a member on a day after the preparatory period began', () => {
    expect(checkPromotion({ status: 'preparatory', preparatorySince: '2026-03-10' }, '2026-05-04')).toBeNull();
    expect(checkPromotion({ status: 'preparatory', preparatorySince: '2026-03-10' }, '2026-03-01')?.zh).toContain('早于');
    expect(checkPromotion({ status: 'member', preparatorySince: null }, '2026-05-04')?.en).toContain('Only a preparatory');
  });

  it('YL-1 grade-9 members are due to transfer out from May (S5 三.2)', () => {
    const members = [
      { id: 'a', status: 'member' as const, grade: 9 },
      { id: 'b', status: 'transferred_out' as const, grade: 9 },
      { id: 'c', status: 'member' as const, grade: 8 },
    ];
    const s5 = POLICY_PRESETS.S2.league;
    expect(transferOutDue(members, '2026-04-30', s5)).toEqual([]);
    expect(transferOutDue(members, '2026-05-06', s5).map((m) => m.id)).toEqual(['a']);
    // issue 13 item 13: a school whose last grade is 8 and transfers from April, as its policy says.
    expect(transferOutDue(members, '2026-04-10', { graduatingGrade: 8, transferOutMonth: 4 }).map((m) => m.id)).toEqual(['c']);
  });

  it('YL-1 registration gaps list the members not yet registered for the term', () => {
    const members = [
      { id: 'a', status: 'member' as const },
      { id: 'b', status: 'preparatory' as const },
      { id: 'c', status: 'transferred_out' as const },
    ];
    expect(registrationGaps(members, new Set(['a'])).map((m) => m.id)).toEqual(['b']);
    expect(termCodeOf('2025-2026', 2)).toBe('2025-2026-2');
  });
});
