import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDocument, getDocument, issueDocument, rejectDocument } from '#core/approval';
import { deadlines } from '#core/calendar';
import type { Db } from '#core/db';
import { notifications } from '#core/notify';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { addCountermeasure, createPlan, diffPlanRevisions, findAbsorptions, getPlanView, recheckOrderLine, savePlanLines, submitPlan } from '../plan/index';
import { approveOrderReview, concludeWineOrder, newPlant, newWineOrder, reviewByAllParties, type TestPlant, workingDayQuantities } from '../testing/index';
import {
  applyCustomerChange,
  concludeReview,
  createSalesPlan,
  findShipmentPlan,
  getMonthSummary,
  getOrder,
  getSalesPlan,
  recordReviewOpinion,
  recordShipment,
  rejectCustomerChange,
  requestCustomerChange,
  saveSalesPlanLines,
  submitMonthReport,
} from './index';

const { workflows } = testRegistry;

const NOW = new Date('2026-03-20T02:00:00Z');
const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

describe('demand: sales plans, orders, joint review, changes, shipments (PP-1 … PP-5, PP-12)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newPlant(db, workflows, NOW);
  });
  afterAll(() => database.drop());

  const review = (orderId: string, when: Date) => reviewByAllParties(db, p, orderId, when);
  /** The reviewed order concluded (at `qty`, else as ordered) and approved by the GM; the order as the market department sees it. */
  const approveOrder = async (orderId: string, when: Date, qty?: number) => {
    const concluded = await concludeWineOrder(db, workflows, p, orderId, when, qty);
    await approveOrderReview(db, workflows, p, concluded.reviewDocumentId!, when);
    return getOrder(db, p.market, orderId);
  };

  it('PP-1 PP-2 the monthly sales plan is next month’s forecast: due on the 25th, done when it goes to the general manager', async () => {
    const plan = await createSalesPlan(db, workflows, p.market, { kind: 'monthly', month: '2026-04' }, NOW);
    await expect(
      saveSalesPlanLines(db, p.market, plan.id, { version: plan.version, lines: [{ itemId: p.items.wine, onDate: '2026-05-02', qty: 10 }] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'lines[0].onDate' }],
    });
    await saveSalesPlanLines(db, p.market, plan.id, {
      version: plan.version,
      lines: [
        { itemId: p.items.wine, onDate: '2026-04-10', qty: 10000 },
        { itemId: p.items.wine, onDate: '2026-04-24', qty: 11000 },
      ],
    });
    // Issue 14 item 12: the plan shows each product's total over its ship dates.
    const view = await getSalesPlan(db, workflows, p.market, plan.id);
    expect(view.productTotals).toEqual([expect.objectContaining({ itemId: p.items.wine, qty: 21000, lineCount: 2 })]);
    const [due] = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectType, 'production.forecast'), eq(deadlines.subjectId, '2026-04')));
    expect(due).toMatchObject({ dueOn: '2026-03-25', clause: 'T2 五.1.1)', state: 'open' });
    const { submitDocument } = await import('#core/approval');
    const submitted = await submitDocument(db, workflows, p.market, plan.documentId, { version: 1 }, at('2026-03-24'));
    await approveDocument(db, workflows, p.gm, plan.documentId, { version: submitted.version, opinion: '同意' }, at('2026-03-24'));
    const [done] = await db.select().from(deadlines).where(eq(deadlines.id, due.id));
    expect(done.state).toBe('done');
  });

  it('PP-3 an order reaches the general manager only after production, quality and the business unit all agree', async () => {
    const order = await newWineOrder(db, p, { kind: 'contract', customer: '华北糖酒', qty: 500, shipOn: '2026-04-15' }, NOW);
    expect(order.number).toBe('DD-2026-0001');
    await recordReviewOpinion(db, p.planner, order.id, { party: 'production', opinion: '可以排产', isAgreed: true }, NOW);
    await recordReviewOpinion(db, p.reviewer, order.id, { party: 'quality', opinion: '包装材料未到，暂不同意', isAgreed: false }, NOW);
    const o = await getOrder(db, p.market, order.id);
    const err = await concludeReview(
      db,
      workflows,
      p.market,
      order.id,
      { version: o.version, lines: o.lines.map((l) => ({ lineId: l.id, agreedQty: 500, agreedShipOn: '2026-04-15' })) },
      NOW,
    ).catch((e) => e);
    expect(err.code).toBe('INVALID_STATE');
    expect(err.message).toContain('质量技术研发部不同意');
    expect(err.message).toContain('事业部（业务单位）未评审');
  });

  it('PP-3 approved by the general manager the order becomes a 销售计划单 with its shipment plan; the planners are told', async () => {
    const order = await newWineOrder(db, p, { kind: 'written', customer: '金城酒店', qty: 600, shipOn: '2026-04-16' }, NOW);
    await review(order.id, NOW);
    const approved = await approveOrder(order.id, NOW, 550);
    expect(approved).toMatchObject({ state: 'approved', salesSheetNumber: 'XSD-2026-0001' });
    expect(approved.lines[0]).toMatchObject({ agreedQty: 550, agreedShipOn: '2026-04-16' });
    const review_doc = await getDocument(db, workflows, p.gm, approved.reviewDocumentId!);
    expect((review_doc.body as { content: string }).content).toContain('质量技术研发部：同意');
    const shipments = await findShipmentPlan(db, p.planner, '2026-04');
    expect(shipments).toEqual([expect.objectContaining({ customer: '金城酒店', qty: 550, plannedOn: '2026-04-16' })]);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.userId, p.planner.userId), eq(notifications.kind, 'production.sales-sheet')));
    expect(told).toHaveLength(1);
  });

  it('PP-3 a rejected review goes back to the market department and can be sent again', async () => {
    const order = await newWineOrder(db, p, { kind: 'oral', customer: '某商贸', qty: 50, shipOn: '2026-04-18' }, NOW);
    await review(order.id, NOW);
    const concluded = await concludeWineOrder(db, workflows, p, order.id, NOW);
    const doc = await getDocument(db, workflows, p.gm, concluded.reviewDocumentId!);
    await rejectDocument(db, workflows, p.gm, doc.id, { version: doc.version, opinion: '价格过低' }, NOW);
    expect((await getOrder(db, p.market, order.id)).state).toBe('rejected');
    const again = await getOrder(db, p.market, order.id);
    const resent = await concludeReview(
      db,
      workflows,
      p.market,
      order.id,
      { version: again.version, lines: [{ lineId: again.lines[0].id, agreedQty: 50, agreedShipOn: '2026-04-20' }] },
      NOW,
    );
    expect(resent.state).toBe('submitted');
    expect((await getDocument(db, workflows, p.gm, resent.reviewDocumentId!)).state).toBe('submitted');
  });

  it('PP-4 a customer change needs written confirmation; short notice needs production’s reason; applied, the affected people hear of it', async () => {
    const order = (await getOrder(db, p.market, (await findShipmentPlan(db, p.planner, '2026-04'))[0].orderId))!;
    const line = order.lines[0];
    const unconfirmed = await requestCustomerChange(
      db,
      p.market,
      order.id,
      { orderLineId: line.id, kind: 'quantity', newQty: 700, reason: '客户追加', receivedOn: '2026-04-14', hasWrittenConfirmation: false },
      NOW,
    );
    await expect(applyCustomerChange(db, p.planner, order.id, unconfirmed.id, { version: unconfirmed.version }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('书面确认'),
    });
    await rejectCustomerChange(db, p.planner, order.id, unconfirmed.id, { version: unconfirmed.version, note: '无书面确认' }, NOW);
    const change = await requestCustomerChange(
      db,
      p.market,
      order.id,
      {
        orderLineId: line.id,
        kind: 'quantity',
        newQty: 700,
        reason: '客户追加',
        receivedOn: '2026-04-14',
        hasWrittenConfirmation: true,
        confirmationRef: '传真 017',
      },
      NOW,
    );
    expect(change).toMatchObject({ noticeDays: 2, isShortNotice: true });
    await expect(applyCustomerChange(db, p.planner, order.id, change.id, { version: change.version }, NOW)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'shortNoticeReason' }],
    });
    const applied = await applyCustomerChange(
      db,
      p.planner,
      order.id,
      change.id,
      { version: change.version, acceptShortNotice: true, shortNoticeReason: '库存可调剂' },
      NOW,
    );
    expect(applied.line.agreedQty).toBe(700);
    expect((await findShipmentPlan(db, p.planner, '2026-04'))[0].qty).toBe(700);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.kind, 'production.order-change.applied')));
    expect(told.length).toBeGreaterThan(0);
  });

  it('PP-5 the month-end summary gives sales by product and collection by customer, and goes to the general manager', async () => {
    const [s] = await findShipmentPlan(db, p.planner, '2026-04');
    await expect(recordShipment(db, p.market, s.id, { version: s.version, invoicedAmount: 100, collectedAmount: 200 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await recordShipment(db, p.market, s.id, { version: s.version, shippedOn: '2026-04-16', shippedQty: 700, invoicedAmount: 140000, collectedAmount: 90000 });
    const summary = await getMonthSummary(db, p.market, '2026-04');
    expect(summary.sales).toEqual([expect.objectContaining({ code: 'W1', planned: 21000, ordered: 700, shipped: 700, invoiced: 140000 })]);
    expect(summary.collection).toEqual([{ customer: '金城酒店', invoiced: 140000, collected: 90000, outstanding: 50000 }]);
    const sent = await submitMonthReport(db, p.market, '2026-04', at('2026-04-30'));
    expect(sent.submittedAt).not.toBeNull();
  });

  it('PP-12 orders after the monthly plan: within the forecast they are absorbed; above it the plan re-opens through its original approval, with the diff', async () => {
    const plan = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-05' }, NOW);
    const v = await getPlanView(db, workflows, p.planner, plan.id);
    // May 2026 starts on a Friday; 500 cases a working day, forecast 12,000.
    await savePlanLines(
      db,
      p.planner,
      plan.id,
      { version: v.version, lines: [{ itemId: p.items.wine, forecastQty: 12000, quantities: workingDayQuantities(31, 5, 500) }] },
      NOW,
    );
    for (const o of (await getPlanView(db, workflows, p.planner, plan.id)).overloads)
      await addCountermeasure(db, p.planner, plan.id, { workshopId: o.workshopId, bucketStart: o.start, kind: 'overtime', description: '加班' }, NOW);
    let doc = await getDocument(db, workflows, p.planner, plan.documentId!);
    await submitPlan(db, workflows, p.planner, plan.id, { version: doc.version }, at('2026-04-27'));
    doc = await getDocument(db, workflows, p.vp, plan.documentId!);
    await approveDocument(db, workflows, p.vp, doc.id, { version: doc.version }, at('2026-04-28'));
    doc = await getDocument(db, workflows, p.planner, plan.documentId!);
    await issueDocument(db, workflows, p.planner, doc.id, { version: doc.version, departmentIds: [p.departments.get('灌装车间')!] }, at('2026-04-29'));

    const small = await newWineOrder(db, p, { kind: 'contract', customer: '甲', qty: 8000, shipOn: '2026-05-20' }, at('2026-05-03'));
    await review(small.id, at('2026-05-03'));
    await approveOrder(small.id, at('2026-05-04'));
    let absorbed = await findAbsorptions(db, p.orgId, plan.id);
    expect(absorbed.map((a) => a.a.decision)).toEqual(['absorbed']);
    expect((await getDocument(db, workflows, p.planner, plan.documentId!)).state).toBe('issued');

    const rush = await newWineOrder(db, p, { kind: 'written', customer: '乙', qty: 5000, shipOn: '2026-05-22' }, at('2026-05-05'));
    await review(rush.id, at('2026-05-05'));
    await approveOrder(rush.id, at('2026-05-06'));
    absorbed = await findAbsorptions(db, p.orgId, plan.id);
    expect(absorbed.find((a) => a.orderId === rush.id)?.a).toMatchObject({ decision: 'adjusted', forecastQty: 12000, cumulativeQty: 13000, planRevision: 2 });
    const adjusting = await getPlanView(db, workflows, p.planner, plan.id);
    expect(adjusting).toMatchObject({ state: 'draft', revision: 2, effectiveRevision: 1 });
    expect(adjusting.document?.steps.map((s) => s.roleCode)).toEqual([p.vp.roles[0]]);
    const diff = await diffPlanRevisions(db, p.planner, plan.id, 1, 'working');
    // The 1,000 cases above the forecast go on the ship date, and the forecast rises to the orders.
    expect(diff.changes[0]).toMatchObject({
      totalAfter: diff.changes[0].totalBefore + 1000,
      forecastBefore: 12000,
      forecastAfter: 13000,
      buckets: [{ index: 21, before: 500, after: 1500 }],
    });
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.userId, p.planner.userId), eq(notifications.kind, 'production.plan.adjust')));
    expect(told[0].bodyZh).toContain('T4 第二十一条');

    // A re-check of a line already counted changes nothing more.
    const before = await getPlanView(db, workflows, p.planner, plan.id);
    await recheckOrderLine(db, workflows, p.planner, (await getOrder(db, p.market, small.id)).lines[0].id, at('2026-05-07'));
    expect((await getPlanView(db, workflows, p.planner, plan.id)).lines[0].total).toBe(before.lines[0].total + 0);
  });

  it('issue 14 item 6: a joint-review opinion is given only by a member of that party’s department', async () => {
    const order = await newWineOrder(db, p, { kind: 'contract', customer: '部门校验', qty: 10, shipOn: '2026-04-10' }, NOW);
    // The production side (生产部) may not file the quality department's opinion, nor may the VP (no department).
    for (const who of [p.planner, p.vp]) {
      const err = await recordReviewOpinion(db, who, order.id, { party: 'quality', opinion: '同意', isAgreed: true }, NOW).catch((e) => e);
      expect(err).toMatchObject({ code: 'FORBIDDEN' });
      expect(err.message).toContain('质量部');
    }
    await expect(recordReviewOpinion(db, p.reviewer, order.id, { party: 'business', opinion: '同意', isAgreed: true }, NOW)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await recordReviewOpinion(db, p.reviewer, order.id, { party: 'quality', opinion: '按标准检验', isAgreed: true }, NOW);
    expect((await getOrder(db, p.market, order.id)).reviews).toMatchObject([{ party: 'quality', reviewerId: p.reviewer.userId }]);
  });
});
