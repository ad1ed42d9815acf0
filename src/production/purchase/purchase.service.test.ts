import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveDocument, getDocument, saveApprovalChain, submitDocument } from '#core/approval';
import { isoWeekday } from '#core/calendar';
import type { Db } from '#core/db';
import { applyPreset, getPolicyView, updatePolicy } from '#core/policy';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { approveSafetyStock, findItems, updateItem, updateStock } from '../master/index';
import { newIssuedPlan, newPlant, newRolePerson, type TestPlant } from '../testing/index';
import { postStockDocument, reverseStockDocument } from '../warehouse/index';
import {
  compilePurchasePlan,
  findOpenOrderLines,
  findShortages,
  getMaterialPlan,
  getPurchasePlanView,
  postPurchaseReceipt,
  PURCHASE_PLAN_DOC,
  recompilePurchasePlan,
} from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-03-20T02:00:00Z');

describe('purchase plan (PP-15, T4 第二十三、二十四条) and receipts against it (PP-16)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let sourcePlanId: string;
  let buyer: Awaited<ReturnType<typeof newRolePerson>>;
  let keeper: Awaited<ReturnType<typeof newRolePerson>>;
  let vp: Awaited<ReturnType<typeof newRolePerson>>;
  let gm: Awaited<ReturnType<typeof newRolePerson>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own: suppliers, the bottles' stock limits (safety stock pending), the three-step chain, April's plan issued.
  beforeEach(async () => {
    p = await newPlant(db, workflows, NOW);
    buyer = await newRolePerson(db, p.orgId, 'purchasing', ['production.read', 'production.purchase.write', 'document.read', 'document.write', 'approval.act']);
    keeper = await newRolePerson(db, p.orgId, 'warehouse', ['production.read', 'production.stock.write']);
    vp = await newRolePerson(db, p.orgId, 'vp_production', ['production.read', 'production.plan.approve', 'document.read', 'approval.act']);
    gm = await newRolePerson(db, p.orgId, 'gm', ['production.read', 'production.plan.approve', 'document.read', 'approval.act']);
    for (const [id, supplier] of [
      [p.items.bottle, '华兴玻璃'],
      [p.items.cork, '金陵包装'],
    ] as const) {
      const item = (await findItems(db, p.planner, {})).find((i) => i.id === id)!;
      await updateItem(db, p.planner, id, { version: item.version, supplier });
    }
    // Bottles: minimum 20,000, maximum 100,000; the safety stock goes to the GM.
    const bottle = (await findItems(db, p.planner, {})).find((i) => i.id === p.items.bottle)!;
    const asked = await updateStock(db, buyer, p.items.bottle, { version: bottle.stockVersion!, minQty: 20000, maxQty: 100000, safetyStock: 10000 }, NOW);
    expect(asked).toMatchObject({ safetyStock: 0, safetyPending: 10000 });
    const steps = [
      { key: 'purchasing', nameZh: '采购部负责人审核', nameEn: 'Purchasing head', roleCode: 'purchasing' },
      { key: 'vp', nameZh: '副总经理审核', nameEn: 'VP', roleCode: 'vp_production' },
      { key: 'gm', nameZh: '总经理批准', nameEn: 'GM', roleCode: 'gm' },
    ];
    // The buyer is the purchasing head and signs the department's own plan first (T4 第二十三条: 逐级审批).
    await saveApprovalChain(db, workflows, p.system, PURCHASE_PLAN_DOC, { steps, allowSelfApproval: true }, NOW);
    sourcePlanId = (await newIssuedPlan(db, workflows, p, NOW, { approvers: [vp, gm] })).id;
  });
  afterAll(() => database.drop());

  const stockVersion = async (itemId: string) => (await findItems(db, p.planner, {})).find((i) => i.id === itemId)!.stockVersion!;

  /** The GM approves the bottles' safety stock of 10,000; a second change to 30,000 waits. */
  const safetyApproved = async () => {
    await approveSafetyStock(db, gm, p.items.bottle, await stockVersion(p.items.bottle), NOW);
    await updateStock(db, buyer, p.items.bottle, { version: await stockVersion(p.items.bottle), safetyStock: 30000 }, NOW);
  };
  /** The purchase plan CGJH-2026-0001 compiled from April's plan, in draft. */
  const compiledPurchasePlan = async () => {
    await safetyApproved();
    return (await compilePurchasePlan(db, workflows, buyer, { sourcePlanId }, NOW)).id;
  };
  /** The purchase plan approved by the purchasing head, the VP and the GM: its lines are open orders. */
  const approvedPurchasePlan = async () => {
    const purchasePlanId = await compiledPurchasePlan();
    const { documentId } = await getPurchasePlanView(db, buyer, purchasePlanId);
    const version = async () => (await getDocument(db, workflows, buyer, documentId)).version;
    await submitDocument(db, workflows, buyer, documentId, { version: await version(), opinion: '请审批' }, NOW);
    for (const who of [buyer, vp, gm]) await approveDocument(db, workflows, who, documentId, { version: await version(), opinion: '同意' }, NOW);
    return purchasePlanId;
  };

  it('PP-15 the safety stock is approved only by the policy’s role (the GM in T4), never the VP; pending values are never planned on', async () => {
    const err = await approveSafetyStock(db, vp, p.items.bottle, await stockVersion(p.items.bottle), NOW).catch((e) => e);
    expect(err).toMatchObject({ code: 'FORBIDDEN' });
    expect(err.message).toContain('T4 第二十四条');
    const before = (await findItems(db, p.planner, {})).find((i) => i.id === p.items.bottle)!;
    expect(before).toMatchObject({ safetyStock: 0, safetyPending: 10000, isSafetyApproved: false });
    await approveSafetyStock(db, gm, p.items.bottle, before.stockVersion!, NOW);
    expect((await findItems(db, p.planner, {})).find((i) => i.id === p.items.bottle)).toMatchObject({
      safetyStock: 10000,
      safetyPending: null,
      isSafetyApproved: true,
    });
    // A second change waits again while 10,000 stays in force.
    await updateStock(db, buyer, p.items.bottle, { version: await stockVersion(p.items.bottle), safetyStock: 30000 }, NOW);
    expect((await findItems(db, p.planner, {})).find((i) => i.id === p.items.bottle)).toMatchObject({ safetyStock: 10000, safetyPending: 30000 });
  });

  it('PP-15 where the policy names the VP, the VP approves and the GM no longer does', async () => {
    const view = await getPolicyView(db, p.system);
    await updatePolicy(db, p.system, {
      baseVersion: view.version,
      values: { production: { safetyStockApproverRole: 'vp_production' } },
      reason: '本单位由副总审批安全存量',
    });
    await expect(approveSafetyStock(db, gm, p.items.bottle, await stockVersion(p.items.bottle), NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const again = await getPolicyView(db, p.system);
    await updatePolicy(db, p.system, { baseVersion: again.version, values: { production: { safetyStockApproverRole: 'gm' } }, reason: '恢复 T4' });
  });

  it('PP-15 compiled from the issued plan: per material gross, on hand, safety, net and order; one line per supplier, material and week', async () => {
    await safetyApproved();
    const row = await compilePurchasePlan(db, workflows, buyer, { sourcePlanId }, NOW);
    const view = await getPurchasePlanView(db, buyer, row.id);
    expect(view).toMatchObject({ number: 'CGJH-2026-0001', state: 'draft', orderPeriod: 'week', lotPolicy: 'max_min', sourcePlanNumber: 'YJH-2026-0001' });
    // Every line starts on a Monday and no material has two lines in one week.
    expect(view.orders.every((o) => isoWeekday(o.periodStart) === 1)).toBe(true);
    expect(new Set(view.orders.map((o) => `${o.itemId}|${o.periodStart}`)).size).toBe(view.orders.length);
    // April: 26 working days (Mon–Sat) × 800 cases × 6 = 124,800 bottles and as many corks.
    const bottle = view.materials.find((m) => m.itemId === p.items.bottle)!;
    expect(bottle).toMatchObject({ supplier: '华兴玻璃', gross: 124800, onHand: 60000, safety: 10000, minQty: 20000, maxQty: 100000 });
    // Wed 1 – Sat 4 April use 19,200 (40,800 left); the week of 6 April takes 28,800, leaving 12,000
    // below the minimum of 20,000: order up to the maximum, 88,000, due Monday 6 April.
    const firstBottle = view.orders.find((o) => o.itemId === p.items.bottle)!;
    expect(firstBottle).toMatchObject({ periodStart: '2026-04-06', needOn: '2026-04-06', gross: 28800, net: 8000, qty: 88000 });
    expect(bottle.planned).toBe(view.orders.filter((o) => o.itemId === p.items.bottle).reduce((s, o) => s + o.qty, 0));
    // The pending safety stock (30,000) is not planned on; the approved 10,000 is.
    expect(bottle.safety).toBe(10000);
    const cork = view.materials.find((m) => m.itemId === p.items.cork)!;
    expect(cork).toMatchObject({ supplier: '金陵包装', gross: 124800, onHand: 1000, net: 123800, planned: 123800 });
    expect(view.suppliers.map((s) => s.supplier)).toEqual(['华兴玻璃', '金陵包装']);
    expect(view.totals).toEqual([{ unit: '个', values: expect.objectContaining({ gross: 249600, onHand: 61000 }) }]);
    const doc = await getDocument(db, workflows, buyer, view.documentId);
    expect((doc.body as { content: string }).content).toContain('按供应商、物料、周合并');
  });

  it('PP-15 a plan that is not approved and issued cannot be purchased against, nor a weekly plan', async () => {
    const { createPlan } = await import('../plan/index');
    const draft = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-06' }, NOW);
    await expect(compilePurchasePlan(db, workflows, buyer, { sourcePlanId: draft.id }, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(compilePurchasePlan(db, workflows, buyer, { sourcePlanId: '00000000-0000-4000-8000-000000000000' }, NOW)).rejects.toMatchObject({
      details: [{ field: 'sourcePlanId' }],
    });
    await expect(compilePurchasePlan(db, workflows, keeper, { sourcePlanId }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('PP-16 a receipt cannot be posted against a plan not yet approved', async () => {
    const purchasePlanId = await compiledPurchasePlan();
    const view = await getPurchasePlanView(db, buyer, purchasePlanId);
    const line = view.orders[0];
    await expect(postPurchaseReceipt(db, keeper, { lines: [{ itemId: line.itemId, qty: 10, purchaseLineId: line.id }] }, NOW)).rejects.toMatchObject({
      details: [{ field: 'lines.0.purchaseLineId' }],
    });
  });

  it('PP-15 approved level by level: purchasing head, then VP, then GM; then its lines are the open orders', async () => {
    const purchasePlanId = await compiledPurchasePlan();
    const version = async () => (await getDocument(db, workflows, buyer, (await getPurchasePlanView(db, buyer, purchasePlanId)).documentId)).version;
    const { documentId } = await getPurchasePlanView(db, buyer, purchasePlanId);
    await submitDocument(db, workflows, buyer, documentId, { version: await version(), opinion: '请审批' }, NOW);
    await approveDocument(db, workflows, buyer, documentId, { version: await version(), opinion: '采购部审核' }, NOW);
    // The GM cannot skip the VP's step.
    await expect(approveDocument(db, workflows, gm, documentId, { version: await version() }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await approveDocument(db, workflows, vp, documentId, { version: await version(), opinion: '同意' }, NOW);
    expect((await getDocument(db, workflows, buyer, documentId)).state).toBe('submitted');
    await approveDocument(db, workflows, gm, documentId, { version: await version(), opinion: '同意' }, NOW);
    expect((await getPurchasePlanView(db, buyer, purchasePlanId)).state).toBe('approved');
    const open = await findOpenOrderLines(db, keeper, { purchasePlanId });
    expect(open.length).toBe((await getPurchasePlanView(db, buyer, purchasePlanId)).orders.length);
  });

  it('PP-16 the keeper receives against an order line: received versus ordered follows the ledger, a reversal takes it back', async () => {
    const purchasePlanId = await approvedPurchasePlan();
    const line = (await findOpenOrderLines(db, keeper, { purchasePlanId })).find((l) => l.itemId === p.items.bottle)!;
    const receipt = await postPurchaseReceipt(db, keeper, { lines: [{ itemId: p.items.bottle, qty: 50000, lot: '2604A', purchaseLineId: line.id }] }, NOW);
    expect(receipt.doc).toMatchObject({ kind: 'receipt', purpose: 'purchase', referenceType: 'purchase_plan', referenceNumber: 'CGJH-2026-0001' });
    expect(receipt.doc.note).toContain('华兴玻璃');
    const after = (await getPurchasePlanView(db, buyer, purchasePlanId)).orders.find((o) => o.id === line.id)!;
    expect(after).toMatchObject({ qty: 88000, received: 50000 });
    expect((await findOpenOrderLines(db, keeper, { purchasePlanId })).find((l) => l.id === line.id)?.open).toBe(38000);
    await db.transaction((tx) => reverseStockDocument(tx, keeper, receipt.doc.id, '批次录错', NOW));
    expect((await getPurchasePlanView(db, buyer, purchasePlanId)).orders.find((o) => o.id === line.id)?.received).toBe(0);
    await postPurchaseReceipt(
      db,
      keeper,
      { supplier: '华兴玻璃', lines: [{ itemId: p.items.bottle, qty: 88000, lot: '2604B', purchaseLineId: line.id }] },
      NOW,
    );
    expect((await findOpenOrderLines(db, keeper, { purchasePlanId })).find((l) => l.id === line.id)).toBeUndefined();
  });

  it('PP-16 a receipt line for another item than its order line, or an unknown line, is a 400 naming the line', async () => {
    const purchasePlanId = await approvedPurchasePlan();
    const line = (await findOpenOrderLines(db, keeper, { purchasePlanId })).find((l) => l.itemId === p.items.cork)!;
    await expect(postPurchaseReceipt(db, keeper, { lines: [{ itemId: p.items.bottle, qty: 1, purchaseLineId: line.id }] }, NOW)).rejects.toMatchObject({
      details: [{ field: 'lines.0.itemId' }],
    });
    await expect(
      postPurchaseReceipt(db, keeper, { lines: [{ itemId: p.items.bottle, qty: 1, purchaseLineId: '00000000-0000-4000-8000-000000000000' }] }, NOW),
    ).rejects.toMatchObject({
      details: [{ field: 'lines.0.purchaseLineId' }],
    });
  });

  it('PP-16 T4 第二十六条 shortages ahead: what open orders do not cover by the day of need is flagged; orders in time clear it', async () => {
    await approvedPurchasePlan();
    const march25 = new Date('2026-03-25T02:00:00Z');
    const { projected } = await findShortages(db, p.planner, march25);
    // Base wine is made, not bought; bottles and corks are covered by the approved orders.
    expect(projected.map((s) => s.code)).toEqual([]);
    // Another plant month with no purchase plan yet: corks run short on its first working day.
    await newIssuedPlan(db, workflows, p, NOW, { month: '2026-05', days: 31, firstWeekday: 5, perDay: 500, approvers: [vp, gm] });
    const later = await findShortages(db, p.planner, march25);
    expect(later.projected.find((s) => s.code === 'C1')).toMatchObject({ shortOn: '2026-05-01', supplier: '金陵包装' });
  });

  it('PP-16 issues recorded short (欠料) under the record-shortage policy are listed', async () => {
    const view = await getPolicyView(db, p.system);
    await updatePolicy(db, p.system, { baseVersion: view.version, values: { production: { negativeStock: 'record_shortage' } }, reason: '测试欠料' });
    await db.transaction((tx) =>
      postStockDocument(
        tx,
        keeper,
        { kind: 'issue', purpose: 'requisition', workshopId: p.workshops.fill, lines: [{ itemId: p.items.base, qty: 999999 }] },
        NOW,
      ),
    );
    const { recorded } = await findShortages(db, p.planner, NOW);
    expect(recorded[0]).toMatchObject({ code: 'B1', workshopName: '灌装车间' });
    expect(recorded[0].shortage).toBeGreaterThan(0);
  });

  it('PP-15 open orders of approved plans are netted: compiled again, the same month needs no second order for what is coming', async () => {
    const purchasePlanId = await approvedPurchasePlan();
    const again = await compilePurchasePlan(db, workflows, buyer, { sourcePlanId }, NOW);
    const view = await getPurchasePlanView(db, buyer, again.id);
    const first = await getPurchasePlanView(db, buyer, purchasePlanId);
    expect(view.materials.find((m) => m.itemId === p.items.cork)?.openOrders).toBe(first.materials.find((m) => m.itemId === p.items.cork)?.planned);
    expect(view.orders.filter((o) => o.itemId === p.items.cork)).toEqual([]);
    // A draft is compiled again on request; the version guards a stale click.
    await expect(recompilePurchasePlan(db, workflows, buyer, again.id, again.version + 1, NOW)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const re = await recompilePurchasePlan(db, workflows, buyer, again.id, again.version, NOW);
    expect(re.version).toBe(again.version + 1);
  });

  it('PP-15 T2 (五.1.2) plans bought parts monthly and lot-for-lot: one line per material and month, the net need only', async () => {
    const view = await getPolicyView(db, p.system);
    await applyPreset(db, p.system, { baseVersion: view.version, preset: 'T2', reason: '套用 T2' });
    const row = await compilePurchasePlan(
      db,
      workflows,
      buyer,
      { sourcePlanId: (await newIssuedPlan(db, workflows, p, NOW, { month: '2026-07', days: 31, firstWeekday: 3, perDay: 100, approvers: [vp, gm] })).id },
      NOW,
    );
    const t2 = await getPurchasePlanView(db, buyer, row.id);
    expect(t2).toMatchObject({ orderPeriod: 'month', lotPolicy: 'lot_for_lot' });
    expect(t2.orders.every((o) => o.periodStart.endsWith('-01'))).toBe(true);
    expect(new Set(t2.orders.map((o) => o.itemId)).size).toBe(t2.orders.length);
    // Lot-for-lot: what is bought equals the net need (no lot rule on these items).
    for (const m of t2.materials) expect(m.planned).toBe(m.net);
  });

  it('PP-14 the plan’s material tab: per material the netting, and the orders per week instead of per day', async () => {
    const m = await getMaterialPlan(db, p.planner, sourcePlanId, { period: 'week' });
    const cork = m.materials.find((x) => x.itemId === p.items.cork)!;
    expect(cork).toMatchObject({ kind: 'buy', gross: 124800, supplier: '金陵包装' });
    expect(cork.net).toBe(Math.max(0, cork.gross + cork.safety - cork.onHand));
    const corkWeeks = m.orders.filter((o) => o.itemId === p.items.cork);
    expect(corkWeeks.every((o) => isoWeekday(o.periodStart) === 1)).toBe(true);
    expect(corkWeeks.length).toBeLessThanOrEqual(5);
    const daily = await getMaterialPlan(db, p.planner, sourcePlanId, { period: 'day' });
    expect(daily.orders.filter((o) => o.itemId === p.items.cork).length).toBeGreaterThan(corkWeeks.length);
  });
});
