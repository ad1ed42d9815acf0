import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDocument, getDocument, issueDocument, submitDocument } from '#core/approval';
import { deadlines } from '#core/calendar';
import type { Db } from '#core/db';
import { notifications } from '#core/notify';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { createSalesPlan, saveSalesPlanLines } from '../demand/index';
import { approveSafetyStock, updateStock } from '../master/index';
import { countStock, newPlant, type TestPlant } from '../testing/index';
import {
  applyLevelPlan,
  copyPlanFromPrevious,
  createPlan,
  createPlanFromRequest,
  createPlanRequest,
  fillPlanFromDemand,
  findAnnualInputs,
  getLevelPlan,
  getPlanRequest,
  getPlanView,
  saveAnnualInput,
} from './index';

const { workflows } = testRegistry;

const NOW = new Date('2026-06-10T02:00:00Z');

describe('special and temporary plans, plans from demand, level and annual plans (PP-6, PP-7, PP-8, PP-11)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newPlant(db, workflows, NOW);
  });
  afterAll(() => database.drop());

  it('PP-11 a temporary requirement that cannot be met gets written feedback at once, naming the bottleneck and the short material', async () => {
    // 6,000 cases in three days: filling makes 1,000 a day, and corks take 15 days to buy.
    const r = await createPlanRequest(
      db,
      p.market,
      { kind: 'temporary', title: '酒店加急', lines: [{ itemId: p.items.wine, qty: 6000, dueOn: '2026-06-12' }] },
      NOW,
    );
    expect(r).toMatchObject({ number: 'LS-2026-0001', state: 'infeasible', isFeasible: false, receivedOn: '2026-06-10', issueDueOn: '2026-06-11' });
    expect(r.feedbackZh).toContain('瓶颈车间：灌装车间 2026-06-10');
    expect(r.feedbackZh).toContain('物料短缺：C1 软木塞');
    expect(r.feedbackZh).toContain('T2 五.3');
    expect(r.feedbackSentAt).toEqual(NOW);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.userId, p.market.userId), eq(notifications.kind, 'production.request.feedback')));
    expect(told[0].bodyZh).toBe(r.feedbackZh);
    const [due] = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectType, 'production.request.issue'), eq(deadlines.subjectId, r.id)));
    expect(due).toMatchObject({ dueOn: '2026-06-11', clause: 'T2 五.3' });
  });

  it('PP-11 a feasible special requirement gets its plan within two days; issuing it closes the clock', async () => {
    await countStock(db, p.system, p.items.cork, 100000, NOW);
    const r = await createPlanRequest(
      db,
      p.market,
      { kind: 'special', title: '出口订单', lines: [{ itemId: p.items.wine, qty: 1200, dueOn: '2026-06-20' }] },
      NOW,
    );
    expect(r).toMatchObject({ isFeasible: true, state: 'received', issueDueOn: '2026-06-12' });
    const { plan } = await createPlanFromRequest(db, workflows, p.planner, r.id, r.version, NOW);
    const v = await getPlanView(db, workflows, p.planner, plan.id);
    expect(v).toMatchObject({ kind: 'special', periodStart: '2026-06-10', periodEnd: '2026-06-20', number: 'ZXJH-2026-0001' });
    // Levelled over the working days up to the due date: 1,200 over 9 working days (the 14th is a Sunday).
    expect(v.lines[0].total).toBe(1200);
    expect(v.lines[0].quantities[4]).toBe(0);
    let doc = await getDocument(db, workflows, p.planner, plan.documentId!);
    doc = await submitDocument(db, workflows, p.planner, doc.id, { version: doc.version }, NOW);
    doc = await approveDocument(db, workflows, p.vp, doc.id, { version: doc.version }, NOW);
    await issueDocument(
      db,
      workflows,
      p.planner,
      doc.id,
      { version: doc.version, departmentIds: [p.departments.get('灌装车间')!] },
      new Date('2026-06-11T02:00:00Z'),
    );
    expect((await getPlanRequest(db, p.planner, r.id)).state).toBe('closed');
    const [due] = await db
      .select({ state: deadlines.state })
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectType, 'production.request.issue'), eq(deadlines.subjectId, r.id)));
    expect(due.state).toBe('done');
  });

  it('PP-8 fills the monthly plan from the approved sales plan, net of stock and safety stock, level over working days', async () => {
    const sp = await createSalesPlan(db, workflows, p.market, { kind: 'monthly', month: '2026-07' }, NOW);
    await saveSalesPlanLines(db, p.market, sp.id, { version: sp.version, lines: [{ itemId: p.items.wine, onDate: '2026-07-15', qty: 13000 }] });
    const sent = await submitDocument(db, workflows, p.market, sp.documentId, { version: 1 }, NOW);
    await approveDocument(db, workflows, p.gm, sp.documentId, { version: sent.version }, NOW);
    await countStock(db, p.system, p.items.wine, 1000, NOW);
    const asked = await updateStock(db, p.planner, p.items.wine, { version: 1, safetyStock: 500 }, NOW);
    // Only the approved safety stock is planned on (T4 第二十四条).
    await approveSafetyStock(db, p.system, p.items.wine, asked.version, NOW);
    const plan = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-07' }, NOW);
    await fillPlanFromDemand(db, p.planner, plan.id, plan.version, NOW);
    const v = await getPlanView(db, workflows, p.planner, plan.id);
    // 13,000 demand + 500 safety − 1,000 on hand = 12,500 over July's 27 working days (Mon–Sat).
    expect(v.lines[0]).toMatchObject({ forecastQty: 13000, total: 12500 });
    expect(v.lines[0].quantities.filter((q) => q > 0)).toHaveLength(27);
  });

  it('PP-8 copies last month’s plan into a new month', async () => {
    const aug = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-08' }, NOW);
    await copyPlanFromPrevious(db, p.planner, aug.id, aug.version, NOW);
    const v = await getPlanView(db, workflows, p.planner, aug.id);
    expect(v.lines[0]).toMatchObject({ forecastQty: 13000, total: 12500 });
    expect(v.lines[0].quantities).toHaveLength(31);
    const sep = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-10' }, NOW);
    await expect(copyPlanFromPrevious(db, p.planner, sep.id, sep.version, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('PP-7 the quarterly plan is levelled: stock built in a slack month is drawn when demand tops capacity', async () => {
    const sp = await createSalesPlan(db, workflows, p.market, { kind: 'quarterly', year: 2026, quarter: 4 }, NOW);
    await saveSalesPlanLines(db, p.market, sp.id, {
      version: sp.version,
      lines: [
        { itemId: p.items.wine, onDate: '2026-10-01', qty: 15000 },
        { itemId: p.items.wine, onDate: '2026-11-01', qty: 22000 },
        { itemId: p.items.wine, onDate: '2026-12-01', qty: 32000 },
      ],
    });
    const sent = await submitDocument(db, workflows, p.market, sp.documentId, { version: 1 }, NOW);
    await approveDocument(db, workflows, p.gm, sp.documentId, { version: sent.version }, NOW);
    const q = await createPlan(db, workflows, p.planner, { kind: 'quarterly', year: 2026, quarter: 4 }, NOW);
    const level = await getLevelPlan(db, p.planner, q.id);
    expect(level.bottleneck?.name).toBe('灌装车间');
    expect(level.result?.status).toBe('optimal');
    const fam = level.result!.families![0].periods;
    // October's capacity (~27,000) exceeds its demand: the plan builds stock there for December.
    expect(fam[0].production).toBeGreaterThan(15000);
    expect(fam[1].inventory).toBeGreaterThan(0);
    expect(fam.every((x) => x.backlog < 1e-6)).toBe(true);
    await applyLevelPlan(db, p.planner, q.id, q.version, NOW);
    const v = await getPlanView(db, workflows, p.planner, q.id);
    expect(v.lines[0].quantities.map(Math.round)).toEqual(fam.map((x) => Math.round(x.production + x.subcontract)));
  });

  it('PP-6 the annual plan collects the inputs of market, finance, procurement, R&D and production', async () => {
    const annual = await createPlan(db, workflows, p.planner, { kind: 'annual', year: 2027 }, NOW);
    await saveAnnualInput(db, p.market, annual.id, { party: 'market', content: '预计增长 8%' }, NOW);
    await saveAnnualInput(db, p.planner, annual.id, { party: 'production', content: '灌装线两条' }, NOW);
    await saveAnnualInput(db, p.market, annual.id, { party: 'market', content: '预计增长 10%' }, NOW);
    const inputs = await findAnnualInputs(db, p.planner, annual.id);
    expect(inputs.map((i) => [i.party, i.content])).toEqual([
      ['market', '预计增长 10%'],
      ['production', '灌装线两条'],
    ]);
    const monthly = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-09' }, NOW);
    await expect(saveAnnualInput(db, p.market, monthly.id, { party: 'market', content: 'x y' }, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
