import { describe, expect, it } from 'vitest';
import { type AssessmentRule, dedupeKeyOf, evaluateAssessmentRules } from './rule-runner.rules';

// The example rule of T2 七.1: a penalty per late record, the amount from the policy.
interface LateInput {
  period: string;
  records: { id: string; no: string; departmentId: string; department: string; dueOn: string; doneOn: string | null }[];
  today: string;
}
const lateIssue: AssessmentRule<LateInput, { penalty: number }> = {
  code: 'example.late-record',
  clause: 'T2 七.1',
  requirementId: 'PP-27',
  evaluate: (input, policy) =>
    input.records
      .filter((r) => (r.doneOn ?? input.today) > r.dueOn)
      .map((r) => ({
        subjectDepartmentId: r.departmentId,
        subjectLabel: r.department,
        period: input.period,
        verdict: 'penalty',
        amount: policy.penalty,
        summary: { zh: `${r.no} 逾期下达`, en: `${r.no} issued late` },
        evidence: [{ entity: 'plan', entityId: r.id, label: r.no, link: `/plans/${r.id}` }],
      })),
};

const input: LateInput = {
  period: '2026-03',
  today: '2026-03-31',
  records: [
    { id: 'p1', no: 'JH-001', departmentId: 'd1', department: '生产部', dueOn: '2026-03-28', doneOn: '2026-03-28' },
    { id: 'p2', no: 'JH-002', departmentId: 'd1', department: '生产部', dueOn: '2026-03-28', doneOn: '2026-03-30' },
    { id: 'p3', no: 'JH-003', departmentId: 'd2', department: '灌装车间', dueOn: '2026-03-28', doneOn: null },
  ],
};

describe('assessment rule runner (CORE-8)', () => {
  it('CORE-8 PP-27 a rule turns records into findings that cite its clause, requirement and evidence', () => {
    const out = evaluateAssessmentRules([lateIssue], input, { penalty: 50 });
    expect(out.map((f) => [f.evidence[0].label, f.amount, f.clause, f.requirementId, f.ruleCode])).toEqual([
      ['JH-002', 50, 'T2 七.1', 'PP-27', 'example.late-record'],
      ['JH-003', 50, 'T2 七.1', 'PP-27', 'example.late-record'],
    ]);
  });

  it('CORE-8 the amount comes from the policy, never from the rule', () => {
    expect(evaluateAssessmentRules([lateIssue], input, { penalty: 80 }).map((f) => f.amount)).toEqual([80, 80]);
  });

  it('CORE-8 the same finding gets the same dedupe key on every run, a different record a different key', () => {
    const a = evaluateAssessmentRules([lateIssue], input, { penalty: 50 });
    const b = evaluateAssessmentRules([lateIssue], input, { penalty: 50 });
    expect(a.map((f) => f.dedupeKey)).toEqual(b.map((f) => f.dedupeKey));
    expect(new Set(a.map((f) => f.dedupeKey)).size).toBe(2);
    const evidence = [
      { entity: 'plan', entityId: 'b', label: 'B' },
      { entity: 'plan', entityId: 'a', label: 'A' },
    ];
    const base = { subjectLabel: 'x', verdict: 'penalty', summary: { zh: '', en: '' } };
    expect(dedupeKeyOf('r', { ...base, evidence })).toBe(dedupeKeyOf('r', { ...base, evidence: [...evidence].reverse() }));
  });
});
