import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Permission } from '#core/access';
import { users } from '#core/org';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

const NOW = '2026-03-20T02:00:00Z';
const HEAD: Permission[] = [
  'production.read',
  'production.plan.write',
  'production.report.write',
  'production.master.write',
  'document.read',
  'document.write',
  'approval.act',
];
const LEAD: Permission[] = ['production.read', 'production.report.write', 'document.read'];
const DIRECTOR: Permission[] = [...LEAD, 'document.write', 'approval.act'];

interface Plant {
  head: Client;
  lead: Client;
  director: Client;
  manager: Client;
  reader: Client;
  stranger: Client;
  wine: string;
  fill: string;
  pack: string;
  departments: Map<string, string>;
}

const monthQuantities = (days: number, firstWeekday: number, perDay: number) =>
  Array.from({ length: days }, (_, k) => ((firstWeekday - 1 + k) % 7 === 6 ? 0 : perDay));

/** A plant built through the API: two workshops, one wine, a February and a March plan issued. */
async function buildPlant(t: TestApp): Promise<Plant> {
  const { org, departments } = await newOrg(t.ctx.db);
  const departmentIds = new Map(departments.map((d) => [d.name, d.id]));
  const person = async (permissions: Permission[] | 'all', department?: string) => {
    const a: Actor = await newPerson(t.ctx.db, org.id, permissions);
    if (department)
      await t.ctx.db
        .update(users)
        .set({ departmentId: departmentIds.get(department)! })
        .where(and(eq(users.orgId, org.id), eq(users.id, a.userId)));
    return a;
  };
  const [adminA, headA, leadA, directorA, managerA, readerA] = [
    await person('all'),
    await person(HEAD, '生产部'),
    await person(LEAD, '灌装车间'),
    await person(DIRECTOR, '灌装车间'),
    await person(['production.read', 'production.plan.approve', 'document.read', 'approval.act', 'assessment.manage', 'assessment.read']),
    await person(['production.read']),
  ];
  const strangerA = await newPerson(t.ctx.db, (await newOrg(t.ctx.db)).org.id, 'all');
  const login = (a: Actor) => signIn(t.app, a.username, TEST_PASSWORD);
  const admin = await login(adminA);
  const head = await login(headA);
  for (const [docType, who] of [
    ['production.monthly_plan', managerA],
    ['production.daily_schedule', headA],
  ] as const) {
    expect(
      (
        await admin.put(`/api/approval-chains/${docType}`, {
          steps: [{ key: 'step', nameZh: '审批', nameEn: 'Approval', roleCode: who.roles[0] }],
          allowSelfApproval: false,
        })
      ).statusCode,
    ).toBe(200);
  }
  const six = [1, 2, 3, 4, 5, 6];
  const fill = (
    await head.post('/api/production/workshops', {
      code: 'GZ',
      name: '灌装车间',
      departmentId: departmentIds.get('灌装车间'),
      shiftsPerDay: 2,
      hoursPerShift: 10,
      lines: 1,
      workingWeekdays: six,
    })
  ).json().id;
  const pack = (
    await head.post('/api/production/workshops', { code: 'BZ', name: '包装车间', shiftsPerDay: 1, hoursPerShift: 10, lines: 2, workingWeekdays: six })
  ).json().id;
  const wine = (
    await head.post('/api/production/items', {
      code: 'W1',
      name: '干红葡萄酒',
      spec: '750ml×6',
      unit: '箱',
      category: 'finished',
      source: 'make',
      leadTimeDays: 1,
    })
  ).json().id;
  const routing = {
    versions: {},
    ops: [
      { seq: 10, workshopId: fill, hoursPerUnit: 0.02, offsetDays: -1 },
      { seq: 20, workshopId: pack, hoursPerUnit: 0.01, offsetDays: 0 },
    ],
  };
  expect((await head.put(`/api/production/items/${wine}/routing`, routing)).statusCode).toBe(200);
  const manager = await login(managerA);
  // February 2026 starts on a Sunday, March on a Sunday too.
  for (const [month, days] of [
    ['2026-02', 28],
    ['2026-03', 31],
  ] as const) {
    const planId = (await head.post('/api/production/plans', { kind: 'monthly', month })).json().id;
    let v = (await head.get(`/api/production/plans/${planId}`)).json();
    expect(
      (await head.put(`/api/production/plans/${planId}/lines`, { version: v.version, upsert: [{ itemId: wine, quantities: monthQuantities(days, 7, 600) }] }))
        .statusCode,
    ).toBe(200);
    v = (await head.get(`/api/production/plans/${planId}`)).json();
    expect((await head.post(`/api/production/plans/${planId}/submit`, { version: v.document.version })).statusCode).toBe(200);
    const doc = (await manager.get(`/api/documents/${v.documentId}`)).json();
    const approved = (await manager.post(`/api/documents/${doc.id}/approve`, { version: doc.version, opinion: '同意' })).json();
    expect((await head.post(`/api/documents/${doc.id}/issue`, { version: approved.version, departmentIds: [departmentIds.get('灌装车间')] })).statusCode).toBe(
      200,
    );
  }
  return {
    head,
    lead: await login(leadA),
    director: await login(directorA),
    manager,
    reader: await login(readerA),
    stranger: await login(strangerA),
    wine,
    fill,
    pack,
    departments: departmentIds,
  };
}

let t: TestApp;
let p: Plant;
beforeAll(async () => {
  t = await startTestApp({ now: NOW });
});
// Each test has a plant of its own.
beforeEach(async () => {
  p = await buildPlant(t);
});
afterAll(() => t.close());

describe('daily reports over HTTP (PP-18, PP-22, PP-27, PP-29, tenancy)', () => {
  const shift = (over: object = {}) => ({
    workshopId: p.fill,
    reportDate: '2026-03-19',
    shift: 1,
    hoursWorked: 8,
    lines: [{ itemId: p.wine, outputQty: 500, warehouseQty: 200, scrapQty: 3 }],
    stoppages: [{ reason: 'material', minutes: 30, note: '瓶子晚到' }],
    ...over,
  });
  /** The team leader reports filling's shift 1 on 19 March: 500 made, 200 put into the warehouse; its id. */
  const reportedShift = async (): Promise<string> => {
    const r = await p.lead.post('/api/production/reports', shift());
    expect(r.statusCode).toBe(201);
    return r.json().id;
  };
  /** … amended: 250 put into the warehouse after all. */
  const amendedShift = async () => {
    const reportId = await reportedShift();
    const v = (await p.lead.get(`/api/production/reports/${reportId}`)).json();
    const body = {
      version: v.version,
      reason: '进仓数记错',
      hoursWorked: 8,
      lines: [{ itemId: p.wine, outputQty: 500, warehouseQty: 250, scrapQty: 3 }],
      stoppages: [],
    };
    expect((await p.lead.put(`/api/production/reports/${reportId}`, body)).statusCode).toBe(200);
    return reportId;
  };
  /** The filling director draws March's daily schedule (a draft). */
  const drawnMarchSchedule = async () =>
    expect((await p.director.post('/api/production/daily-schedules', { month: '2026-03', workshopId: p.fill })).statusCode).toBe(201);

  it('PP-18 the team leader’s form carries today’s plan; the shift report with 进仓 raises the stock at once', async () => {
    const form = await p.lead.get('/api/production/reports/form?date=2026-03-19');
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ workshopId: p.fill, shift: 1, lines: [{ itemId: p.wine, plannedQty: 600 }], existing: null });
    const r = await p.lead.post('/api/production/reports', shift());
    expect(r.statusCode).toBe(201);
    const reportId = r.json().id;
    expect(r.json()).toMatchObject({
      number: 'RB-2026-0001',
      workshopName: '灌装车间',
      receipt: { number: expect.stringMatching(/^RK-2026-/) },
      stoppages: [{ reason: 'material', minutes: 30 }],
    });
    expect(r.json().orgId).toBeUndefined();
    const stock = (await p.reader.get(`/api/production/stock?itemId=${p.wine}`)).json();
    expect(stock.reduce((s: number, x: { onHand: number }) => s + x.onHand, 0)).toBe(200);
    expect((await p.reader.get('/api/production/reports?from=2026-03-01&to=2026-03-31')).json()).toEqual([
      expect.objectContaining({ id: reportId, stoppageMinutes: 30 }),
    ]);
  });

  it('PP-18 a second submit of the shift is 409; bad input is a 400 naming the field; a reader cannot report', async () => {
    await reportedShift();
    expect((await p.lead.post('/api/production/reports', shift())).statusCode).toBe(409);
    const bad = await p.lead.post('/api/production/reports', shift({ shift: 0 }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('shift');
    const unknown = await p.lead.post('/api/production/reports', shift({ shift: 2, lines: [{ itemId: p.fill, outputQty: 1, warehouseQty: 0, scrapQty: 0 }] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toBe('lines.0.itemId');
    expect((await p.reader.post('/api/production/reports', shift({ shift: 2 }))).statusCode).toBe(403);
  });

  it('PP-18 an amendment keeps the old values; a stale one is 409', async () => {
    const reportId = await reportedShift();
    const v = (await p.lead.get(`/api/production/reports/${reportId}`)).json();
    const body = {
      version: v.version,
      reason: '进仓数记错',
      hoursWorked: 8,
      lines: [{ itemId: p.wine, outputQty: 500, warehouseQty: 250, scrapQty: 3 }],
      stoppages: [],
    };
    const r = await p.lead.put(`/api/production/reports/${reportId}`, body);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ amendment: 1, revisions: [{ reason: '进仓数记错', lines: [{ warehouseQty: 200 }] }] });
    expect((await p.lead.put(`/api/production/reports/${reportId}`, body)).statusCode).toBe(409);
  });

  it('PP-18 PP-22 the lag shows with its coordination item; the production head resolves it', async () => {
    await amendedShift();
    const progress = (await p.head.get('/api/production/progress?date=2026-03-19')).json();
    expect(progress.measure).toBe('warehouse_receipt');
    const packRow = progress.rows.find((r: { workshopId: string }) => r.workshopId === p.pack);
    expect(packRow).toMatchObject({ isLagging: true, month: { planToDate: 9600, doneToDate: 0 } });
    const open = (await p.head.get('/api/production/coordination?state=open')).json();
    expect(open).toEqual([expect.objectContaining({ workshopId: p.fill, itemId: p.wine, state: 'open' })]);
    expect((await p.lead.post(`/api/production/coordination/${open[0].id}/resolve`, { version: open[0].version, resolution: '加班' })).statusCode).toBe(403);
    const done = await p.head.post(`/api/production/coordination/${open[0].id}/resolve`, { version: open[0].version, resolution: '调配包装线人员支援灌装' });
    expect(done.statusCode).toBe(200);
    expect(done.json().state).toBe('resolved');
  });

  it('PP-18 PP-29 month-end statistics with causes, exported as a clean Excel table', async () => {
    await amendedShift();
    const view = (await p.head.get('/api/production/month-end?month=2026-03')).json();
    const fill = view.rows.find((r: { workshopId: string }) => r.workshopId === p.fill);
    expect(fill).toMatchObject({ output: 500, received: 250, isLarge: true, needsCause: true });
    const put = await p.director.put('/api/production/month-end/causes', {
      month: '2026-03',
      workshopId: p.fill,
      itemId: p.wine,
      causeKind: 'material',
      cause: '瓶子供应不及时',
      correctiveAction: '采购部提前一周备货',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().rows.find((r: { workshopId: string }) => r.workshopId === p.fill).cause).toMatchObject({ causeKind: 'material' });
    expect(
      (
        await p.director.put('/api/production/month-end/causes', {
          month: '2026-03',
          workshopId: p.pack,
          itemId: p.wine,
          causeKind: 'other',
          cause: '越权填写',
          correctiveAction: '无措施',
        })
      ).statusCode,
    ).toBe(403);
    const file = await p.head.get('/api/production/month-end/export?month=2026-03');
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 7)).toEqual(['月份', '车间', '产品编码', '产品名称', '单位', '计划数', '进仓数']);
  });

  it('PP-29 the director draws April’s daily schedule only once April’s plan is issued', async () => {
    const list = (await p.director.get('/api/production/daily-schedules?month=2026-04')).json();
    expect(list).toMatchObject({ month: '2026-04', planIssued: false });
    expect((await p.director.post('/api/production/daily-schedules', { month: '2026-04', workshopId: p.fill })).statusCode).toBe(409);
    const made = await p.director.post('/api/production/daily-schedules', { month: '2026-03', workshopId: p.fill });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ workshopName: '灌装车间', document: { state: 'draft' }, lines: [{ itemId: p.wine, total: 15600 }] });
    const lines = await p.director.put(`/api/production/daily-schedules/${made.json().id}/lines`, {
      version: made.json().version,
      lines: [{ itemId: p.wine, quantities: [1] }],
    });
    expect(lines.statusCode).toBe(400);
  });

  it('PP-27 T2 七.2 / 七.3 are computed for a closed month; the production head records a manual finding', async () => {
    const run = await p.manager.post('/api/production/execution-assessment/run', { month: '2026-02' });
    expect(run.statusCode).toBe(200);
    expect(run.json().created.length).toBeGreaterThan(0);
    expect((await p.head.post('/api/production/execution-assessment/run', { month: '2026-02' })).statusCode).toBe(403);
    const manual = await p.head.post('/api/production/execution-findings', {
      workshopId: p.fill,
      month: '2026-02',
      kind: 'organisation',
      description: '夜班未开，订单延误',
      evidence: '2 月 20 日值班记录',
    });
    expect(manual.statusCode).toBe(201);
    expect(manual.json()).toMatchObject({ clause: 'T2 七.2', amount: 50, subjectLabel: '灌装车间' });
    expect(
      (
        await p.lead.post('/api/production/execution-findings', {
          workshopId: p.fill,
          month: '2026-02',
          kind: 'organisation',
          description: '夜班未开',
          evidence: '无记录',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('CORE-1 another organisation gets 404 for our records, cannot report for our workshop and sees none of our figures', async () => {
    const reportId = await amendedShift();
    await drawnMarchSchedule();
    const before = (await p.lead.get(`/api/production/reports/${reportId}`)).json();
    expect((await p.stranger.get(`/api/production/reports/${reportId}`)).statusCode).toBe(404);
    expect(
      (
        await p.stranger.put(`/api/production/reports/${reportId}`, {
          version: before.version,
          reason: '篡改',
          hoursWorked: 1,
          lines: [],
          stoppages: [{ reason: 'other', minutes: 1 }],
        })
      ).statusCode,
    ).toBe(404);
    const foreign = await p.stranger.post('/api/production/reports', shift({ shift: 2 }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0].field).toBe('workshopId');
    const item = (await p.head.get('/api/production/coordination')).json()[0];
    expect((await p.stranger.post(`/api/production/coordination/${item.id}/resolve`, { version: item.version, resolution: '越权处理' })).statusCode).toBe(404);
    const schedule = (await p.director.get('/api/production/daily-schedules?month=2026-03')).json().workshops.find((w: { id: string | null }) => w.id);
    expect((await p.stranger.get(`/api/production/daily-schedules/${schedule.id}`)).statusCode).toBe(404);
    expect((await p.stranger.put(`/api/production/daily-schedules/${schedule.id}/lines`, { version: 1, lines: [] })).statusCode).toBe(404);
    expect((await p.stranger.get('/api/production/reports')).json()).toEqual([]);
    expect((await p.stranger.get('/api/production/coordination')).json()).toEqual([]);
    expect((await p.stranger.get('/api/production/month-end?month=2026-03')).json().rows).toEqual([]);
    expect((await p.lead.get(`/api/production/reports/${reportId}`)).json().version).toBe(before.version);
  });
});
