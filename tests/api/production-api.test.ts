import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Permission } from '#core/access';
import { departments as departmentTable, users } from '#core/org';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NOW = '2026-03-20T02:00:00Z';

function multipart(fileName: string, content: Buffer) {
  const boundary = `----zhidu${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function rowsOf(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

async function workbook(name: string, rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PLANNER: Permission[] = [
  'production.read',
  'production.plan.write',
  'production.master.write',
  'production.demand.write',
  'production.stock.write',
  'document.read',
  'document.write',
  'excel.import',
];
const LEADER: Permission[] = ['production.read', 'production.plan.approve', 'document.read', 'approval.act'];
const MARKET: Permission[] = ['production.read', 'production.demand.write', 'document.read', 'document.write', 'approval.act'];

interface Plant {
  orgId: string;
  planner: Client;
  market: Client;
  vp: Client;
  gm: Client;
  reviewer: Client;
  reader: Client;
  stranger: Client;
  items: { wine: string; base: string; bottle: string };
  workshops: { fill: string; pack: string };
  departments: Map<string, string>;
}

/** A small plant built through the API itself: chains, workshops, items, stock, BOM, routings. */
async function buildPlant(t: TestApp): Promise<Plant> {
  const { org, departments } = await newOrg(t.ctx.db);
  const login = async (a: Actor) => signIn(t.app, a.username, TEST_PASSWORD);
  const [admin, plannerA, marketA, vpA, gmA, reviewerA, readerA] = await Promise.all([
    newPerson(t.ctx.db, org.id, 'all'),
    newPerson(t.ctx.db, org.id, PLANNER),
    newPerson(t.ctx.db, org.id, MARKET),
    newPerson(t.ctx.db, org.id, LEADER),
    newPerson(t.ctx.db, org.id, LEADER),
    newPerson(t.ctx.db, org.id, ['production.read', 'approval.act', 'document.read']),
    newPerson(t.ctx.db, org.id, ['production.read', 'document.read']),
  ]);
  // The joint review's parties speak from their own departments (issue 14 item 6).
  const inDepartment = async (who: Actor, name: string) => {
    const existing = departments.find((d) => d.name === name);
    const id = existing?.id ?? (await t.ctx.db.insert(departmentTable).values({ orgId: org.id, name, kind: 'department' }).returning())[0].id;
    await t.ctx.db
      .update(users)
      .set({ departmentId: id })
      .where(and(eq(users.orgId, org.id), eq(users.id, who.userId)));
  };
  await inDepartment(plannerA, '生产部');
  await inDepartment(reviewerA, '质量部');
  await inDepartment(marketA, '市场部');
  const other = await newOrg(t.ctx.db);
  const strangerA = await newPerson(t.ctx.db, other.org.id, 'all');
  const a = await login(admin);
  const step = (who: Actor) => [{ key: 'step', nameZh: '审批', nameEn: 'Approval', roleCode: who.roles[0] }];
  for (const [docType, who] of [
    ['production.monthly_plan', vpA],
    ['production.temporary_plan', vpA],
    ['production.order_review', gmA],
  ] as const) {
    expect((await a.put(`/api/approval-chains/${docType}`, { steps: step(who), allowSelfApproval: false })).statusCode).toBe(200);
  }
  const planner = await login(plannerA);
  const departmentIds = new Map(departments.map((d) => [d.name, d.id]));
  const six = [1, 2, 3, 4, 5, 6];
  const ws = async (body: object) => (await planner.post('/api/production/workshops', body)).json().id as string;
  const fill = await ws({
    code: 'GZ',
    name: '灌装车间',
    departmentId: departmentIds.get('灌装车间'),
    shiftsPerDay: 2,
    hoursPerShift: 10,
    lines: 1,
    workingWeekdays: six,
  });
  const pack = await ws({ code: 'BZ', name: '包装车间', shiftsPerDay: 1, hoursPerShift: 10, lines: 2, workingWeekdays: six });
  const warehouse = await login(admin);
  const item = async (body: object, onHand: number) => {
    const created = (await planner.post('/api/production/items', body)).json();
    // What the warehouse holds is a posted document in the ledger (PP-16), not a typed number.
    if (onHand > 0)
      expect(
        (await warehouse.post('/api/production/stock-documents', { kind: 'opening', purpose: 'opening', lines: [{ itemId: created.id, qty: onHand }] }))
          .statusCode,
      ).toBe(201);
    return created.id as string;
  };
  const wine = await item({ code: 'W1', name: '干红葡萄酒', spec: '750ml×6', unit: '箱', category: 'finished', source: 'make', leadTimeDays: 1 }, 0);
  const base = await item({ code: 'B1', name: '干红原酒', unit: 'L', category: 'semi', source: 'make', leadTimeDays: 1 }, 20000);
  const bottle = await item({ code: 'P1', name: '酒瓶 750ml', unit: '个', category: 'packaging', source: 'buy', leadTimeDays: 5 }, 60000);
  for (const [child, qtyPer] of [
    [base, 4.5],
    [bottle, 6],
  ] as const)
    expect((await planner.post('/api/production/bom', { parentItemId: wine, childItemId: child, qtyPer })).statusCode).toBe(201);
  const routing = await planner.put(`/api/production/items/${wine}/routing`, {
    versions: {},
    ops: [
      { seq: 10, workshopId: fill, hoursPerUnit: 0.02, offsetDays: -1 },
      { seq: 20, workshopId: pack, hoursPerUnit: 0.01, offsetDays: 0 },
    ],
  });
  expect(routing.statusCode).toBe(200);
  return {
    orgId: org.id,
    planner,
    market: await login(marketA),
    vp: await login(vpA),
    gm: await login(gmA),
    reviewer: await login(reviewerA),
    reader: await login(readerA),
    stranger: await login(strangerA),
    items: { wine, base, bottle },
    workshops: { fill, pack },
    departments: departmentIds,
  };
}

let t: TestApp;
let p: Plant;
beforeAll(async () => {
  t = await startTestApp({ now: NOW });
});
// Each test has a plant of its own, so it runs alone (`-t`) as well as in the file.
beforeEach(async () => {
  p = await buildPlant(t);
});
afterAll(() => t.close());

/** The planner puts one line into the plan at the version they saw. */
function planLine(planId: string, version: number, line: { itemId: string; forecastQty?: number; quantities: number[] }) {
  return p.planner.put(`/api/production/plans/${planId}/lines`, { version, upsert: [line] });
}

/** April's monthly plan, empty, in draft. */
async function draftPlan(): Promise<string> {
  const res = await p.planner.post('/api/production/plans', { kind: 'monthly', month: '2026-04' });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** April's plan with 10 cases of wine a day and a forecast of 100, still in draft. */
async function plannedPlan(): Promise<string> {
  const planId = await draftPlan();
  const v = (await p.planner.get(`/api/production/plans/${planId}`)).json();
  const ok = await planLine(planId, v.version, { itemId: p.items.wine, forecastQty: 100, quantities: new Array(30).fill(10) });
  expect(ok.statusCode).toBe(200);
  return planId;
}

/** The planned April plan submitted and approved by the vice GM. */
async function approvedPlan(): Promise<string> {
  const planId = await plannedPlan();
  const v = (await p.planner.get(`/api/production/plans/${planId}`)).json();
  expect((await p.planner.post(`/api/production/plans/${planId}/submit`, { version: v.document.version, opinion: '请审批' })).statusCode).toBe(200);
  const forVp = (await p.vp.get(`/api/production/plans/${planId}`)).json();
  expect((await p.vp.post(`/api/documents/${forVp.documentId}/approve`, { version: forVp.document.version, opinion: '同意' })).statusCode).toBe(200);
  return planId;
}

/** 华北糖酒's contract order for 300 cases of wine to ship on 10 April, just received; its id. */
async function receivedOrder(): Promise<string> {
  const created = await p.market.post('/api/production/orders', {
    kind: 'contract',
    customer: '华北糖酒',
    receivedOn: '2026-03-20',
    lines: [{ itemId: p.items.wine, qty: 300, requestedShipOn: '2026-04-10' }],
  });
  expect(created.statusCode).toBe(201);
  return created.json().id;
}

/** Production, quality and business each agree to the order, each from its own department. */
async function reviewedByAllParties(orderId: string): Promise<void> {
  for (const [c, party] of [
    [p.planner, 'production'],
    [p.reviewer, 'quality'],
    [p.market, 'business'],
  ] as const) {
    expect((await c.post(`/api/production/orders/${orderId}/reviews`, { party, opinion: '同意接单', isAgreed: true })).statusCode).toBe(200);
  }
}

/** The market department concludes the reviewed order at 280 cases for 12 April; the review document as the GM sees it. */
async function concludedReviewDocument(orderId: string) {
  const o = (await p.market.get(`/api/production/orders/${orderId}`)).json();
  const concluded = await p.market.post(`/api/production/orders/${orderId}/conclude`, {
    version: o.version,
    lines: [{ lineId: o.lines[0].id, agreedQty: 280, agreedShipOn: '2026-04-12' }],
  });
  expect(concluded.statusCode).toBe(200);
  return (await p.gm.get(`/api/documents/${concluded.json().reviewDocumentId}`)).json();
}

/** 华北糖酒's contract order for 300 cases, reviewed by the three parties, concluded at 280 for 12 April and approved by the GM. */
async function approvedOrder(): Promise<string> {
  const orderId = await receivedOrder();
  await reviewedByAllParties(orderId);
  const doc = await concludedReviewDocument(orderId);
  expect((await p.gm.post(`/api/documents/${doc.id}/approve`, { version: doc.version, opinion: '同意' })).statusCode).toBe(200);
  return orderId;
}

describe('production plans over HTTP (PP-8, PP-9, CORE-11, tenancy)', () => {
  it('PP-8 a planner creates a monthly plan; bad input is a 400 naming the field', async () => {
    expect((await p.planner.post('/api/production/plans', { kind: 'monthly', month: '2026-13' })).statusCode).toBe(400);
    const res = await p.planner.post('/api/production/plans', { kind: 'monthly', month: '2026-04' });
    expect(res.statusCode).toBe(201);
    const planId = res.json().id;
    expect((await p.planner.post('/api/production/plans', { kind: 'monthly', month: '2026-04' })).statusCode).toBe(409);
    const plans = (await p.reader.get('/api/production/plans?kind=monthly')).json();
    expect(plans).toEqual([expect.objectContaining({ id: planId, state: 'draft', number: 'YJH-2026-0001' })]);
  });

  it('PP-8 saving lines: a negative quantity or an unknown product is a 400 with the field; a stale version is a 409', async () => {
    const planId = await draftPlan();
    const v = (await p.planner.get(`/api/production/plans/${planId}`)).json();
    const neg = await planLine(planId, v.version, { itemId: p.items.wine, quantities: [-1, ...new Array(29).fill(0)] });
    expect(neg.statusCode).toBe(400);
    const unknown = await planLine(planId, v.version, { itemId: '00000000-0000-4000-8000-000000000009', quantities: new Array(30).fill(1) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toBe('lines[0].itemId');
    const ok = await planLine(planId, v.version, { itemId: p.items.wine, forecastQty: 100, quantities: new Array(30).fill(10) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().capacity.rows.length).toBeGreaterThan(0);
    const stale = await planLine(planId, v.version, { itemId: p.items.wine, quantities: new Array(30).fill(11) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('PP-9 the capacity preview redraws the heat map for unsaved edits without saving them', async () => {
    const planId = await plannedPlan();
    const before = (await p.planner.get(`/api/production/plans/${planId}`)).json();
    const res = await p.planner.post(`/api/production/plans/${planId}/capacity-preview`, {
      upsert: [{ itemId: p.items.wine, quantities: new Array(30).fill(2000) }],
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .rows.find((r: { name: string }) => r.name === '灌装车间')
        .cells.some((c: { over: boolean }) => c.over),
    ).toBe(true);
    expect((await p.planner.get(`/api/production/plans/${planId}`)).json().version).toBe(before.version);
  });

  it('CORE-11 the plan grid exports as a clean table and imports back; a bad row refuses the file and writes nothing', async () => {
    const planId = await plannedPlan();
    const exported = await p.planner.get(`/api/production/plans/${planId}/excel`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    const rows = await rowsOf(exported.rawPayload);
    expect(rows[0].slice(0, 7)).toEqual(['编码', '品名', '规格', '单位', '预估量', '4月1日', '4月2日']);
    expect(rows[1].slice(0, 6)).toEqual(['W1', '干红葡萄酒', '750ml×6', '箱', 100, 10]);
    const v = (await p.planner.get(`/api/production/plans/${planId}`)).json();
    const header = rows[0] as string[];
    const good = [...rows[1]] as unknown[];
    good[5] = 77;
    const bad = ['NOPE', '无此品', '', '箱', 1, -3];
    const refused = multipart('plan.xlsx', await workbook('plan', [header, good, bad]));
    const r1 = await p.planner.request('POST', `/api/production/plans/${planId}/excel?version=${v.version}`, refused.body, refused.headers);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().code).toBe('IMPORT_FAILED');
    expect(r1.json().details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '编码' }),
        expect.objectContaining({ row: 3, column: '4月1日', reason: '数量不能为负数' }),
      ]),
    );
    expect((await p.planner.get(`/api/production/plans/${planId}`)).json().lines[0].quantities[0]).toBe(10);
    const accepted = multipart('plan.xlsx', await workbook('plan', [header, good]));
    const r2 = await p.planner.request('POST', `/api/production/plans/${planId}/excel?version=${v.version}`, accepted.body, accepted.headers);
    expect(r2.statusCode).toBe(200);
    expect((await p.planner.get(`/api/production/plans/${planId}`)).json().lines[0].quantities[0]).toBe(77);
  });

  it('PP-8 permissions: a reader may look but not write; an approver cannot write the plan', async () => {
    const planId = await plannedPlan();
    expect((await p.reader.get(`/api/production/plans/${planId}`)).statusCode).toBe(200);
    expect((await p.reader.post('/api/production/plans', { kind: 'monthly', month: '2026-05' })).statusCode).toBe(403);
    const v = (await p.reader.get(`/api/production/plans/${planId}`)).json();
    expect((await p.reader.put(`/api/production/plans/${planId}/lines`, { version: v.version, lines: [] })).statusCode).toBe(403);
    expect(
      (
        await p.vp.post(`/api/production/plans/${planId}/countermeasures`, {
          workshopId: p.workshops.fill,
          bucketStart: '2026-04-06',
          kind: 'overtime',
          description: '加班',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('CORE-1 another organisation’s user gets 404 for the plan and changes nothing', async () => {
    const planId = await plannedPlan();
    const before = (await p.planner.get(`/api/production/plans/${planId}`)).json();
    expect((await p.stranger.get(`/api/production/plans/${planId}`)).statusCode).toBe(404);
    expect((await p.stranger.put(`/api/production/plans/${planId}/lines`, { version: before.version, lines: [] })).statusCode).toBe(404);
    expect((await p.stranger.post(`/api/production/plans/${planId}/submit`, { version: 1 })).statusCode).toBe(404);
    expect((await p.stranger.get(`/api/production/plans/${planId}/excel`)).statusCode).toBe(404);
    expect((await p.stranger.get('/api/production/plans')).json()).toEqual([]);
    const after = (await p.planner.get(`/api/production/plans/${planId}`)).json();
    expect(after.version).toBe(before.version);
    expect(after.lines).toEqual(before.lines);
  });

  it('PP-8 PP-9 submit through the plan screen; the vice GM sees approve and reject; approval decomposes the plan', async () => {
    const planId = await plannedPlan();
    const v = (await p.planner.get(`/api/production/plans/${planId}`)).json();
    const res = await p.planner.post(`/api/production/plans/${planId}/submit`, { version: v.document.version, opinion: '请审批' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'submitted', isEditable: false });
    const forVp = (await p.vp.get(`/api/production/plans/${planId}`)).json();
    expect(forVp.document.allowedActions).toEqual(expect.arrayContaining(['approve', 'reject']));
    const approved = await p.vp.post(`/api/documents/${forVp.documentId}/approve`, { version: forVp.document.version, opinion: '同意' });
    expect(approved.statusCode).toBe(200);
    const materials = (await p.reader.get(`/api/production/plans/${planId}/materials`)).json();
    // Stock covers this small plan: the decomposition ran and found nothing to make or buy.
    expect(materials.materialsAt).not.toBeNull();
    expect(materials.summary).toMatchObject({ make: 0, buy: 0, shortages: [] });
    const byDoc = (await p.reader.get(`/api/production/plans/by-document/${forVp.documentId}`)).json();
    expect(byDoc.id).toBe(planId);
  });

  it('PP-8 the dashboard shows the plans, their state and the open deadlines', async () => {
    const planId = await approvedPlan();
    const d = (await p.reader.get('/api/production/dashboard')).json();
    expect(d.month).toBe('2026-03');
    expect(d.nextPlan).toMatchObject({ id: planId, state: 'approved' });
    expect(d.focus.id).toBe(planId);
    expect(d.deadlines.map((x: { title: { zh: string } }) => x.title.zh)).toEqual(expect.arrayContaining(['下达2026年4月生产计划']));
  });
});

describe('production master data, orders, requests and notices over HTTP (PP-3, PP-4, PP-11, PP-13, CORE-11)', () => {
  it('PP-14 master data: a BOM line closing a cycle is refused naming the loop; items list with their stock', async () => {
    const cycle = await p.planner.post('/api/production/bom', { parentItemId: p.items.base, childItemId: p.items.wine, qtyPer: 1 });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().message).toContain('W1 → B1');
    const items = (await p.reader.get('/api/production/items?category=finished')).json();
    expect(items).toEqual([expect.objectContaining({ code: 'W1', unit: '箱', onHand: 0 })]);
    expect((await p.reader.post('/api/production/items', { code: 'X', name: 'x', unit: '个', category: 'raw', source: 'buy' })).statusCode).toBe(403);
  });

  it('CORE-11 items and stock levels import from Excel with the column names planners use; one bad row writes nothing', async () => {
    const header = ['编码', '品名', '规格', '单位', '类别', '来源', '提前期（天）', '安全库存'];
    const bad = multipart(
      'items.xlsx',
      await workbook('items', [header, ['N1', '新瓶', '', '个', '包装材料', '外购', 5, 100], ['N2', '坏行', '', '个', '不知道', '外购', -1, 5]]),
    );
    const r1 = await p.planner.request('POST', '/api/excel/production-items/import', bad.body, bad.headers);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`)).toEqual(expect.arrayContaining(['3:类别']));
    expect((await p.reader.get('/api/production/items?q=N1')).json()).toEqual([]);
    const good = multipart(
      'items.xlsx',
      await workbook('items', [header, ['N1', '新瓶', '', '个', '包装材料', '外购', 5, 100], ['W1', '干红葡萄酒', '750ml×6', '箱', '成品', '自制', 2, 40]]),
    );
    const r2 = await p.planner.request('POST', '/api/excel/production-items/import', good.body, good.headers);
    expect(r2.statusCode).toBe(200);
    expect(r2.json()).toEqual({ inserted: 1, updated: 1 });
    // The safety stock from the file waits for the general manager (T4 第二十四条); the one in force stays.
    expect((await p.reader.get('/api/production/items?q=W1')).json()[0]).toMatchObject({
      leadTimeDays: 2,
      safetyStock: 0,
      safetyPending: 40,
      isSafetyApproved: false,
      onHand: 0,
    });
    const exported = await p.planner.get('/api/excel/production-items/export');
    expect(exported.statusCode).toBe(200);
  });

  it('PP-3 an order goes through the joint review to the general manager and becomes a 销售计划单', async () => {
    const bad = await p.market.post('/api/production/orders', {
      kind: 'contract',
      customer: '甲',
      receivedOn: '2026-03-20',
      lines: [{ itemId: p.items.wine, qty: -5, requestedShipOn: '2026-04-01' }],
    });
    expect(bad.statusCode).toBe(400);
    const early = await p.market.post('/api/production/orders', {
      kind: 'contract',
      customer: '甲',
      receivedOn: '2026-03-20',
      lines: [{ itemId: p.items.wine, qty: 5, requestedShipOn: '2026-03-01' }],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0].field).toBe('lines[0].requestedShipOn');
    const orderId = await receivedOrder();
    expect((await p.reader.post(`/api/production/orders/${orderId}/reviews`, { party: 'quality', opinion: '同意', isAgreed: true })).statusCode).toBe(403);
    // Issue 14 item 6: the production department cannot file the quality department's opinion.
    const foreign = await p.planner.post(`/api/production/orders/${orderId}/reviews`, { party: 'quality', opinion: '同意', isAgreed: true });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().messageZh).toContain('质量部');
    expect((await p.reviewer.get(`/api/production/orders/${orderId}`)).json().reviewParties).toEqual([
      { party: 'production', departmentNames: ['生产部'], mayReview: false },
      { party: 'quality', departmentNames: ['质量部'], mayReview: true },
      { party: 'business', departmentNames: ['市场部'], mayReview: false },
    ]);
    await reviewedByAllParties(orderId);
    const doc = await concludedReviewDocument(orderId);
    expect(doc.body.lines[0].value).toBe('280 箱，发货 2026-04-12');
    expect((await p.gm.post(`/api/documents/${doc.id}/approve`, { version: doc.version, opinion: '同意' })).statusCode).toBe(200);
    expect((await p.reader.get(`/api/production/orders/${orderId}`)).json()).toMatchObject({ state: 'approved', salesSheetNumber: 'XSD-2026-0001' });
  });

  it('PP-4 a customer change with less than three days’ notice needs production to accept it with a reason', async () => {
    await approvedPlan();
    const orderId = await approvedOrder();
    const o = (await p.market.get(`/api/production/orders/${orderId}`)).json();
    const change = await p.market.post(`/api/production/orders/${orderId}/changes`, {
      orderLineId: o.lines[0].id,
      kind: 'date',
      newShipOn: '2026-04-11',
      reason: '客户提前提货',
      receivedOn: '2026-04-10',
      hasWrittenConfirmation: true,
      confirmationRef: '邮件',
    });
    expect(change.statusCode).toBe(201);
    expect(change.json()).toMatchObject({ noticeDays: 1, isShortNotice: true });
    const refused = await p.planner.post(`/api/production/orders/${orderId}/changes/${change.json().id}/apply`, { version: change.json().version });
    expect(refused.statusCode).toBe(400);
    const applied = await p.planner.post(`/api/production/orders/${orderId}/changes/${change.json().id}/apply`, {
      version: change.json().version,
      acceptShortNotice: true,
      shortNoticeReason: '有库存',
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().line.agreedShipOn).toBe('2026-04-11');
    // PP-12: the April plan forecast 100 cases; this sales order sheet took it above, so it is being adjusted.
    expect(applied.json().absorption).toEqual([expect.objectContaining({ itemId: p.items.wine, month: '2026-04', decision: 'adjusted' })]);
    expect((await p.reader.get('/api/production/plans?kind=monthly')).json()[0]).toMatchObject({ state: 'draft', revision: 2, effectiveRevision: 1 });
  });

  it('PP-11 a requirement is judged on receipt; PP-13 a notice without packaging requirements is refused', async () => {
    const r = await p.market.post('/api/production/requests', {
      kind: 'temporary',
      title: '加急',
      lines: [{ itemId: p.items.wine, qty: 10, dueOn: '2026-03-25' }],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'temporary', issueDueOn: '2026-03-21' });
    const n = await p.planner.post('/api/production/notices', {
      itemId: p.items.wine,
      qty: 10,
      qualityRequirements: '合格',
      packagingRequirements: ' ',
      dueOn: '2026-03-30',
    });
    expect(n.statusCode).toBe(400);
    expect(n.json().details[0].field).toBe('packagingRequirements');
    const t2 = await p.planner.post('/api/production/transfers', { noticeNumber: 'SCTZ-2026-9999', itemId: p.items.base, qty: 5, transferredOn: '2026-03-20' });
    expect(t2.statusCode).toBe(400);
  });

  it('CORE-1 another organisation sees none of it and changes nothing', async () => {
    await approvedPlan();
    const orderId = await approvedOrder();
    expect((await p.stranger.get(`/api/production/orders/${orderId}`)).statusCode).toBe(404);
    expect((await p.stranger.post(`/api/production/orders/${orderId}/cancel`, { version: 1 })).statusCode).toBe(404);
    expect((await p.stranger.patch(`/api/production/items/${p.items.wine}`, { version: 1, name: '被改' })).statusCode).toBe(404);
    expect((await p.stranger.get('/api/production/items')).json()).toEqual([]);
    expect((await p.stranger.get('/api/production/orders')).json()).toEqual([]);
    expect((await p.reader.get(`/api/production/orders/${orderId}`)).json().state).toBe('approved');
    expect((await p.reader.get('/api/production/items?q=W1')).json()[0].name).toBe('干红葡萄酒');
  });
});
