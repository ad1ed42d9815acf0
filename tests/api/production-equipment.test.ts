import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Permission } from '#core/access';
import { MAINTENANCE } from '#production/testing';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

// Equipment over HTTP (PP-23 … PP-26): the register and its Excel table, the card, a spot
// check on the phone that stops a machine, the repair that runs it again, the capacity the
// plan loses meanwhile, and the annual maintenance plan through the approval engine.

const NOW = '2026-03-20T02:00:00Z';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The maintenance department's permissions, and Excel import for its machine register. */
const MAINT: Permission[] = [...MAINTENANCE, 'excel.import'];
const PLANNER: Permission[] = ['production.read', 'production.plan.write', 'production.master.write', 'document.read', 'document.write'];

function multipart(fileName: string, content: Buffer) {
  const boundary = `----zhidu${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: NOW });
});
afterAll(() => t.close());

interface Plant {
  orgId: string;
  maint: Client;
  planner: Client;
  operator: Client;
  gm: Client;
  stranger: Client;
  fill: string;
  planId: string;
}

/** A plant of its own for one test: a filling workshop, a wine with its routing, April's plan, the GM's chain for maintenance plans. */
async function buildPlant(): Promise<Plant> {
  t.setNow(NOW);
  const { org } = await newOrg(t.ctx.db);
  const login = (a: Actor) => signIn(t.app, a.username, TEST_PASSWORD);
  const [admin, m, pl, op, g] = await Promise.all([
    newPerson(t.ctx.db, org.id, 'all'),
    newPerson(t.ctx.db, org.id, MAINT),
    newPerson(t.ctx.db, org.id, PLANNER),
    newPerson(t.ctx.db, org.id, ['production.read', 'production.equipment.check']),
    newPerson(t.ctx.db, org.id, ['production.read', 'document.read', 'approval.act']),
  ]);
  const other = await newOrg(t.ctx.db);
  const stranger = await login(await newPerson(t.ctx.db, other.org.id, 'all'));
  const a = await login(admin);
  const [maint, planner, operator, gm] = await Promise.all([login(m), login(pl), login(op), login(g)]);
  expect(
    (
      await a.put('/api/approval-chains/production.maintenance_plan', {
        steps: [{ key: 'gm', nameZh: '总经理审批', nameEn: 'GM', roleCode: g.roles[0] }],
        allowSelfApproval: false,
      })
    ).statusCode,
  ).toBe(200);
  const fill = (
    await planner.post('/api/production/workshops', {
      code: 'GZ',
      name: '灌装车间',
      shiftsPerDay: 2,
      hoursPerShift: 10,
      lines: 1,
      workingWeekdays: [1, 2, 3, 4, 5, 6],
    })
  ).json().id;
  const wine = (
    await planner.post('/api/production/items', { code: 'W1', name: '干红葡萄酒', unit: '箱', category: 'finished', source: 'make', leadTimeDays: 1 })
  ).json().id;
  expect(
    (await planner.put(`/api/production/items/${wine}/routing`, { versions: {}, ops: [{ seq: 10, workshopId: fill, hoursPerUnit: 0.02, offsetDays: 0 }] }))
      .statusCode,
  ).toBe(200);
  const planId = (await planner.post('/api/production/plans', { kind: 'monthly', month: '2026-04' })).json().id;
  const v = (await planner.get(`/api/production/plans/${planId}`)).json();
  // 1 April 2026 is a Wednesday; Sundays off.
  const quantities = Array.from({ length: 30 }, (_, k) => ((2 + k) % 7 === 6 ? 0 : 400));
  expect(
    (await planner.put(`/api/production/plans/${planId}/lines`, { version: v.version, upsert: [{ itemId: wine, forecastQty: 10400, quantities }] })).statusCode,
  ).toBe(200);
  return { orgId: org.id, maint, planner, operator, gm, stranger, fill, planId };
}

const fillCapacity = async (p: Plant) =>
  (await p.planner.get(`/api/production/plans/${p.planId}`)).json().capacity.rows.find((r: { name: string }) => r.name === '灌装车间').totalCapacity as number;

/** The filler GZ-01 (half the workshop's capacity) with two check items and one daily upkeep item. */
async function newFiller(p: Plant): Promise<string> {
  const res = await p.maint.post('/api/production/equipment/machines', {
    code: 'GZ-01',
    name: '灌装机',
    model: 'DGF-24',
    workshopId: p.fill,
    capacityShare: 0.5,
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  expect(
    (await p.maint.put(`/api/production/equipment/machines/${id}/check-items`, { items: [{ content: '气压正常' }, { content: '灌装阀无滴漏' }] })).statusCode,
  ).toBe(200);
  expect(
    (await p.maint.put(`/api/production/equipment/machines/${id}/upkeep-items`, { items: [{ content: '外部清洁', frequency: 'daily' }] })).statusCode,
  ).toBe(200);
  return id;
}

/** The operator's spot check finds the second item leaking: the machine stops and a repair opens. */
async function stopByAnomaly(p: Plant, filler: string): Promise<string> {
  const phone = (await p.operator.get(`/api/production/equipment/machines/${filler}/phone`)).json();
  const res = await p.operator.post('/api/production/equipment/spot-checks', {
    machineId: filler,
    items: phone.checkItems.map((c: { id: string }, k: number) => ({ itemId: c.id, isOk: k === 0, note: k === 1 ? '滴漏' : undefined })),
  });
  expect(res.statusCode).toBe(201);
  return res.json().repair.id;
}

/** Maintenance accepts, diagnoses and completes the repair three hours after the stop. */
async function completeRepair(p: Plant, repairId: string) {
  let r = (await p.maint.get(`/api/production/equipment/repairs/${repairId}`)).json();
  r = (await p.maint.post(`/api/production/equipment/repairs/${repairId}/accept`, { version: r.version })).json();
  r = (await p.maint.post(`/api/production/equipment/repairs/${repairId}/diagnose`, { version: r.version, diagnosis: '密封圈老化' })).json();
  t.setNow('2026-03-20T05:00:00Z');
  r = (await p.maint.post(`/api/production/equipment/repairs/${repairId}/complete`, { version: r.version, actionTaken: '更换密封圈' })).json();
  expect(r).toMatchObject({ state: 'done', downtimeHours: 3 });
}

describe('equipment over HTTP (PP-23 … PP-26, T4 第四十六 … 五十二条)', () => {
  it('PP-23 a machine is registered with a unique number; bad input is a 400 naming the field; the answer is the declared view', async () => {
    const { maint, operator, fill } = await buildPlant();
    const res = await maint.post('/api/production/equipment/machines', {
      code: 'GZ-01',
      name: '灌装机',
      model: 'DGF-24',
      workshopId: fill,
      capacityShare: 0.5,
    });
    expect(res.statusCode).toBe(201);
    const filler = res.json().id;
    expect(res.json()).toMatchObject({ code: 'GZ-01', workshopName: '灌装车间', state: 'running', share: 0.5 });
    expect(res.json()).not.toHaveProperty('orgId');
    const dup = await maint.post('/api/production/equipment/machines', { code: 'GZ-01', name: '另一台', workshopId: fill });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().details[0].field).toBe('code');
    expect((await maint.post('/api/production/equipment/machines', { code: '', name: 'x', workshopId: fill })).statusCode).toBe(400);
    expect((await operator.post('/api/production/equipment/machines', { code: 'GZ-07', name: 'x', workshopId: fill })).statusCode).toBe(403);
    expect(
      (await maint.put(`/api/production/equipment/machines/${filler}/check-items`, { items: [{ content: '气压正常' }, { content: '灌装阀无滴漏' }] }))
        .statusCode,
    ).toBe(200);
    expect(
      (await maint.put(`/api/production/equipment/machines/${filler}/upkeep-items`, { items: [{ content: '外部清洁', frequency: 'daily' }] })).statusCode,
    ).toBe(200);
  });

  it('PP-23 another organisation sees none of it: 404, and its register is empty', async () => {
    const p = await buildPlant();
    const { stranger } = p;
    const filler = await newFiller(p);
    expect((await stranger.get(`/api/production/equipment/machines/${filler}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/production/equipment/machines/${filler}/phone`)).statusCode).toBe(404);
    expect((await stranger.get('/api/production/equipment/machines')).json()).toEqual([]);
    const spot = await stranger.post('/api/production/equipment/spot-checks', { machineId: filler, items: [{ itemId: filler, isOk: true }] });
    expect(spot.statusCode).toBe(404);
  });

  it('PP-23 the register exports as a clean Excel table that imports back; a bad row refuses the file', async () => {
    const p = await buildPlant();
    const { maint } = p;
    await newFiller(p);
    const exported = await maint.get('/api/excel/production-machines/export');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0].slice(0, 4)).toEqual(['设备编号', '设备名称', '规格型号', '车间编码']);
    expect(rows[1].slice(0, 4)).toEqual(['GZ-01', '灌装机', 'DGF-24', 'GZ']);
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet('machines');
    ws.addRow(rows[0]);
    ws.addRow(['GZ-02', '压盖机', 'YG-8', 'GZ']);
    ws.addRow(['GZ-03', '旋盖机', '', 'NOPE']);
    const bad = multipart('machines.xlsx', Buffer.from(await out.xlsx.writeBuffer()));
    const refused = await maint.request('POST', '/api/excel/production-machines/import', bad.body, bad.headers);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([expect.objectContaining({ row: 3, column: '车间编码' })]);
    ws.spliceRows(3, 1);
    const good = multipart('machines.xlsx', Buffer.from(await out.xlsx.writeBuffer()));
    const imported = await maint.request('POST', '/api/excel/production-machines/import', good.body, good.headers);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ inserted: 1 });
    expect((await maint.get('/api/production/equipment/machines')).json().map((m: { code: string }) => m.code)).toEqual(['GZ-01', 'GZ-02']);
  });

  it('PP-23 the card carries a QR code that opens the machine’s phone page', async () => {
    const p = await buildPlant();
    const { operator } = p;
    const filler = await newFiller(p);
    const cards = (await operator.get(`/api/production/equipment/cards?ids=${filler}`)).json();
    expect(cards).toHaveLength(1);
    expect(cards[0].url).toMatch(new RegExp(`/public/equipment/${filler}$`));
    expect(cards[0].qrSvg).toMatch(/^<svg/);
    expect(cards[0].upkeepItems.map((u: { content: string }) => u.content)).toEqual(['外部清洁']);
  });

  it('PP-26 an anomaly on the phone stops the machine and opens a repair; the plan’s capacity check drops at once', async () => {
    const p = await buildPlant();
    const { operator } = p;
    const filler = await newFiller(p);
    expect(await fillCapacity(p)).toBe(520);
    const phone = (await operator.get(`/api/production/equipment/machines/${filler}/phone`)).json();
    expect(phone.upkeep.map((u: { status: string }) => u.status)).toEqual(['due']);
    const res = await operator.post('/api/production/equipment/spot-checks', {
      machineId: filler,
      items: phone.checkItems.map((c: { id: string }, k: number) => ({ itemId: c.id, isOk: k === 0, note: k === 1 ? '滴漏' : undefined })),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ result: 'anomaly', machineState: 'stopped', repair: { number: 'WX-2026-0001' } });
    expect(await fillCapacity(p)).toBe(260);
    const again = await operator.post('/api/production/equipment/spot-checks', {
      machineId: filler,
      items: phone.checkItems.map((c: { id: string }) => ({ itemId: c.id, isOk: true })),
    });
    expect(again.statusCode).toBe(409);
    expect((await operator.get('/api/production/equipment/repairs?state=open')).json().map((r: { number: string }) => r.number)).toEqual(['WX-2026-0001']);
  });

  it('PP-26 maintenance accepts, diagnoses and completes; the machine runs and the capacity is whole again', async () => {
    const p = await buildPlant();
    const { maint, operator } = p;
    const repairId = await stopByAnomaly(p, await newFiller(p));
    let r = (await maint.get(`/api/production/equipment/repairs/${repairId}`)).json();
    expect((await operator.post(`/api/production/equipment/repairs/${repairId}/accept`, { version: r.version })).statusCode).toBe(403);
    r = (await maint.post(`/api/production/equipment/repairs/${repairId}/accept`, { version: r.version })).json();
    expect(r).toMatchObject({ state: 'accepted', machineState: 'under_repair' });
    expect((await maint.post(`/api/production/equipment/repairs/${repairId}/diagnose`, { version: r.version, diagnosis: '' })).statusCode).toBe(400);
    r = (
      await maint.post(`/api/production/equipment/repairs/${repairId}/diagnose`, {
        version: r.version,
        diagnosis: '密封圈老化',
        parts: [{ name: '密封圈', qty: 2, unit: '个' }],
      })
    ).json();
    t.setNow('2026-03-20T05:00:00Z');
    r = (await maint.post(`/api/production/equipment/repairs/${repairId}/complete`, { version: r.version, actionTaken: '更换密封圈' })).json();
    expect(r).toMatchObject({ state: 'done', machineState: 'running', downtimeHours: 3 });
    expect(await fillCapacity(p)).toBe(520);
  });

  it('PP-25 the annual maintenance plan goes to the GM through the approval engine and its month shows against the load', async () => {
    const p = await buildPlant();
    const { maint, planner, operator, gm, stranger, planId, orgId } = p;
    const filler = await newFiller(p);
    const created = await maint.post('/api/production/equipment/maintenance-plans', { year: 2026 });
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(
      (
        await maint.put(`/api/production/equipment/maintenance-plans/${plan.id}/lines`, {
          version: plan.version,
          lines: [{ machineId: filler, cycle: 'quarterly', content: '清洗灌装阀', hours: 16, months: [4, 7, 10, 1], week: 2 }],
        })
      ).statusCode,
    ).toBe(200);
    let view = (await maint.get(`/api/production/equipment/maintenance-plans/${plan.id}`)).json();
    expect(view.lines[0].months).toEqual([1, 4, 7, 10]);
    expect((await maint.post(`/api/documents/${plan.documentId}/submit`, { version: view.document.version })).statusCode).toBe(200);
    view = (await gm.get(`/api/production/equipment/maintenance-plans/${plan.id}`)).json();
    expect(view.document.allowedActions).toContain('approve');
    expect((await gm.post(`/api/documents/${plan.documentId}/approve`, { version: view.document.version, opinion: '同意' })).statusCode).toBe(200);
    view = (await maint.get(`/api/production/equipment/maintenance-plans/${plan.id}`)).json();
    expect((await maint.post(`/api/documents/${plan.documentId}/issue`, { version: view.document.version, departmentIds: [] })).statusCode).toBe(400);
    const departments = (await maint.get('/api/org/departments')).json() as { id: string; name: string }[];
    // Every department issued to has someone to acknowledge (issue 14 item 8 refuses an empty one).
    for (const d of departments) {
      const someone = await newPerson(t.ctx.db, orgId, ['production.read', 'document.read']);
      await t.ctx.db.execute(sql`update users set department_id = ${d.id} where org_id = ${orgId} and id = ${someone.userId}`);
    }
    expect(
      (await maint.post(`/api/documents/${plan.documentId}/issue`, { version: view.document.version, departmentIds: departments.map((d) => d.id) })).statusCode,
    ).toBe(200);
    const balance = (await planner.get('/api/production/equipment/maintenance/balance?month=2026-04')).json();
    expect(balance).toMatchObject({ isSplit: true, productionPlan: { id: planId } });
    expect(balance.rows.find((r: { workshopName: string }) => r.workshopName === '灌装车间').cells[1]).toMatchObject({
      maintenanceHours: 16,
      load: 48,
      capacity: 120,
    });
    const slot = balance.slots[0];
    const moved = await planner.post(`/api/production/equipment/maintenance/slots/${slot.id}/move`, { version: slot.version, plannedOn: '2026-04-20' });
    expect(moved.statusCode).toBe(200);
    expect(
      (await operator.post(`/api/production/equipment/maintenance/slots/${slot.id}/move`, { version: moved.json().version, plannedOn: '2026-04-13' }))
        .statusCode,
    ).toBe(403);
    expect((await stranger.get(`/api/production/equipment/maintenance-plans/${plan.id}`)).statusCode).toBe(404);
  });

  it('PP-24 the due list, the upkeep records and the month’s compliance', async () => {
    const p = await buildPlant();
    const { maint, operator } = p;
    const filler = await newFiller(p);
    await completeRepair(p, await stopByAnomaly(p, filler));
    const due = (await operator.get('/api/production/equipment/upkeep/due')).json();
    expect(due.workshops[0].items.map((i: { content: string }) => i.content)).toEqual(['外部清洁']);
    const itemId = due.workshops[0].items[0].itemId;
    expect((await operator.post('/api/production/equipment/upkeep/records', { machineId: filler, entries: [{ itemId, result: 'done' }] })).statusCode).toBe(
      201,
    );
    expect((await operator.get('/api/production/equipment/upkeep/due')).json().workshops[0].items).toEqual([]);
    const compliance = (await maint.get('/api/production/equipment/upkeep/compliance?month=2026-03')).json();
    expect(compliance.rows.find((r: { code: string }) => r.code === 'GZ-01')).toMatchObject({ spotChecks: 1, anomalies: 1, downtimeHours: 3 });
    expect((await maint.get('/api/production/equipment/upkeep/compliance?month=2026-13')).statusCode).toBe(400);
  });
});
