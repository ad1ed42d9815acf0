import type { Actor } from '#core/access';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveApprovalChain } from '#core/approval';
import { newIssuedPlan, newPlant, newRolePerson, type TestPlant } from '#production/testing';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

const NOW = '2026-03-20T02:00:00Z';

async function rowsOf(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** The month after the real today, for what the inbox reads with the real clock. */
function nextRealMonth() {
  const d = new Date();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { month: first.toISOString().slice(0, 7), days, firstWeekday: first.getUTCDay() || 7 };
}

describe('the purchase plan over HTTP (PP-15, PP-16, tenancy)', () => {
  let t: TestApp;
  let p: TestPlant;
  let buyer: Client;
  /** The VP and the GM as actors: the monthly plan's approvers (issue 14 item 7 may add the policy's role as a last step). */
  let planApprovers: Actor[];
  let keeper: Client;
  let vp: Client;
  let gm: Client;
  let reader: Client;
  let stranger: Client;
  let sourcePlanId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
  });
  // Each test has a plant of its own: the buyer, keeper, VP, GM, a reader, a stranger, the cork's supplier, the chain, April's plan issued.
  beforeEach(async () => {
    const db = t.ctx.db;
    const now = new Date(NOW);
    p = await newPlant(db, t.ctx.registry.workflows, now);
    const people = await Promise.all([
      newRolePerson(db, p.orgId, 'purchasing', ['production.read', 'production.purchase.write', 'document.read', 'document.write', 'approval.act']),
      newRolePerson(db, p.orgId, 'warehouse', ['production.read', 'production.stock.write']),
      newRolePerson(db, p.orgId, 'vp_production', ['production.read', 'production.plan.approve', 'document.read', 'approval.act']),
      newRolePerson(db, p.orgId, 'gm', ['production.read', 'production.plan.approve', 'document.read', 'approval.act']),
      newPerson(db, p.orgId, ['production.read', 'document.read']),
      newPerson(db, (await newOrg(db)).org.id, 'all'),
    ]);
    planApprovers = [people[2], people[3]];
    [buyer, keeper, vp, gm, reader, stranger] = await Promise.all(people.map((a) => signIn(t.app, a.username, TEST_PASSWORD)));
    const planner = await signIn(t.app, p.planner.username, TEST_PASSWORD);
    const cork = (await planner.get('/api/production/items?q=C1')).json()[0];
    expect((await planner.patch(`/api/production/items/${p.items.cork}`, { version: cork.version, supplier: '金陵包装' })).json().supplier).toBe('金陵包装');
    const steps = [
      { key: 'purchasing', nameZh: '采购部负责人审核', nameEn: 'Purchasing head', roleCode: 'purchasing' },
      { key: 'vp', nameZh: '副总经理审核', nameEn: 'VP', roleCode: 'vp_production' },
      { key: 'gm', nameZh: '总经理批准', nameEn: 'GM', roleCode: 'gm' },
    ];
    await saveApprovalChain(db, t.ctx.registry.workflows, p.system, 'production.purchase_plan', { steps, allowSelfApproval: true }, now);
    sourcePlanId = (await newIssuedPlan(db, t.ctx.registry.workflows, p, now, { approvers: planApprovers })).id;
  });
  afterAll(() => t.close());

  type PurchasePlan = { id: string; documentId: string; number: string };
  /** The buyer compiles CGJH-2026-0001 from April's plan. */
  const compiledPlan = async (): Promise<PurchasePlan> => {
    const r = await buyer.post('/api/production/purchase-plans', { sourcePlanId });
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  /** The buyer asks a safety stock of 500 corks; the GM approves it. */
  const corkSafety500 = async () => {
    const item = (await reader.get('/api/production/items?q=C1')).json()[0];
    const asked = await buyer.put(`/api/production/items/${p.items.cork}/stock`, { version: item.stockVersion, safetyStock: 500 });
    expect((await gm.post(`/api/production/items/${p.items.cork}/stock/approve-safety`, { version: asked.json().version })).statusCode).toBe(200);
  };
  /** Compiled, compiled again after the safety stock changed, and approved by the purchasing head, the VP and the GM. */
  const approvedPlan = async (): Promise<PurchasePlan> => {
    const plan = await compiledPlan();
    await corkSafety500();
    expect((await buyer.post(`/api/production/purchase-plans/${plan.id}/recompile`, { version: 1 })).statusCode).toBe(200);
    const version = async (who: Client) => (await who.get(`/api/documents/${plan.documentId}`)).json().version;
    expect((await buyer.post(`/api/documents/${plan.documentId}/submit`, { version: await version(buyer) })).statusCode).toBe(200);
    for (const who of [buyer, vp, gm])
      expect((await who.post(`/api/documents/${plan.documentId}/approve`, { version: await version(who) })).statusCode).toBe(200);
    return plan;
  };
  /** The keeper receives 3,000 corks against the approved plan's cork line. */
  const corksReceived = async () => {
    const plan = await approvedPlan();
    const line = (await keeper.get(`/api/production/purchase-orders/open?purchasePlanId=${plan.id}`)).json().find((l: { code: string }) => l.code === 'C1');
    expect(
      (await keeper.post('/api/production/purchase-receipts', { lines: [{ itemId: p.items.cork, qty: 3000, lot: '2604', purchaseLineId: line.id }] }))
        .statusCode,
    ).toBe(201);
  };

  it('PP-15 the buyer compiles the purchase plan from the issued plan; a keeper may not; bad and foreign plans are refused', async () => {
    expect((await keeper.post('/api/production/purchase-plans', { sourcePlanId })).statusCode).toBe(403);
    expect((await buyer.post('/api/production/purchase-plans', { sourcePlanId: 'nope' })).statusCode).toBe(400);
    const r = await buyer.post('/api/production/purchase-plans', { sourcePlanId });
    expect(r.statusCode).toBe(201);
    const plan = r.json();
    expect(r.json()).toMatchObject({ number: 'CGJH-2026-0001', state: 'draft', orderPeriod: 'week', isStale: false });
    expect(
      r
        .json()
        .materials.map((m: { code: string }) => m.code)
        .sort(),
    ).toEqual(['C1', 'P1']);
    expect(r.json().suppliers[0]).toMatchObject({ supplier: '金陵包装', byUnit: [{ unit: '个' }] });
    const foreign = await stranger.post('/api/production/purchase-plans', { sourcePlanId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0].field).toBe('sourcePlanId');
    expect((await stranger.get(`/api/production/purchase-plans/${plan.id}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/production/purchase-plans')).json()).toEqual([]);
    expect((await reader.get('/api/production/purchase-plans')).json()).toHaveLength(1);
    expect((await reader.get(`/api/production/purchase-plan-doc/${plan.documentId}`)).json()).toEqual({ id: plan.id });
  });

  it('PP-15 the plan exports as a clean Excel table for the buyer', async () => {
    const plan = await compiledPlan();
    const r = await reader.get(`/api/production/purchase-plans/${plan.id}/export`);
    expect(r.statusCode).toBe(200);
    const rows = await rowsOf(r.rawPayload);
    expect(rows[0]).toEqual(['供应商', '物料编码', '品名', '规格', '单位', '订货周期起', '到货日', '下单日', '毛需求', '净需求', '采购数量', '已到货']);
    expect(rows.length).toBeGreaterThan(1);
    expect((await stranger.get(`/api/production/purchase-plans/${plan.id}/export`)).statusCode).toBe(404);
  });

  it('PP-15 the safety stock is approved by the GM (policy role), not the VP', async () => {
    const item = (await reader.get('/api/production/items?q=C1')).json()[0];
    const asked = await buyer.put(`/api/production/items/${p.items.cork}/stock`, { version: item.stockVersion, safetyStock: 500 });
    expect(asked.statusCode).toBe(200);
    expect((await vp.post(`/api/production/items/${p.items.cork}/stock/approve-safety`, { version: asked.json().version })).statusCode).toBe(403);
    const ok = await gm.post(`/api/production/items/${p.items.cork}/stock/approve-safety`, { version: asked.json().version });
    expect(ok.statusCode).toBe(200);
    expect((await reader.get('/api/production/items?q=C1')).json()[0]).toMatchObject({ safetyStock: 500, safetyPending: null });
  });

  it('PP-15 up the chain from the inbox: purchasing head, VP, GM; an out-of-date plan must be compiled again first', async () => {
    const plan = await compiledPlan();
    await corkSafety500();
    // The safety stock changed since it was compiled: compile again (the draft keeps its number).
    const re = await buyer.post(`/api/production/purchase-plans/${plan.id}/recompile`, { version: 1 });
    expect(re.statusCode).toBe(200);
    expect(re.json().materials.find((m: { code: string }) => m.code === 'C1').safety).toBe(500);
    const version = async (who: Client) => (await who.get(`/api/documents/${plan.documentId}`)).json().version;
    expect((await buyer.post(`/api/documents/${plan.documentId}/submit`, { version: await version(buyer) })).statusCode).toBe(200);
    expect((await buyer.post(`/api/documents/${plan.documentId}/approve`, { version: await version(buyer), opinion: '采购部审核' })).statusCode).toBe(200);
    const inbox = (await vp.get('/api/inbox')).json();
    expect(inbox.find((i: { kind: string; link: string }) => i.kind === 'approval.pending')?.link).toBe(`/production/purchase-plan-doc/${plan.documentId}`);
    expect((await gm.post(`/api/documents/${plan.documentId}/approve`, { version: await version(gm) })).statusCode).toBe(403);
    expect((await vp.post(`/api/documents/${plan.documentId}/approve`, { version: await version(vp), opinion: '同意' })).statusCode).toBe(200);
    expect((await gm.post(`/api/documents/${plan.documentId}/approve`, { version: await version(gm), opinion: '同意' })).statusCode).toBe(200);
    expect((await reader.get(`/api/production/purchase-plans/${plan.id}`)).json().state).toBe('approved');
    expect((await buyer.post(`/api/production/purchase-plans/${plan.id}/recompile`, { version: 2 })).statusCode).toBe(409);
  });

  it('PP-16 the keeper receives against an open order line; received shows on the plan; a foreign line is refused', async () => {
    const plan = await approvedPlan();
    const open = (await keeper.get(`/api/production/purchase-orders/open?purchasePlanId=${plan.id}`)).json();
    const line = open.find((l: { code: string }) => l.code === 'C1');
    expect(line).toMatchObject({ number: 'CGJH-2026-0001', supplier: '金陵包装', received: 0 });
    const r = await keeper.post('/api/production/purchase-receipts', { lines: [{ itemId: p.items.cork, qty: 3000, lot: '2604', purchaseLineId: line.id }] });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'receipt', purpose: 'purchase', referenceNumber: 'CGJH-2026-0001', lines: [{ qty: 3000, lot: '2604' }] });
    expect((await reader.get(`/api/production/stock-documents/${r.json().id}/context`)).json()).toMatchObject({
      supplier: '金陵包装',
      purchasePlanId: plan.id,
    });
    const after = (await reader.get(`/api/production/purchase-plans/${plan.id}`)).json();
    expect(after.orders.find((o: { id: string }) => o.id === line.id).received).toBe(3000);
    const foreign = await stranger.post('/api/production/purchase-receipts', { lines: [{ itemId: p.items.cork, qty: 1, purchaseLineId: line.id }] });
    expect(foreign.statusCode).toBe(400);
    expect((await reader.post('/api/production/purchase-receipts', { lines: [{ itemId: p.items.cork, qty: 1 }] })).statusCode).toBe(403);
  });

  it('PP-14 issue 14 item 10: the plan’s material tab: netting per material, totals, orders per ISO week, a workbook with all three', async () => {
    await corksReceived();
    const r = await reader.get(`/api/production/plans/${sourcePlanId}/material-plan`);
    expect(r.statusCode).toBe(200);
    const m = r.json();
    expect(m.period).toBe('week');
    const cork = m.materials.find((x: { code: string }) => x.code === 'C1');
    expect(cork).toMatchObject({ kind: 'buy', onHand: 4000, safety: 500 });
    expect(cork.net).toBe(Math.max(0, cork.gross + cork.safety - cork.onHand));
    // One order per material and Monday-to-Sunday week, never two in a week.
    const corkOrders = m.orders.filter((o: { code: string }) => o.code === 'C1');
    expect(corkOrders.length).toBeGreaterThan(0);
    for (const o of corkOrders) {
      expect(new Date(`${o.periodStart}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(o.isoWeek).toMatch(/^2026-W\d\d$/);
      expect(o.needOn >= o.periodStart && o.needOn <= o.periodEnd).toBe(true);
    }
    expect(new Set(corkOrders.map((o: { isoWeek: string }) => o.isoWeek)).size).toBe(corkOrders.length);
    expect(corkOrders.reduce((s: number, o: { qty: number }) => s + o.qty, 0)).toBeCloseTo(cork.planned, 3);
    const unit = m.totals.find((u: { unit: string }) => u.unit === cork.unit);
    expect(unit.values.gross).toBeCloseTo(
      m.materials.filter((x: { unit: string }) => x.unit === cork.unit).reduce((s: number, x: { gross: number }) => s + x.gross, 0),
      3,
    );
    expect((await reader.get(`/api/production/plans/${sourcePlanId}/material-plan?period=fortnight`)).statusCode).toBe(400);
    const x = await reader.get(`/api/production/plans/${sourcePlanId}/material-plan/export`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['material-plan', 'netting', 'totals']);
    expect((await rowsOf(x.rawPayload))[0]).toEqual([
      '类别',
      '物料编码',
      '品名',
      '单位',
      '周次',
      '周期起',
      '周期止',
      '需用日',
      '下单/投产日',
      '毛需求',
      '计划量',
    ]);
    expect(wb.worksheets[0].rowCount).toBe(m.orders.length + 1);
    expect((wb.worksheets[1].getRow(1).values as unknown[]).slice(1)).toEqual([
      '类别',
      '物料编码',
      '品名',
      '规格',
      '单位',
      '供应商',
      '毛需求',
      '现有库存',
      '安全库存',
      '净需求',
      '计划量',
      '首次需用',
    ]);
    const corkRow = (wb.worksheets[1].getSheetValues() as unknown[][]).find((v) => v?.[2] === 'C1')!;
    expect(corkRow.slice(7, 12)).toEqual([cork.gross, cork.onHand, cork.safety, cork.net, cork.planned]);
    expect(wb.worksheets[2].rowCount).toBe(m.totals.length + 1);
    expect((await stranger.get(`/api/production/plans/${sourcePlanId}/material-plan`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/production/plans/${sourcePlanId}/material-plan/export`)).statusCode).toBe(404);
  });

  it('issue 11 PP-14: a large plan’s material tab asks for one page of each list, of one kind or matching a text; totals cover every match', async () => {
    await corksReceived();
    const url = `/api/production/plans/${sourcePlanId}/material-plan`;
    const all = (await reader.get(url)).json();
    expect(all.materialsTotal).toBe(all.materials.length);
    expect(all.ordersTotal).toBe(all.orders.length);
    expect(all.materials.length).toBeGreaterThan(2);
    expect(all.orders.length).toBeGreaterThan(2);
    // One row of each, then the next: the same rows in the same order as the whole answer.
    const first = (await reader.get(`${url}?limit=1`)).json();
    expect(first.materials).toEqual(all.materials.slice(0, 1));
    expect(first.orders).toEqual(all.orders.slice(0, 1));
    expect([first.materialsTotal, first.ordersTotal]).toEqual([all.materialsTotal, all.ordersTotal]);
    expect(first.totals).toEqual(all.totals);
    const second = (await reader.get(`${url}?limit=1&offset=1&ordersOffset=2`)).json();
    expect(second.materials).toEqual(all.materials.slice(1, 2));
    expect(second.orders).toEqual(all.orders.slice(2, 3));
    // One kind: only bought materials and their orders; the totals are theirs.
    const bought = (await reader.get(`${url}?kind=buy`)).json();
    const allBought = all.materials.filter((x: { kind: string }) => x.kind === 'buy');
    expect(bought.materials).toEqual(allBought);
    expect(bought.orders).toEqual(all.orders.filter((o: { kind: string }) => o.kind === 'buy'));
    const corkUnit = bought.totals.find((u: { unit: string }) => u.unit === allBought.find((x: { code: string }) => x.code === 'C1').unit);
    expect(corkUnit.values.gross).toBeCloseTo(
      allBought.filter((x: { unit: string }) => x.unit === corkUnit.unit).reduce((s: number, x: { gross: number }) => s + x.gross, 0),
      3,
    );
    // A text: the cork by its code, in either case; its orders only.
    const cork = (await reader.get(`${url}?q=c1`)).json();
    expect(cork.materials.map((x: { code: string }) => x.code)).toContain('C1');
    for (const x of cork.materials) expect(`${x.code} ${x.name} ${x.spec}`.toLowerCase()).toContain('c1');
    const corkIds = new Set(cork.materials.map((x: { itemId: string }) => x.itemId));
    expect(cork.orders.length).toBeGreaterThan(0);
    expect(cork.orders.every((o: { itemId: string }) => corkIds.has(o.itemId))).toBe(true);
    expect((await reader.get(`${url}?q=${encodeURIComponent('没有这种物料')}`)).json()).toMatchObject({
      materials: [],
      orders: [],
      materialsTotal: 0,
      ordersTotal: 0,
      totals: [],
    });
    // Shortages are named whatever the page shows: the first 20, and how many there are.
    for (const s of all.shortages) expect(s.code).not.toBe('');
    expect(all.shortages.length).toBe(Math.min(20, all.shortagesTotal));
    // Within a week the orders follow the netting table's order (kind, then code).
    const rankOf = new Map(all.materials.map((x: { itemId: string }, i: number) => [x.itemId, i]));
    for (let i = 1; i < all.orders.length; i++) {
      const [a, b] = [all.orders[i - 1], all.orders[i]];
      expect(a.periodStart < b.periodStart || (a.periodStart === b.periodStart && rankOf.get(a.itemId)! < rankOf.get(b.itemId)!)).toBe(true);
    }
    for (const bad of ['limit=0', 'limit=501', 'offset=-1', 'ordersOffset=x', 'kind=other']) {
      const r = await reader.get(`${url}?${bad}`);
      expect(r.statusCode, bad).toBe(400);
      expect(r.body).not.toContain('    at ');
    }
  });

  it('PP-16 T4 第二十六、二十七条 shortages ahead reach the buyer’s inbox; the stranger sees none', async () => {
    await approvedPlan();
    // 1,000 cases a working day need ~156,000 corks: more than on hand and the April orders still open.
    const next = nextRealMonth();
    await newIssuedPlan(t.ctx.db, t.ctx.registry.workflows, p, new Date(NOW), {
      month: next.month,
      days: next.days,
      firstWeekday: next.firstWeekday,
      perDay: 1000,
      approvers: planApprovers,
    });
    const inbox = (await buyer.get('/api/inbox')).json();
    expect(inbox.find((i: { kind: string; title: { zh: string } }) => i.kind === 'production.stock.shortage' && i.title.zh.includes('C1'))).toMatchObject({
      link: '/production/warehouse/shortages',
    });
    expect((await keeper.get('/api/inbox')).json().filter((i: { kind: string }) => i.kind === 'production.stock.shortage')).toEqual([]);
    expect((await reader.get('/api/production/shortages')).statusCode).toBe(200);
    expect((await stranger.get('/api/production/shortages')).json()).toEqual({ projected: [], recorded: [] });
  });
});
