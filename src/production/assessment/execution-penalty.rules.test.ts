import { describe, expect, it } from 'vitest';
import { evaluateAssessmentRules } from '#core/assessment';
import { POLICY_PRESETS } from '#core/policy';
import { causeOf, EXECUTION_RULES, type ExecutionLineRecord, immatureLines } from './execution-penalty.rules';

const report = (n: number) => ({ id: `r${n}`, number: `RB-2026-000${n}`, label: `RB-2026-000${n} 灌装车间` });
const record = (over: Partial<ExecutionLineRecord>): ExecutionLineRecord => ({
  month: '2026-02',
  workshopId: 'w1',
  workshopName: '灌装车间',
  departmentId: 'dep',
  itemId: 'i1',
  itemLabel: 'CP-001 浓香型白酒',
  unit: '箱',
  isMature: true,
  plan: 10000,
  completed: 8000,
  measure: 'warehouse_receipt',
  monthEndCause: null,
  stoppageMinutes: {},
  shortReports: [report(1), report(2)],
  qualityReports: [report(3)],
  receipts: [{ id: 'd1', number: 'RK-2026-0001', label: 'RK-2026-0001 进仓 500' }],
  planDocument: { id: 'doc', number: 'YJH-2026-0002', label: 'YJH-2026-0002 2026年2月生产计划' },
  ...over,
});
const t2 = POLICY_PRESETS.T2.assessment;
const run = (records: ExecutionLineRecord[], today = '2026-03-05', policy = t2) => evaluateAssessmentRules(EXECUTION_RULES, { today, records }, policy);

describe('execution penalties (T2 七.2, 七.3)', () => {
  it('PP-27 a plan line short at month end with no outside cause is poor organisation: 50 yuan, citing T2 七.2 with its reports and receipts', () => {
    const [f, ...rest] = run([record({})]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      ruleCode: 'production.plan.incomplete',
      clause: 'T2 七.2',
      requirementId: 'PP-27',
      verdict: 'penalty',
      amount: 50,
      period: '2026-02',
      subjectDepartmentId: 'dep',
      subjectLabel: '灌装车间',
    });
    expect(f.summary.zh).toContain('按进仓完成 8,000箱（80%）');
    expect(f.evidence.map((e) => `${e.entity}:${e.entityId}`)).toEqual([
      'document:doc',
      'production.daily_report:r1',
      'production.daily_report:r2',
      'production.stock_doc:d1',
    ]);
    expect(f.dedupeKey).toBe('production.plan.incomplete|2026-02|w1|i1');
  });

  it('PP-27 quality stoppages make it T2 七.3, citing the reports that recorded them', () => {
    const [f] = run([record({ stoppageMinutes: { quality: 240, material: 60 } })]);
    expect(f).toMatchObject({ ruleCode: 'production.quality.delay', clause: 'T2 七.3', amount: 50 });
    expect(f.summary.zh).toContain('质量停机 240 分钟');
    expect(f.evidence.filter((e) => e.entity === 'production.daily_report').map((e) => e.entityId)).toEqual(['r3']);
  });

  it('PP-27 an outside cause (断料, 设备, 停电停水, 工艺) is no penalty; the month-end analysis overrides the stoppages', () => {
    expect(run([record({ stoppageMinutes: { outage: 360, quality: 30 } })])).toEqual([]);
    expect(causeOf(record({ stoppageMinutes: { outage: 360 } }))).toMatchObject({ cause: 'external', source: 'stoppages' });
    const organisation = record({ stoppageMinutes: { outage: 360 }, monthEndCause: { kind: 'organisation', text: '排班不合理，夜班缺员' } });
    expect(run([organisation])[0]).toMatchObject({ clause: 'T2 七.2' });
    expect(run([record({ monthEndCause: { kind: 'quality', text: '瓶盖批次不合格返工' } })])[0]).toMatchObject({ clause: 'T2 七.3' });
    expect(run([record({ monthEndCause: { kind: 'material', text: '瓶子供应商断货' } })])).toEqual([]);
  });

  it('PP-27 completed on time, or the month not over yet, is no incident', () => {
    expect(run([record({ completed: 10000 })])).toEqual([]);
    expect(run([record({})], '2026-02-28')).toEqual([]);
  });

  it('PP-27 the amounts are the policy’s', () => {
    const policy = { ...t2, poorOrganisationPenalty: 80, qualityDelayPenalty: 120 };
    expect(run([record({})], '2026-03-05', policy)[0].amount).toBe(80);
    expect(run([record({ stoppageMinutes: { quality: 10 } })], '2026-03-05', policy)[0].amount).toBe(120);
  });

  it('PP-27 immature products are listed apart for their own assessment (T2 七.6), unless the policy includes them', () => {
    const gift = record({ itemId: 'gift', isMature: false });
    expect(run([gift])).toEqual([]);
    expect(immatureLines([gift, record({})], t2).map((r) => r.itemId)).toEqual(['gift']);
    const included = { ...t2, excludeImmatureProducts: false };
    expect(run([gift], '2026-03-05', included)).toHaveLength(1);
    expect(immatureLines([gift], included)).toEqual([]);
  });
});
