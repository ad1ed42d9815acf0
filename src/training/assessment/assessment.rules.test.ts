import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import { assessYear, type YearFacts, risksOf } from './assessment.rules';

const policy = POLICY_PRESETS.S1.training;
const absence = (i: number) => ({ sessionId: `s${i}`, title: '政治学习', date: `2026-03-0${i}` });
const facts = (over: Partial<YearFacts> = {}): YearFacts => ({
  absences: [],
  credits: 14,
  evidence: { signIns: 30, records: 10, reflections: 4, sharing: 2 },
  ...over,
});

describe('yearly assessment (ST-7)', () => {
  it('ST-7 three unexcused absences from centralised training make the year unqualified, each listed with its clause', () => {
    const v = assessYear(facts({ absences: [absence(2), absence(3), absence(4)] }), policy);
    expect(v.verdict).toBe('unqualified');
    expect(v.reasons[0]).toMatchObject({ code: 'absences', clause: 'S1 管理制度 3', requirementId: 'ST-7' });
    expect(v.reasons[0].summary.zh).toContain('无故不参加校本集中培训 3 次');
    expect(v.reasons[0].evidence.map((e) => e.entityId)).toEqual(['s2', 's3', 's4']);
  });

  it('ST-7 two absences and enough credits are qualified, with the evidence counted', () => {
    const v = assessYear(facts({ absences: [absence(2), absence(3)] }), policy);
    expect(v.verdict).toBe('qualified');
    expect(v.reasons[0].summary.zh).toContain('签到 30 次');
  });

  it('ST-6 ST-7 too few credits make the year unqualified (S2 五.1)', () => {
    const v = assessYear(facts({ credits: 11 }), policy);
    expect(v).toMatchObject({ verdict: 'unqualified', reasons: [{ code: 'credits', clause: 'S2 五.1' }] });
  });

  it('ST-7 the limit is the policy’s, not a constant', () => {
    expect(assessYear(facts({ absences: [absence(2), absence(3)] }), { ...policy, unexcusedAbsenceLimit: 2 }).verdict).toBe('unqualified');
  });

  it('ST-7 warns while there is time: one absence short of the limit, or credits out of reach', () => {
    expect(risksOf({ ...facts({ absences: [absence(2), absence(3)] }), creditsStillPossible: 10 }, policy).map((r) => r.zh)).toEqual([
      '已无故缺席 2 次，再缺 1 次即不合格',
    ]);
    expect(risksOf({ ...facts({ credits: 4 }), creditsStillPossible: 6 }, policy)[0].zh).toContain('须申请校外培训认定');
    expect(risksOf({ ...facts({ credits: 4 }), creditsStillPossible: 20 }, policy)).toEqual([]);
  });
});
