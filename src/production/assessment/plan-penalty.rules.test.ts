import { describe, expect, it } from 'vitest';
import { evaluateAssessmentRules, falsifiedAmount } from '#core/assessment';
import { POLICY_PRESETS } from '#core/policy';
import { isIssuedLate, type PlanIssueRecord, planLateIssueRule } from './plan-penalty.rules';

const record = (over: Partial<PlanIssueRecord>): PlanIssueRecord => ({
  planId: 'p1',
  documentId: 'd1',
  requestId: null,
  number: 'YJH-2026-0004',
  title: '2026年5月生产计划',
  kind: 'monthly',
  dueOn: '2026-04-30',
  issuedOn: null,
  departmentId: 'dep',
  departmentName: '生产部',
  isImmatureOnly: false,
  link: '/production/plans/p1',
  ...over,
});
const t2 = POLICY_PRESETS.T2.assessment;

describe('planning penalties (T2 七)', () => {
  it('PP-27 a plan issued after its due day is 50 yuan on the responsible unit, citing T2 七.1', () => {
    const findings = evaluateAssessmentRules([planLateIssueRule], { today: '2026-05-03', records: [record({ issuedOn: '2026-05-02' })] }, t2);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleCode: 'production.plan.late-issue',
      clause: 'T2 七.1',
      requirementId: 'PP-27',
      amount: 50,
      verdict: 'penalty',
      subjectDepartmentId: 'dep',
      period: '2026-04',
    });
    expect(findings[0].summary.zh).toContain('2026-05-02 才下达');
  });

  it('issue 14 item 4: a special request nobody planned is late once its issue day passes, keyed by the request so its plan never doubles it', () => {
    const untouched = record({
      planId: null,
      documentId: null,
      requestId: 'r1',
      kind: 'special',
      number: 'ZX-2026-0001',
      title: '出口订单',
      dueOn: '2026-06-12',
      link: '/production/requests/r1',
    });
    expect(evaluateAssessmentRules([planLateIssueRule], { today: '2026-06-12', records: [untouched] }, t2)).toEqual([]);
    const [f] = evaluateAssessmentRules([planLateIssueRule], { today: '2026-06-13', records: [untouched] }, t2);
    expect(f).toMatchObject({ clause: 'T2 七.1', amount: 50, dedupeKey: 'production.plan.late-issue|request:r1' });
    expect(f.summary.zh).toContain('T2 五.2');
    expect(f.evidence[0]).toMatchObject({ entity: 'prod_plan_request', entityId: 'r1' });
    const planned = record({ planId: 'p9', documentId: 'd9', requestId: 'r1', kind: 'special', dueOn: '2026-06-12', issuedOn: '2026-06-15' });
    expect(evaluateAssessmentRules([planLateIssueRule], { today: '2026-06-15', records: [planned] }, t2)[0].dedupeKey).toBe(f.dedupeKey);
  });

  it('PP-27 a plan issued on time, or not yet due, is no incident', () => {
    expect(isIssuedLate(record({ issuedOn: '2026-04-30' }), '2026-05-10')).toBe(false);
    expect(isIssuedLate(record({}), '2026-04-30')).toBe(false);
    expect(isIssuedLate(record({}), '2026-05-01')).toBe(true);
  });

  it('PP-27 immature products stay out of the penalty (T2 七.6) unless the policy says otherwise', () => {
    const facts = { today: '2026-05-03', records: [record({ issuedOn: '2026-05-02', isImmatureOnly: true })] };
    expect(evaluateAssessmentRules([planLateIssueRule], facts, t2)).toEqual([]);
    expect(evaluateAssessmentRules([planLateIssueRule], facts, { ...t2, excludeImmatureProducts: false })).toHaveLength(1);
  });

  it('PP-27 the amount is the policy’s, and falsified facts double it (T2 七.5)', () => {
    const findings = evaluateAssessmentRules([planLateIssueRule], { today: '2026-05-03', records: [record({})] }, { ...t2, planLateIssuePenalty: 80 });
    expect(findings[0].amount).toBe(80);
    expect(falsifiedAmount(80, t2.falsificationMultiplier)).toBe(160);
  });
});
