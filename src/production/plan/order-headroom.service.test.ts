import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveDocument, getDocument } from '#core/approval';
import type { Db } from '#core/db';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { approvedWineOrder, draftAprilWinePlan, newPlant, type TestPlant } from '../testing/index';
import { createPlan, findAbsorptions, findOrderHeadroom, getPlanView, recheckPendingOrders, savePlanLines, submitPlan } from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-03-20T02:00:00Z');

describe('issue 14 item 3: after-plan orders show 预估量, orders so far and headroom; none stays pending (PP-12, T4 第二十一条)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own.
  beforeEach(async () => {
    p = await newPlant(db, workflows, NOW);
  });
  afterAll(() => database.drop());

  /** A contract order for the wine, reviewed, concluded as ordered and approved by the GM. */
  const approvedOrder = (customer: string, qty: number, shipOn: string) =>
    approvedWineOrder(db, workflows, p, { kind: 'contract', customer, qty, shipOn }, NOW);
  const decisions = async (planId: string) => (await findAbsorptions(db, p.orgId, planId)).map(({ a, customer }) => ({ customer, decision: a.decision }));
  /** April's plan compiled: 600 a working day (15,000), 预估量 15,600 by hand. */
  const compiledAprilPlan = () => draftAprilWinePlan(db, workflows, p, NOW, { perDay: 600, forecast: 15600 });

  it('issue 14 item 3: the planner sets 预估量 by hand while compiling and the tab shows it with the orders so far and the headroom', async () => {
    // 600 a working day (15,000) planned, but the planner expects orders of 15,600: 预估量 by hand.
    const planId = await compiledAprilPlan();
    let h = await findOrderHeadroom(db, p.planner, planId);
    expect(h).toMatchObject({ threshold: 1, basis: 'draft' });
    expect(h.rows).toEqual([expect.objectContaining({ code: 'W1', forecastQty: 15600, limitQty: 15600, orderedQty: 0, headroom: 15600, isOver: false })]);
    // An order while the plan is still compiled waits for it (计入编制中的计划).
    await approvedOrder('金城酒店', 350, '2026-04-16');
    expect(await decisions(planId)).toEqual([{ customer: '金城酒店', decision: 'pending' }]);
    h = await findOrderHeadroom(db, p.planner, planId);
    expect(h.rows[0]).toMatchObject({ orderedQty: 350, headroom: 15250 });
  });

  it('issue 14 item 3: approving the plan decides the waiting orders against the approved 预估量: the row clears', async () => {
    // April's plan compiled, an order of 350 waiting for it.
    const planId = await compiledAprilPlan();
    await approvedOrder('金城酒店', 350, '2026-04-16');
    const view = await getPlanView(db, workflows, p.planner, planId);
    let doc = await getDocument(db, workflows, p.planner, view.documentId!);
    await submitPlan(db, workflows, p.planner, planId, { version: doc.version }, NOW);
    doc = await getDocument(db, workflows, p.vp, view.documentId!);
    await approveDocument(db, workflows, p.vp, doc.id, { version: doc.version }, NOW);
    expect(await decisions(planId)).toEqual([{ customer: '金城酒店', decision: 'absorbed' }]);
    const h = await findOrderHeadroom(db, p.planner, planId);
    expect(h).toMatchObject({ basis: 'in_force', revision: 1 });
    // Later orders within the headroom are absorbed at once.
    await approvedOrder('华北糖酒', 250, '2026-04-20');
    expect((await findOrderHeadroom(db, p.planner, planId)).rows[0]).toMatchObject({ forecastQty: 15600, orderedQty: 600, headroom: 15000, isOver: false });
  });

  it('issue 14 item 3: a waiting order above the approved 预估量 gets the planner’s 核对, which re-opens the plan through its chain', async () => {
    const plan = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-05' }, NOW);
    await savePlanLines(
      db,
      p.planner,
      plan.id,
      { version: plan.version, lines: [{ itemId: p.items.wine, forecastQty: 1000, quantities: new Array(31).fill(0).map((_, k) => (k < 10 ? 100 : 0)) }] },
      NOW,
    );
    await approvedOrder('大客户', 1500, '2026-05-12');
    const view = await getPlanView(db, workflows, p.planner, plan.id);
    await expect(recheckPendingOrders(db, workflows, p.planner, plan.id, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    let doc = await getDocument(db, workflows, p.planner, view.documentId!);
    await submitPlan(db, workflows, p.planner, plan.id, { version: doc.version }, NOW);
    doc = await getDocument(db, workflows, p.vp, view.documentId!);
    await approveDocument(db, workflows, p.vp, doc.id, { version: doc.version }, NOW);
    const pending = await findAbsorptions(db, p.orgId, plan.id);
    expect(pending.map((x) => x.a.decision)).toEqual(['pending']);
    expect((await findOrderHeadroom(db, p.planner, plan.id)).rows[0]).toMatchObject({ forecastQty: 1000, orderedQty: 1500, headroom: -500, isOver: true });
    const [r] = await recheckPendingOrders(db, workflows, p.planner, plan.id, NOW);
    expect(r).toMatchObject({ decision: 'adjusted', excess: 500, revision: 2 });
    expect((await findAbsorptions(db, p.orgId, plan.id)).map((x) => x.a.decision)).toEqual(['adjusted']);
    expect((await getDocument(db, workflows, p.planner, view.documentId!)).state).toBe('draft');
  });
});
