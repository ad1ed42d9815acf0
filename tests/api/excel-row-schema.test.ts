import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '#core/org';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

// Issue 16 item 2: an imported row is checked by the schema of the route that creates the same
// record, so a row the route refuses is refused by the import too, naming the row and column.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('sheet');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(content: Buffer) {
  const boundary = `----zhidu${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rows.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface Detail {
  row: number;
  column: string;
  reason: string;
}
interface FieldDetail {
  field: string;
  reason: string;
}

describe('issue 16: Excel importers check rows with the routes’ schemas', () => {
  let t: TestApp;
  let admin: Client;
  let parent: string;
  let child: string;
  let workshopId: string;
  let orgId: string;

  const importRows = async (table: string, rows: unknown[][]) => {
    const m = multipart(await workbook(rows));
    return admin.request('POST', `/api/excel/${table}/import`, m.body, m.headers);
  };
  const refused = async (table: string, rows: unknown[][]): Promise<Detail[]> => {
    const r = await importRows(table, rows);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().code).toBe('IMPORT_FAILED');
    return r.json().details;
  };
  const routeFields = (r: { statusCode: number; json(): { code: string; details?: FieldDetail[] } }) => {
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('VALIDATION_FAILED');
    return (r.json().details ?? []).map((d) => d.field);
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T08:00:00Z' });
    const { org } = await newOrg(t.ctx.db);
    orgId = org.id;
    const a = await newPerson(t.ctx.db, org.id, 'all');
    admin = await signIn(t.app, a.username, TEST_PASSWORD);
    const ws = await admin.post('/api/production/workshops', { code: 'GZ', name: '灌装车间', shiftsPerDay: 1, hoursPerShift: 8, lines: 1 });
    expect(ws.statusCode).toBe(201);
    workshopId = ws.json().id;
    const item = async (code: string, category: string, source: string) => {
      const r = await admin.post('/api/production/items', { code, name: code, unit: '个', category, source });
      expect(r.statusCode).toBe(201);
      return r.json().id as string;
    };
    parent = await item('P1', 'finished', 'make');
    child = await item('C1', 'raw', 'buy');
  });
  afterAll(() => t.close());

  it('issue 16: a 41-character item code, a 101-character name and 400 days of lead time — the importer and the route refuse the same row', async () => {
    const longCode = 'X'.repeat(41);
    const details = await refused('production-items', [
      ['编码', '品名', '单位', '类别', '来源', '提前期（天）'],
      ['N1', '名'.repeat(101), '个', '原料', '外购', 3],
      [longCode, '长编码', '个', '原料', '外购', 3],
      ['N3', '好行', '个', '原料', '外购', 400],
    ]);
    expect(details).toEqual([
      { row: 2, column: '品名', reason: '不能超过 100 个字符' },
      { row: 3, column: '编码', reason: '不能超过 40 个字符' },
      { row: 4, column: '提前期（天）', reason: '不能大于 365' },
    ]);
    // All or nothing: the good-looking rows are not written either.
    expect((await admin.get('/api/production/items?q=N')).json()).toEqual([]);

    const body = { name: '好', unit: '个', category: 'raw', source: 'buy' };
    expect(routeFields(await admin.post('/api/production/items', { ...body, code: 'N1', name: '名'.repeat(101) }))).toEqual(['name']);
    expect(routeFields(await admin.post('/api/production/items', { ...body, code: longCode }))).toEqual(['code']);
    expect(routeFields(await admin.post('/api/production/items', { ...body, code: 'N3', leadTimeDays: 400 }))).toEqual(['leadTimeDays']);

    const good = await importRows('production-items', [
      ['编码', '品名', '单位', '类别', '来源', '提前期（天）'],
      ['N1', '好名', '个', '原料', '外购', 3],
    ]);
    expect(good.statusCode, good.body).toBe(200);
    expect((await admin.get('/api/production/items?q=N1')).json()).toEqual([expect.objectContaining({ code: 'N1', name: '好名', leadTimeDays: 3 })]);
  });

  it('issue 16: a capacity share above 1 and a 101-character machine name — the importer and the route refuse the same row', async () => {
    const longName = '机'.repeat(101);
    const details = await refused('production-machines', [
      ['设备编号', '设备名称', '车间编码', '占车间产能比例'],
      ['M1', '灌装机', 'GZ', 1.5],
      ['M2', longName, 'GZ', 0.5],
    ]);
    expect(details).toEqual([
      { row: 2, column: '占车间产能比例', reason: '不能大于 1' },
      { row: 3, column: '设备名称', reason: '不能超过 100 个字符' },
    ]);
    const route = (b: object) => admin.post('/api/production/equipment/machines', { code: 'M1', name: '灌装机', workshopId, ...b });
    expect(routeFields(await route({ capacityShare: 1.5 }))).toEqual(['capacityShare']);
    expect(routeFields(await route({ code: 'M2', name: longName }))).toEqual(['name']);
    expect((await admin.get('/api/production/equipment/machines')).json()).toEqual([]);
  });

  it('issue 16: a negative quantity per and a scrap rate of 1 in the BOM — the importer and the route refuse the same row', async () => {
    const header = ['父件编码', '子件编码', '单位用量', '损耗率', '合格率'];
    const details = await refused('production-bom', [header, ['P1', 'C1', -2, 1, 1]]);
    expect(details).toEqual([
      { row: 2, column: '单位用量', reason: '须大于 0' },
      { row: 2, column: '损耗率', reason: '须小于 1' },
    ]);
    expect(routeFields(await admin.post('/api/production/bom', { parentItemId: parent, childItemId: child, qtyPer: -2, scrapRate: 1 }))).toEqual([
      'qtyPer',
      'scrapRate',
    ]);
    // An unknown part is still the importer's own check (the database, not the schema, knows it).
    expect(await refused('production-bom', [header, ['P1', 'NOPE', 2, 0, 1]])).toEqual([{ row: 2, column: '子件编码', reason: '物料不存在：NOPE' }]);

    const good = await importRows('production-bom', [header, ['P1', 'C1', 2, 0.05, 1]]);
    expect(good.statusCode, good.body).toBe(200);
    expect((await admin.get(`/api/production/bom?parentItemId=${parent}`)).json()).toEqual([
      expect.objectContaining({ childCode: 'C1', qtyPer: 2, scrapRate: 0.05, yieldRate: 1 }),
    ]);
  });

  it('issue 16: operation 1000 and negative hours in a routing — the importer and the route refuse the same row', async () => {
    const header = ['物料编码', '工序号', '车间编码', '单位工时（小时）', '提前天数'];
    const details = await refused('production-routings', [header, ['P1', 1000, 'GZ', 1, 0], ['P1', 20, 'GZ', -1, 400]]);
    expect(details).toEqual([
      { row: 2, column: '工序号', reason: '不能大于 999' },
      { row: 3, column: '单位工时（小时）', reason: '不能为负数' },
      { row: 3, column: '提前天数', reason: '不能大于 365' },
    ]);
    const route = (op: object) =>
      admin.put(`/api/production/items/${parent}/routing`, { ops: [{ seq: 10, workshopId, hoursPerUnit: 1, ...op }], versions: {} });
    expect(routeFields(await route({ seq: 1000 }))).toEqual(['ops.0.seq']);
    expect(routeFields(await route({ hoursPerUnit: -1, offsetDays: 400 }))).toEqual(['ops.0.hoursPerUnit', 'ops.0.offsetDays']);

    const good = await importRows('production-routings', [header, ['P1', 10, 'GZ', 0.5, 0]]);
    expect(good.statusCode, good.body).toBe(200);
    expect((await admin.get(`/api/production/routings?itemId=${parent}`)).json()).toEqual([expect.objectContaining({ seq: 10, hoursPerUnit: 0.5 })]);
  });

  it('issue 16: five shifts, efficiency 3 and weekday 8 for a workshop — the importer and the route refuse the same row', async () => {
    const header = ['车间编码', '车间名称', '班次/天', '每班小时', '生产线数', '效率', '工作日（1=周一）'];
    const details = await refused('production-workshops', [header, ['BZ', '包装车间', 5, 8, 1, 3, '1,2,8']]);
    expect(details).toEqual([
      { row: 2, column: '班次/天', reason: '不能大于 4' },
      { row: 2, column: '效率', reason: '不能大于 2' },
      { row: 2, column: '工作日（1=周一）', reason: '不能大于 7' },
    ]);
    const r = await admin.post('/api/production/workshops', { code: 'BZ', name: '包装车间', shiftsPerDay: 5, efficiency: 3, workingWeekdays: [1, 2, 8] });
    expect(routeFields(r)).toEqual(['shiftsPerDay', 'efficiency', 'workingWeekdays.2']);

    const good = await importRows('production-workshops', [header, ['BZ', '包装车间', 2, 8, 1, 0.9, '1,2,3,4,5,6']]);
    expect(good.statusCode, good.body).toBe(200);
    expect((await admin.get('/api/production/workshops')).json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'BZ', shiftsPerDay: 2, efficiency: 0.9, workingWeekdays: [1, 2, 3, 4, 5, 6] })]),
    );
  });

  it('issue 16: the reasons come in English for an English-speaking planner', async () => {
    const en = await newPerson(t.ctx.db, orgId, 'all');
    await t.ctx.db.update(users).set({ locale: 'en' }).where(eq(users.id, en.userId));
    const english = await signIn(t.app, en.username, TEST_PASSWORD);
    const m = multipart(
      await workbook([
        ['Workshop code', 'Workshop', 'Shifts per day', 'Hours per shift', 'Lines', 'Efficiency'],
        ['BZ', 'Packing', 1, 30, 1, 1],
      ]),
    );
    const r = await english.request('POST', '/api/excel/production-workshops/import', m.body, m.headers);
    expect(r.statusCode).toBe(400);
    expect(r.json().details).toEqual([{ row: 2, column: 'Hours per shift', reason: 'must be at most 24' }]);
  });

  it('issue 16: a 33-character staff number and a 31-character phone — the teacher importer and the route refuse the same row', async () => {
    const { org } = await newOrg(t.ctx.db, { kind: 'school' });
    const office = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const staffNo = 'T'.repeat(33);
    const phone = '1'.repeat(31);
    const m = multipart(
      await workbook([
        ['工号', '姓名', '手机'],
        [staffNo, '新老师', null],
        ['T002', '王老师', phone],
      ]),
    );
    const r = await office.request('POST', '/api/excel/training-teachers/import', m.body, m.headers);
    expect(r.statusCode).toBe(400);
    expect(r.json().details).toEqual([
      { row: 2, column: '工号', reason: '不能超过 32 个字符' },
      { row: 3, column: '手机', reason: '不能超过 30 个字符' },
    ]);
    expect(routeFields(await office.post('/api/training/teachers', { staffNo, name: '新老师' }))).toEqual(['staffNo']);
    expect(routeFields(await office.post('/api/training/teachers', { staffNo: 'T002', name: '王老师', phone }))).toEqual(['phone']);
    expect((await office.get('/api/training/teachers')).json()).toEqual([]);
  });

  it('issue 16: a 101-character name, a 31-character phone and a one-letter username — the people importer and the routes refuse the same rows', async () => {
    const known = await admin.post('/api/org/people', { username: 'xr.known', displayName: '周老师', password: 'Ledger2026x' });
    expect(known.statusCode).toBe(201);
    const displayName = '李'.repeat(101);
    const phone = '1'.repeat(31);
    const details = await refused('people', [
      ['用户名', '姓名', '部门', '职务', '角色', '手机', '初始密码'],
      ['xr.li', displayName, null, null, null, null, 'Ledger2026x'],
      ['xr.wang', '王老师', null, null, null, phone, 'Ledger2026x'],
      ['x', '赵老师', null, null, null, null, 'Ledger2026x'],
      // A known person: PATCH /org/people/:id's schema, no password needed.
      ['xr.known', displayName, null, null, null, null, null],
    ]);
    expect(details).toEqual([
      { row: 2, column: '姓名', reason: '不能超过 100 个字符' },
      { row: 3, column: '手机', reason: '不能超过 30 个字符' },
      { row: 4, column: '用户名', reason: '至少 2 个字符' },
      { row: 5, column: '姓名', reason: '不能超过 100 个字符' },
    ]);
    expect(routeFields(await admin.post('/api/org/people', { username: 'xr.li', displayName, password: 'Ledger2026x' }))).toEqual(['displayName']);
    expect(routeFields(await admin.post('/api/org/people', { username: 'xr.wang', displayName: '王老师', password: 'Ledger2026x', phone }))).toEqual(['phone']);
    expect(routeFields(await admin.post('/api/org/people', { username: 'x', displayName: '赵老师', password: 'Ledger2026x' }))).toEqual(['username']);
    expect(routeFields(await admin.patch(`/api/org/people/${known.json().id}`, { version: known.json().version, displayName }))).toEqual(['displayName']);
    const people = (await admin.get('/api/org/people')).json() as { username: string; displayName: string }[];
    expect(people.map((p) => p.username)).not.toEqual(expect.arrayContaining(['xr.li']));
    expect(people.find((p) => p.username === 'xr.known')?.displayName).toBe('周老师');
  });

  it('issue 16: a 101-character department name — the departments importer and the route refuse the same row', async () => {
    const name = '部'.repeat(101);
    const details = await refused('departments', [
      ['名称', '类型', '上级部门', '排序'],
      [name, '部门', null, 1],
    ]);
    expect(details).toEqual([{ row: 2, column: '名称', reason: '不能超过 100 个字符' }]);
    expect(routeFields(await admin.post('/api/org/departments', { name, kind: 'department' }))).toEqual(['name']);
    expect(((await admin.get('/api/org/departments')).json() as { name: string }[]).some((d) => d.name === name)).toBe(false);
  });
});
