import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import { type CreditPolicy, computeCredits, type SessionCreditInput } from './credit.rules';

const policy: CreditPolicy = POLICY_PRESETS.S1.training;
const session = (over: Partial<SessionCreditInput> = {}): SessionCreditInput => ({
  sessionId: 's1',
  date: '2026-03-02',
  title: '政治学习',
  parts: [{ category: 'moralEducation', minutes: 90 }],
  durationMinutes: 90,
  status: 'on_time',
  lateMinutes: 0,
  leftEarlyMinutes: 0,
  ...over,
});

describe('credits (ST-6)', () => {
  it('ST-6 counts one 学时 per 45 minutes and one credit per 学时 under the S1 preset, against 12 a year', () => {
    const r = computeCredits([session()], [], policy);
    expect(r.lines[0]).toMatchObject({ minutes: 90, hours: 2, credits: 2 });
    expect(r).toMatchObject({ totalCredits: 2, required: 12, isMet: false, shortfall: 10, progress: 0.17 });
    expect(r.lines[0].notes.map((n) => n.zh)).toEqual(['90 分钟折合 2 学时（每 45 分钟 1 学时，不足部分不计）', '2 学时 × 1 = 2 学分']);
  });

  it('ST-6 partial attendance earns partial credit; under 45 minutes nothing; absence and leave nothing', () => {
    const r = computeCredits(
      [
        session({ sessionId: 'late', status: 'late', lateMinutes: 40 }),
        session({ sessionId: 'short', date: '2026-03-03', status: 'left_early', leftEarlyMinutes: 50 }),
        session({ sessionId: 'absent', date: '2026-03-04', status: 'absent' }),
        session({ sessionId: 'leave', date: '2026-03-05', status: 'excused' }),
      ],
      [],
      policy,
    );
    expect(r.lines.map((l) => [l.refId, l.minutes, l.hours])).toEqual([
      ['late', 50, 1],
      ['short', 40, 0],
      ['absent', 0, 0],
      ['leave', 0, 0],
    ]);
    expect(r.lines[1].notes.map((n) => n.zh)).toContain('不足 45 分钟，不计学时');
    expect(r.lines[2].notes[0].zh).toBe('缺席，不计学时');
    expect(r.totalCredits).toBe(1);
  });

  it('ST-6 a session with several credit types splits its minutes by type', () => {
    const r = computeCredits(
      [
        session({
          parts: [
            { category: 'theory', minutes: 45 },
            { category: 'informationTechnology', minutes: 45 },
          ],
        }),
      ],
      [],
      policy,
    );
    expect(r.categories.map((c) => [c.category, c.credits])).toEqual([
      ['theory', 1],
      ['informationTechnology', 1],
    ]);
  });

  it('ST-6 counts at most the policy hours a day and explains the cut', () => {
    const long = (id: string) => session({ sessionId: id, title: id, parts: [{ category: 'theory', minutes: 270 }], durationMinutes: 270 });
    const r = computeCredits([long('a'), long('b')], [], policy);
    expect(r.lines.map((l) => l.hours)).toEqual([6, 2]);
    expect(r.lines[1].notes.map((n) => n.zh)).toContain('当日最多计 8 学时，超出的 4 学时不计');
  });

  it('ST-6 caps a category at its yearly maximum and says so on the line that hits it', () => {
    const capped: CreditPolicy = { ...policy, creditRules: { ...policy.creditRules, theory: { creditsPerHour: 1, maxCreditsPerYear: 3 } } };
    const r = computeCredits(
      [
        session({ sessionId: 'a', parts: [{ category: 'theory', minutes: 90 }] }),
        session({ sessionId: 'b', date: '2026-03-09', parts: [{ category: 'theory', minutes: 90 }] }),
      ],
      [],
      capped,
    );
    expect(r.lines.map((l) => l.credits)).toEqual([2, 1]);
    expect(r.categories[0]).toMatchObject({ category: 'theory', credits: 3, cap: 3, isCapped: true });
    expect(r.lines[1].notes.at(-1)?.zh).toBe('本类学分每学年最多 3 分，已达上限，1 分不计');
  });

  it('ST-6 recognised external training counts its recognised hours and meets the year with the rest', () => {
    const r = computeCredits([session()], [{ claimId: 'c1', date: '2026-01-10', title: '国培计划远程研修', category: 'degreeDistance', hours: 10 }], policy);
    expect(r.lines[0]).toMatchObject({ source: 'claim', hours: 10, credits: 10 });
    expect(r).toMatchObject({ totalCredits: 12, isMet: true, shortfall: 0, progress: 1 });
  });
});
