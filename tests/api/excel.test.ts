import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function multipart(fileName: string, content: Buffer, mime = XLSX) {
  const boundary = `----zhidu${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(client: Client, url: string, fileName: string, content: Buffer) {
  const m = multipart(fileName, content);
  return client.request('POST', url, m.body, m.headers);
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('people');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readRows(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

const HEADERS = ['用户名', '姓名', '部门', '职务', '角色', '手机', '初始密码'];

describe('Excel import and export (CORE-11)', () => {
  let t: TestApp;
  let admin: Client;
  let planner: Client;
  let otherAdmin: Client;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T08:00:00Z' });
    const org = await newOrg(t.ctx.db, {
      roles: [{ code: 'teacher', nameZh: '教师', nameEn: 'Teacher', permissions: ['training.self'] }],
    });
    orgId = org.org.id;
    const a = await newPerson(t.ctx.db, orgId, 'all');
    const p = await newPerson(t.ctx.db, orgId, ['excel.import', 'production.read']);
    const other = await newOrg(t.ctx.db);
    const o = await newPerson(t.ctx.db, other.org.id, 'all');
    admin = await signIn(t.app, a.username, TEST_PASSWORD);
    planner = await signIn(t.app, p.username, TEST_PASSWORD);
    otherAdmin = await signIn(t.app, o.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const people = async (client: Client) =>
    (await client.get('/api/org/people')).json() as { username: string; displayName: string; roles: string[]; departmentId: string | null }[];

  it('CORE-11 lists only the tables the person may use', async () => {
    const all = (await admin.get('/api/excel/tables')).json() as { name: string; canImport: boolean }[];
    expect(all.map((x) => x.name)).toEqual(expect.arrayContaining(['people', 'departments']));
    expect(all.find((x) => x.name === 'people')?.canImport).toBe(true);
    const few = (await planner.get('/api/excel/tables')).json() as { name: string }[];
    expect(few.map((x) => x.name)).not.toContain('people');
    expect((await planner.get('/api/excel/people/export')).statusCode).toBe(403);
    expect((await admin.get('/api/excel/nope/template')).statusCode).toBe(404);
  });

  it('CORE-11 printed forms carry the organisation’s own name', async () => {
    const mine = (await admin.get('/api/print/header')).json();
    const theirs = (await otherAdmin.get('/api/print/header')).json();
    expect(mine.organisation).toMatch(/^测试组织 /);
    expect(theirs.organisation).not.toBe(mine.organisation);
  });

  it('CORE-11 the template is a clean header row with the names planners use', async () => {
    const r = await admin.get('/api/excel/people/template');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(await readRows(r.rawPayload)).toEqual([HEADERS]);
  });

  it('CORE-11 a file with one bad row among good ones writes nothing and reports every error with row and column', async () => {
    const before = await people(admin);
    const file = await workbook([
      HEADERS,
      ['xa.li', '李老师', '生产部', '班长', '教师', '13800000001', 'Ledger2026x'],
      ['xa.wang', '王老师', '不存在的部门', '', '校长', '', 'Ledger2026x'],
      ['xa.zhao', '赵老师', '灌装车间', '', '', '', 'short'],
      ['xa.li', '李老师二', '', '', '', '', 'Ledger2026x'],
    ]);
    const r = await upload(admin, '/api/excel/people/import', 'people.xlsx', file);
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.code).toBe('IMPORT_FAILED');
    expect(body.details.map((d: { row: number; column: string }) => [d.row, d.column])).toEqual([
      [3, '部门'],
      [3, '角色'],
      [4, '初始密码'],
      [5, '用户名'],
    ]);
    expect(body.details[0].reason).toContain('不存在的部门');
    expect(await people(admin)).toEqual(before);
    const jobs = (await admin.get('/api/excel/people/imports')).json() as { status: string }[];
    expect(jobs[0].status).toBe('failed');
  });

  it('CORE-11 a good file inserts new people and updates existing ones in one go', async () => {
    const file = await workbook([
      HEADERS,
      ['xb.li', '李老师', '生产部', '班长、记录员', '教师', 13800000001, 'Ledger2026x'],
      ['xb.wang', '王老师', '灌装车间', '', 'Teacher', '', 'Ledger2026x'],
    ]);
    const r = await upload(admin, '/api/excel/people/import', 'people.xlsx', file);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ inserted: 2, updated: 0 });
    const li = (await people(admin)).find((p) => p.username === 'xb.li');
    expect(li).toMatchObject({ displayName: '李老师', roles: ['teacher'] });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xb.li', password: 'Ledger2026x' } });
    expect(login.statusCode).toBe(200);

    const again = await workbook([HEADERS, ['xb.li', '李明', '', '', '', '', '']]);
    const r2 = await upload(admin, '/api/excel/people/import', 'people.xlsx', again);
    expect(r2.json()).toEqual({ inserted: 0, updated: 1 });
    expect((await people(admin)).find((p) => p.username === 'xb.li')).toMatchObject({ displayName: '李明', roles: ['teacher'] });
  });

  it('CORE-11 an export is named by the organisation’s day, not UTC’s', async () => {
    // 20:00 UTC on 9 March is 04:00 on 10 March in Beijing.
    t.setNow('2026-03-09T20:00:00Z');
    try {
      const r = await admin.get('/api/excel/people/export');
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-disposition']).toContain(encodeURIComponent('-2026-03-10.xlsx'));
    } finally {
      t.setNow('2026-03-10T08:00:00Z');
    }
  });

  it('CORE-11 an export imports back unchanged', async () => {
    const exported = await admin.get('/api/excel/people/export');
    expect(exported.statusCode).toBe(200);
    const rows = await readRows(exported.rawPayload);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.some((r) => r[0] === 'xb.wang' && r[4] === '教师')).toBe(true);
    const before = await people(admin);
    const r = await upload(admin, '/api/excel/people/import', 'people-export.xlsx', exported.rawPayload);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ inserted: 0, updated: 0 });
    expect(await people(admin)).toEqual(before);
  });

  it('CORE-11 departments import with parents from the same file, and refuse a loop', async () => {
    const file = (rows: unknown[][]) => workbook([['名称', '类型', '上级部门', '排序'], ...rows]);
    const bad = await upload(
      admin,
      '/api/excel/departments/import',
      'd.xlsx',
      await file([
        ['甲', '车间', '乙', 1],
        ['乙', '部门', '甲', 2],
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toHaveLength(2);
    const ok = await upload(
      admin,
      '/api/excel/departments/import',
      'd.xlsx',
      await file([
        ['酿造一车间', '车间', '生产部', 5],
        ['生产部', 'department', '', 0],
      ]),
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ inserted: 1, updated: 0 });
    const depts = (await admin.get('/api/org/departments')).json() as { id: string; name: string; parentId: string | null }[];
    const prod = depts.find((d) => d.name === '生产部')!;
    expect(depts.find((d) => d.name === '酿造一车间')?.parentId).toBe(prod.id);
  });

  it('CORE-11 refuses a file that is not an xlsx workbook and a person without excel.import', async () => {
    const r = await upload(admin, '/api/excel/people/import', 'people.csv', Buffer.from('用户名,姓名\n'));
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('IMPORT_FAILED');
    const viewer = await newPerson(t.ctx.db, orgId, ['admin.users']);
    const v = await signIn(t.app, viewer.username, TEST_PASSWORD);
    const file = await workbook([HEADERS, ['xc.x', 'X', '', '', '', '', 'Ledger2026x']]);
    expect((await upload(v, '/api/excel/people/import', 'p.xlsx', file)).statusCode).toBe(403);
  });

  it('CORE-1 CORE-11 another organisation exports only its own people and cannot update ours', async () => {
    const rows = await readRows((await otherAdmin.get('/api/excel/people/export')).rawPayload);
    expect(rows.some((r) => r[0] === 'xb.li')).toBe(false);
    const file = await workbook([HEADERS, ['xb.li', '被篡改', '', '', '', '', 'Ledger2026x']]);
    const r = await upload(otherAdmin, '/api/excel/people/import', 'p.xlsx', file);
    expect(r.statusCode).toBe(400);
    expect(r.json().details[0]).toMatchObject({ row: 2, column: '用户名' });
    expect((await people(admin)).find((p) => p.username === 'xb.li')?.displayName).toBe('李明');
  });
});
