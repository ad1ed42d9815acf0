import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDocument, getDocument, issueDocument, submitDocument } from '#core/approval';
import { findings } from '#core/assessment';
import { deadlines } from '#core/calendar';
import type { Db } from '#core/db';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { createPlanFromRequest, createPlanRequest, prodPlanRequests } from '../plan/index';
import { countStock, newPlant, type TestPlant } from '../testing/index';
import { assessMissedRequestIssues } from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-06-10T02:00:00Z');

describe('issue 14 item 4: a missed special-request issue deadline is penalised at the deadline (PP-11, PP-27)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newPlant(db, workflows, NOW);
    await countStock(db, p.system, p.items.cork, 100000, NOW);
  });
  afterAll(() => database.drop());

  const findingsOf = (requestId: string) =>
    db
      .select()
      .from(findings)
      .where(and(eq(findings.orgId, p.orgId), eq(findings.dedupeKey, `production.plan.late-issue|request:${requestId}`)));
  const dueAtOf = async (requestId: string) => {
    const [d] = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectType, 'production.request.issue'), eq(deadlines.subjectId, requestId)));
    return d.dueAt;
  };

  it('issue 14 item 4: a request nobody touches gets its T2 七.1 finding on the scheduler tick at its deadline, not before', async () => {
    const r = await createPlanRequest(
      db,
      p.market,
      { kind: 'special', title: '出口订单（无人处理）', lines: [{ itemId: p.items.wine, qty: 1200, dueOn: '2026-06-20' }] },
      NOW,
    );
    expect(r).toMatchObject({ state: 'received', issueDueOn: '2026-06-12' });
    const dueAt = await dueAtOf(r.id);
    await assessMissedRequestIssues(db, new Date(dueAt.getTime() - 60_000));
    expect(await findingsOf(r.id)).toHaveLength(0);
    expect(await assessMissedRequestIssues(db, dueAt)).toBe(1);
    const [f] = await findingsOf(r.id);
    expect(f).toMatchObject({ clause: 'T2 七.1', requirementId: 'PP-27', verdict: 'penalty', amount: 50, state: 'open' });
    expect(f.summaryZh).toContain('应于 2026-06-12 前下达');
    expect(f.summaryZh).toContain('T2 五.2');
    expect(f.evidence[0]).toMatchObject({ entity: 'prod_plan_request', entityId: r.id });
    // The next tick records nothing more.
    expect(await assessMissedRequestIssues(db, new Date(dueAt.getTime() + 15_000))).toBe(0);
  });

  it('issue 14 item 4: planning and issuing that request late afterwards keeps the one finding', async () => {
    const [r] = await db
      .select()
      .from(prodPlanRequests)
      .where(and(eq(prodPlanRequests.orgId, p.orgId), eq(prodPlanRequests.title, '出口订单（无人处理）')));
    const late = new Date('2026-06-15T02:00:00Z');
    const { plan } = await createPlanFromRequest(db, workflows, p.planner, r.id, r.version, late);
    let doc = await getDocument(db, workflows, p.planner, plan.documentId!);
    doc = await submitDocument(db, workflows, p.planner, doc.id, { version: doc.version }, late);
    doc = await approveDocument(db, workflows, p.vp, doc.id, { version: doc.version }, late);
    await issueDocument(db, workflows, p.planner, doc.id, { version: doc.version, departmentIds: [p.departments.get('灌装车间')!] }, late);
    const all = await db
      .select()
      .from(findings)
      .where(and(eq(findings.orgId, p.orgId), eq(findings.ruleCode, 'production.plan.late-issue')));
    expect(all).toHaveLength(1);
  });

  it('issue 14 item 4: a request planned but left unissued is penalised at its deadline too', async () => {
    const r = await createPlanRequest(
      db,
      p.market,
      { kind: 'temporary', title: '临时补货', lines: [{ itemId: p.items.wine, qty: 100, dueOn: '2026-06-19' }] },
      new Date('2026-06-16T02:00:00Z'),
    );
    await createPlanFromRequest(db, workflows, p.planner, r.id, r.version, new Date('2026-06-16T03:00:00Z'));
    expect(await assessMissedRequestIssues(db, await dueAtOf(r.id))).toBe(1);
    const [f] = await findingsOf(r.id);
    expect(f.summaryZh).toContain('至今未下达');
    expect(f.evidence[0]).toMatchObject({ entity: 'document' });
  });
});
