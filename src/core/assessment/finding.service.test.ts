import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, newOrg, newPerson, type TestDatabase } from '#test-support';
import type { Actor } from '../access';
import { updatePolicy } from '../policy';
import { findFindings, getFinding } from './finding-query.service';
import { confirmFinding, disputeFinding, markFindingFalsified, withdrawFinding } from './finding-lifecycle.service';
import { getFindingByKey, recordFinding } from './finding.service';
import type { AssessmentRule } from './rule-runner.rules';
import { runAssessmentRules } from './rule-runner.service';

const reject = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'resolved';
};

describe('findings service (CORE-8)', () => {
  let database: TestDatabase;
  let system: Actor;
  let manager: Actor;
  let subject: Actor;
  let outsider: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    const org = await newOrg(database.db);
    system = org.system;
    manager = await newPerson(database.db, org.org.id, ['assessment.read', 'assessment.manage']);
    subject = await newPerson(database.db, org.org.id, []);
    outsider = await newPerson(database.db, org.org.id, []);
  });
  afterAll(() => database.drop());

  const penalty = (key: string, amount: number | null = 50) =>
    database.db.transaction((tx) =>
      recordFinding(tx, system, {
        ruleCode: 'production.plan.late-issue',
        clause: 'T2 七.1',
        requirementId: 'PP-27',
        subjectUserId: subject.userId,
        subjectLabel: subject.displayName,
        period: '2026-03',
        verdict: 'penalty',
        amount,
        summary: { zh: '月度计划逾期下达', en: 'Monthly plan issued late' },
        evidence: [{ entity: 'plan', entityId: key, label: `计划 ${key}` }],
        dedupeKey: key,
      }),
    );

  it('CORE-8 re-running a rule records each finding once', async () => {
    const rule: AssessmentRule<{ late: string[] }, { amount: number }> = {
      code: 'example.late',
      clause: 'T2 七.1',
      requirementId: 'PP-27',
      evaluate: (input, policy) =>
        input.late.map((id) => ({
          subjectUserId: subject.userId,
          subjectLabel: subject.displayName,
          period: '2026-02',
          verdict: 'penalty',
          amount: policy.amount,
          summary: { zh: `记录 ${id} 逾期`, en: `record ${id} late` },
          evidence: [{ entity: 'record', entityId: id, label: id }],
        })),
    };
    const first = await database.db.transaction((tx) => runAssessmentRules(tx, system, [rule], { late: ['a', 'b'] }, { amount: 50 }));
    const second = await database.db.transaction((tx) => runAssessmentRules(tx, system, [rule], { late: ['a', 'b', 'c'] }, { amount: 50 }));
    expect(first.created).toHaveLength(2);
    expect(second).toMatchObject({ unchanged: 2 });
    expect(second.created).toHaveLength(1);
    const list = await findFindings(database.db, manager, { ruleCode: 'example.late' });
    expect(list.total).toEqual({ count: 3, amount: 150 });
  });

  it('CORE-8 a dispute then a confirmation are both recorded with who and why', async () => {
    const f = (await penalty('s1'))!;
    const disputed = await disputeFinding(database.db, subject, f.id, { reason: '计划已按时下达，系统记录有误', version: 1 });
    expect(disputed.state).toBe('disputed');
    const confirmed = await confirmFinding(database.db, manager, f.id, { reason: '经核实确属逾期', version: disputed.version });
    expect(confirmed.state).toBe('confirmed');
    expect(confirmed.events.map((e) => [e.action, e.fromState, e.toState, e.actorId])).toEqual([
      ['create', null, 'open', system.userId],
      ['dispute', 'open', 'disputed', subject.userId],
      ['confirm', 'disputed', 'confirmed', manager.userId],
    ]);
    expect(confirmed.events[1].reason).toBe('计划已按时下达，系统记录有误');
  });

  it('CORE-8 a stale version gets a conflict; only the subject disputes, and to an outsider the finding does not exist', async () => {
    const f = (await penalty('s2'))!;
    expect(await reject(disputeFinding(database.db, outsider, f.id, { reason: '不是我', version: 1 }))).toBe('NOT_FOUND');
    expect(await reject(disputeFinding(database.db, manager, f.id, { reason: '替人申诉', version: 1 }))).toBe('FORBIDDEN');
    await withdrawFinding(database.db, manager, f.id, { reason: '规则配置错误', version: 1 });
    expect(await reject(confirmFinding(database.db, manager, f.id, { reason: '确认', version: 1 }))).toBe('VERSION_CONFLICT');
    expect(await reject(confirmFinding(database.db, manager, f.id, { reason: '确认', version: 2 }))).toBe('INVALID_STATE');
  });

  it('CORE-8 PP-27 falsification multiplies by the policy’s multiplier exactly once and keeps the old amount', async () => {
    await updatePolicy(database.db, system, { baseVersion: 0, values: { assessment: { falsificationMultiplier: 3 } }, reason: '测试倍数' });
    const f = (await penalty('s3', 50))!;
    const after = await markFindingFalsified(database.db, manager, f.id, { reason: '隐瞒真实完成日期', version: 1 });
    expect(after).toMatchObject({ amount: 150, originalAmount: 50, isFalsified: true, state: 'open' });
    expect(after.events.at(-1)).toMatchObject({ action: 'falsified', amountBefore: 50, amountAfter: 150 });
    expect(await reject(markFindingFalsified(database.db, manager, f.id, { reason: '再次', version: after.version }))).toBe('INVALID_STATE');
    expect((await getFindingByKey(database.db, system.orgId, 's3'))?.amount).toBe(150);
  });

  it('CORE-8 without assessment.read a person sees only findings about themselves', async () => {
    const f = (await penalty('s4'))!;
    expect((await getFinding(database.db, subject, f.id)).id).toBe(f.id);
    expect(await reject(getFinding(database.db, outsider, f.id))).toBe('NOT_FOUND');
    expect((await findFindings(database.db, outsider, {})).items).toEqual([]);
    const mine = await findFindings(database.db, subject, {});
    expect(mine.items.every((x) => x.subjectUserId === subject.userId)).toBe(true);
  });
});
