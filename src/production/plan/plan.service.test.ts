import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeDocument, approveDocument, findDistribution, getDocument, issueDocument } from '#core/approval';
import { deadlines } from '#core/calendar';
import type { Db } from '#core/db';
import { notifications } from '#core/notify';
import { countStatements, createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { prodItems } from '../master/index';
import { newPlant, type TestPlant, workingDayQuantities } from '../testing/index';
import {
  addCountermeasure,
  confirmWeeklyPlan,
  createPlan,
  deriveWeeklyPlans,
  diffPlanRevisions,
  findLinesInForce,
  findLinesInForceMany,
  findPlanDocument,
  getPlanMaterials,
  getPlanRow,
  getPlanView,
  savePlanLines,
  submitPlan,
  computePlanCapacityOf,
} from './index';
import { findUncoveredOverloads, withCapacityOnce } from './plan-capacity.service';

const { workflows } = testRegistry;

const NOW = new Date('2026-03-20T02:00:00Z');
const at = (iso: string) => new Date(iso);

describe('monthly production plan (PP-8, PP-9, PP-10, CORE-3/4/5)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  // The plan under test and its approval document: set by the builders below, which each test calls itself.
  let planId: string;
  let documentId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own, so it runs alone (`-t`) as well as in the file.
  beforeEach(async () => {
    p = await newPlant(db, workflows, NOW);
  });
  afterAll(() => database.drop());

  const view = () => getPlanView(db, workflows, p.planner, planId);
  const docVersion = async () => (await getDocument(db, workflows, p.planner, documentId)).version;

  /** The state of the plant's deadline of that kind for April's plan. */
  const aprilDeadlineState = async (subjectType: string) => {
    const [row] = await db
      .select({ state: deadlines.state })
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectType, subjectType), eq(deadlines.subjectId, '2026-04')));
    return row.state;
  };
  /** The vice president approves the submitted plan on 27 March. */
  const approveByVp = async () => {
    await approveDocument(db, workflows, p.vp, documentId, { version: await docVersion(), opinion: '同意' }, at('2026-03-27T02:00:00Z'));
  };
  /** The planner issues the approved plan to the filling workshop and the production department on 30 March. */
  const issueToFillingAndProduction = async () => {
    await issueDocument(
      db,
      workflows,
      p.planner,
      documentId,
      { version: await docVersion(), departmentIds: [p.departments.get('灌装车间')!, p.departments.get('生产部')!] },
      at('2026-03-30T02:00:00Z'),
    );
  };

  /** April's monthly plan, empty, in draft. */
  const draftPlan = async () => {
    const plan = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-04' }, NOW);
    planId = plan.id;
    documentId = plan.documentId!;
    return plan;
  };
  /** The draft with 800 cases a working day and 1,500 more on Tuesday 7 April: filling overloaded in week 2. */
  const overloadedPlan = async () => {
    const plan = await draftPlan();
    const quantities = workingDayQuantities(30, 3, 800);
    quantities[6] += 1500;
    await savePlanLines(db, p.planner, planId, { version: plan.version, lines: [{ itemId: p.items.wine, forecastQty: 21000, quantities }] }, NOW);
  };
  /** The overloaded draft, its week-2 overload answered by a six-hour Sunday shift. */
  const answeredPlan = async () => {
    await overloadedPlan();
    await addCountermeasure(
      db,
      p.planner,
      planId,
      { workshopId: p.workshops.fill, bucketStart: '2026-04-06', kind: 'overtime', description: '周日加一个班次', extraHours: 6 },
      NOW,
    );
  };
  /** The overload answered by a Sunday shift, and the plan submitted on 26 March. */
  const submittedPlan = async () => {
    await answeredPlan();
    await submitPlan(db, workflows, p.planner, planId, { version: await docVersion(), opinion: '请审批' }, at('2026-03-26T02:00:00Z'));
  };
  /** Approved by the vice president on 27 March. */
  const approvedPlan = async () => {
    await submittedPlan();
    await approveByVp();
  };
  /** Issued to the filling workshop and the production department on 30 March. */
  const issuedPlan = async () => {
    await approvedPlan();
    await issueToFillingAndProduction();
  };

  it('PP-8 a monthly plan gets its approval document and the compile and issue deadlines of the month before', async () => {
    await draftPlan();
    const v = await view();
    expect(v).toMatchObject({ kind: 'monthly', title: '2026年4月生产计划', state: 'draft', number: 'YJH-2026-0001', isEditable: true });
    expect(v.buckets).toHaveLength(30);
    const due = await db
      .select({ type: deadlines.subjectType, dueOn: deadlines.dueOn, clause: deadlines.clause })
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectId, '2026-04')));
    expect(due).toEqual(
      expect.arrayContaining([
        { type: 'production.monthly_plan.compile', dueOn: '2026-03-28', clause: 'T4 第十九条' },
        { type: 'production.monthly_plan.issue', dueOn: '2026-03-31', clause: 'T2 七.1' },
      ]),
    );
  });

  it('PP-8 refuses a second plan for the same month', async () => {
    await draftPlan();
    await expect(createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-04' }, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('PP-8 refuses an unknown product, a negative quantity and the wrong number of days, naming the field, and changes nothing', async () => {
    await draftPlan();
    const before = await view();
    const bad = [
      { itemId: '00000000-0000-4000-8000-000000000001', quantities: new Array(30).fill(0) },
      { itemId: p.items.wine, quantities: [...new Array(29).fill(0), -5] },
      { itemId: p.items.bottle, quantities: [1, 2] },
    ];
    const err = await savePlanLines(db, p.planner, planId, { version: before.version, lines: bad }, NOW).catch((e) => e);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.map((d: { field: string }) => d.field)).toEqual(['lines[0].itemId', 'lines[1].quantities[29]', 'lines[2].quantities']);
    expect((await view()).version).toBe(before.version);
  });

  it('PP-9 saving redraws the capacity check at once: an overloaded week is flagged on the workshop and week', async () => {
    await draftPlan();
    const v = await view();
    // April 2026 starts on a Wednesday. 800 cases a working day, plus 1,500 on Tuesday 7 April.
    const quantities = workingDayQuantities(30, 3, 800);
    quantities[6] += 1500;
    const saved = await savePlanLines(db, p.planner, planId, { version: v.version, lines: [{ itemId: p.items.wine, forecastQty: 21000, quantities }] }, NOW);
    expect(saved.version).toBe(v.version + 1);
    const fresh = await view();
    expect(fresh.isCapacityFresh).toBe(true);
    expect(fresh.overloads.map((o) => [o.workshopName, o.label.zh, o.utilisation])).toEqual([['灌装车间', '第2周 04-06~04-12', 1.05]]);
    // Packing at half the filling time per case runs far below capacity over the month.
    expect(fresh.underloads.map((u) => u.workshopName)).toContain('包装车间');
    // Filling for Wednesday 1 April runs on Tuesday 31 March, before the plan: reported, not dropped.
    expect(fresh.capacity?.outOfHorizon).toEqual([expect.objectContaining({ workshopId: p.workshops.fill, bucket: -1, hours: 16 })]);
  });

  it('PP-8 two planners editing the same plan: the second save gets a conflict, not an overwrite', async () => {
    await overloadedPlan();
    const v = await view();
    const line = { itemId: p.items.wine, forecastQty: 21000, quantities: v.lines[0].quantities };
    await savePlanLines(db, p.planner, planId, { version: v.version, upsert: [{ ...line, note: '张三' }] }, NOW);
    await expect(savePlanLines(db, p.planner, planId, { version: v.version, upsert: [{ ...line, note: '李四' }] }, NOW)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect((await view()).lines[0].note).toBe('张三');
  });

  it('PP-9 an overload without a countermeasure blocks submission, naming the workshop and week', async () => {
    await overloadedPlan();
    const err = await submitPlan(db, workflows, p.planner, planId, { version: await docVersion() }, NOW).catch((e) => e);
    expect(err.code).toBe('INVALID_STATE');
    expect(err.message).toContain('灌装车间 第2周 04-06~04-12 负荷 105%');
    expect(err.message).toContain('T4 第十九条');
    expect((await getDocument(db, workflows, p.planner, documentId)).state).toBe('draft');
  });

  it('PP-9 with a countermeasure recorded the plan goes up, and a workshop far below capacity is reported to the leaders', async () => {
    await overloadedPlan();
    await expect(
      addCountermeasure(db, p.planner, planId, { workshopId: p.workshops.fill, bucketStart: '2026-04-09', kind: 'overtime', description: '周日加班' }, NOW),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await addCountermeasure(
      db,
      p.planner,
      planId,
      { workshopId: p.workshops.fill, bucketStart: '2026-04-06', kind: 'overtime', description: '周日加一个班次', extraHours: 6 },
      NOW,
    );
    await submitPlan(db, workflows, p.planner, planId, { version: await docVersion(), opinion: '请审批' }, at('2026-03-26T02:00:00Z'));
    const doc = await getDocument(db, workflows, p.planner, documentId);
    expect(doc.state).toBe('submitted');
    // The approver reads the plan's summary in the document: totals, the capacity verdict, the products.
    expect((doc.body as { content: string }).content).toContain('灌装车间 第2周 04-06~04-12 负荷 105%（应对措施：周日加一个班次）');
    expect((doc.body as { lines: { key: string; value: string; valueEn?: string }[] }).lines).toEqual([
      { key: 'W1 干红葡萄酒（750ml×6）', value: '22,300 箱，预估 21,000', valueEn: '22,300 箱, forecast 21,000' },
    ]);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.userId, p.vp.userId), eq(notifications.kind, 'production.capacity.under')));
    expect(told[0].bodyZh).toContain('包装车间');
    expect(await aprilDeadlineState('production.monthly_plan.compile')).toBe('done');
  });

  it('issue 11 PP-9: one submit checks the capacity once (the summary, the guard and the hook share it); the stored check equals a fresh one', async () => {
    await answeredPlan();
    const plan = await getPlanRow(db, p.orgId, planId);
    const today = '2026-03-26';
    const fresh = await computePlanCapacityOf(db, plan, today);
    // Outside a submit every call checks afresh.
    expect(await computePlanCapacityOf(db, plan, today)).not.toBe(fresh);
    await db.transaction((tx) =>
      withCapacityOnce(tx, async () => {
        const first = await computePlanCapacityOf(tx, plan, today);
        expect(first).toEqual(fresh);
        expect(await computePlanCapacityOf(tx, plan, today)).toBe(first);
        // The guard judges overloads, which no day changes: it takes the same check.
        expect((await findUncoveredOverloads(tx, plan, plan.periodStart)).view).toBe(first);
        expect(await computePlanCapacityOf(tx, plan, '2026-03-27')).not.toBe(first);
      }),
    );
    await submitPlan(db, workflows, p.planner, planId, { version: await docVersion(), opinion: '请审批' }, at('2026-03-26T02:00:00Z'));
    expect((await getPlanRow(db, p.orgId, planId)).capacity).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it('PP-8 a submitted plan cannot be edited', async () => {
    await submittedPlan();
    const v = await view();
    await expect(
      savePlanLines(db, p.planner, planId, { version: v.version, upsert: [{ itemId: p.items.wine, quantities: new Array(30).fill(1) }] }, NOW),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('PP-8 PP-14 approval decomposes the plan into part, purchase plans, netted against stock, with the short material flagged', async () => {
    await submittedPlan();
    await approveByVp();
    const m = await getPlanMaterials(db, p.planner, planId);
    const kinds = new Set(m.rows.map((r) => `${r.code}:${r.kind}`));
    expect(kinds).toEqual(new Set(['B1:make', 'P1:buy', 'C1:buy']));
    // Corks: 1,000 in stock, a 15-day lead time; the first need in early April should have been ordered in March.
    const corks = m.rows.filter((r) => r.code === 'C1');
    expect(corks[0]).toMatchObject({ releaseOn: '2026-03-17', isPastDue: true });
    expect((m.summary as { shortages: { itemId: string }[] }).shortages.map((s) => s.itemId)).toContain(p.items.cork);
    // Base wine: 20,000 L in stock covers the first days; brewing starts when it runs out.
    // The material plan shows every day's gross need (issue 14 item 10); the first planned order comes later.
    expect(m.rows.find((r) => r.code === 'B1' && r.needOn === '2026-04-01')).toMatchObject({ gross: 3600, qty: 0 });
    expect((m.rows.find((r) => r.code === 'B1' && r.qty > 0)?.needOn ?? '') > '2026-04-01').toBe(true);
  });

  it('CORE-5 PP-8 issued to the workshops, each acknowledges; the issuer sees who has not', async () => {
    await approvedPlan();
    await issueToFillingAndProduction();
    const director = await (await import('#test-support')).newPerson(db, p.orgId, ['production.read', 'document.read', 'document.write']);
    await db.execute(sql`update users set department_id = ${p.departments.get('灌装车间')!} where org_id = ${p.orgId} and id = ${director.userId}`);
    await acknowledgeDocument(db, director, documentId, at('2026-03-30T03:00:00Z'));
    const d = await findDistribution(db, p.planner, documentId);
    expect(d).toMatchObject({ total: 2, acknowledged: 1, pending: ['生产部'] });
    expect(await aprilDeadlineState('production.monthly_plan.issue')).toBe('done');
  });

  it('CORE-4 an issued plan changes only through an adjustment, a new revision whose diff shows what moved', async () => {
    await issuedPlan();
    const v = await view();
    await expect(
      savePlanLines(db, p.planner, planId, { version: v.version, upsert: [{ itemId: p.items.wine, quantities: new Array(30).fill(0) }] }, NOW),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('请先发起调整'),
    });
    const { adjustDocument } = await import('#core/approval');
    await adjustDocument(db, workflows, p.planner, documentId, { version: await docVersion(), opinion: '追加订单' }, at('2026-04-02T02:00:00Z'));
    const adjusting = await view();
    expect(adjusting).toMatchObject({ state: 'draft', revision: 2, effectiveRevision: 1, isEditable: true });
    const quantities = [...adjusting.lines[0].quantities];
    quantities[20] += 400;
    await savePlanLines(db, p.planner, planId, { version: adjusting.version, upsert: [{ itemId: p.items.wine, forecastQty: 21400, quantities }] }, NOW);
    const diff = await diffPlanRevisions(db, p.planner, planId, 1, 'working');
    expect(diff.changes).toEqual([
      expect.objectContaining({
        itemId: p.items.wine,
        kind: 'changed',
        totalBefore: 22300,
        totalAfter: 22700,
        forecastBefore: 21000,
        forecastAfter: 21400,
        buckets: [{ index: 20, before: 800, after: 1200 }],
      }),
    ]);
    expect(diff.buckets[20]).toBe('2026-04-21');
  });

  it('PP-10 weekly workshop plans follow the process flow: filling runs the working day before packing', async () => {
    await issuedPlan();
    const weekly = await deriveWeeklyPlans(db, workflows, p.planner, planId, '2026-04-15', NOW);
    const fill = weekly.find((w) => w.workshopId === p.workshops.fill)!;
    const pack = weekly.find((w) => w.workshopId === p.workshops.pack)!;
    const fillView = await getPlanView(db, workflows, p.planner, fill.id);
    const packView = await getPlanView(db, workflows, p.planner, pack.id);
    expect(fillView).toMatchObject({ kind: 'weekly', periodStart: '2026-04-13', periodEnd: '2026-04-19', parentPlanId: planId });
    // Packing Mon 13 … Sat 18; filling for Monday 20 April runs on Saturday 18, Sunday is rest.
    expect(packView.lines[0].quantities).toEqual([800, 800, 800, 800, 800, 800, 0]);
    expect(fillView.lines[0].quantities).toEqual([800, 800, 800, 800, 800, 800, 0]);
    // 800 cases × 0.02 h = 16 h of 20 h a day: within capacity.
    expect(fillView.capacity?.rows.map((r) => r.name)).toEqual(['灌装车间']);
    expect(fillView.overloads).toEqual([]);
    const confirmed = await confirmWeeklyPlan(db, p.planner, fill.id, fillView.version, NOW);
    expect(confirmed.confirmedAt).not.toBeNull();
    await expect(savePlanLines(db, p.planner, fill.id, { version: confirmed.version, lines: [] }, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    // PP-18 reads the lines in force of several plans at once: the same lines as one by one (the
    // issued month's revision, the confirmed week's own lines, none for the unconfirmed week).
    const plans = await Promise.all([planId, fill.id, pack.id].map((id) => getPlanRow(db, p.orgId, id)));
    const oneByOne = await Promise.all(plans.map(async (plan) => findLinesInForce(db, plan, await findPlanDocument(db, plan))));
    const together = await findLinesInForceMany(db, p.orgId, plans);
    expect(oneByOne[0]).toHaveLength(1);
    expect(oneByOne[1]).toHaveLength(1);
    expect(oneByOne[2]).toBeNull();
    expect(plans.map((plan) => together.get(plan.id))).toEqual(oneByOne);
  });

  it('PP-8 saves a 2,000-product plan in one transaction of batched statements', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      orgId: p.orgId,
      code: `BULK-${i}`,
      name: `产品 ${i}`,
      unit: '箱',
      category: 'finished' as const,
      source: 'make' as const,
    }));
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 500)
      ids.push(
        ...(
          await db
            .insert(prodItems)
            .values(rows.slice(i, i + 500))
            .returning({ id: prodItems.id })
        ).map((r) => r.id),
      );
    const big = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-06' }, NOW);
    const lines = ids.map((itemId, i) => ({ itemId, forecastQty: 100, quantities: Array.from({ length: 30 }, (_, k) => (k + i) % 7) }));
    // How long it takes is the benchmark's (bench/, docs/PERFORMANCE.md); the test holds the
    // shape: a few batched statements whatever the number of lines, never one per line.
    const statements = countStatements(db);
    const saved = await savePlanLines(db, p.planner, big.id, { version: big.version, lines }, NOW);
    statements.stop();
    expect(saved.lineCount).toBe(2000);
    expect(statements.count()).toBeLessThanOrEqual(30);
    const v = await getPlanView(db, workflows, p.planner, big.id);
    expect(v.lines).toHaveLength(2000);
  });
});
