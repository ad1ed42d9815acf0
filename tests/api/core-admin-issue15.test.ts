import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgToday } from '#core/calendar';
import { newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

interface Dept {
  id: string;
  name: string;
  parentId: string | null;
  retiredAt: string | null;
  version: number;
}

describe('issue 15 item 10: departments are renamed, moved and retired; national holidays import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('issue 15 item 10: a department is renamed and moved; a move under its own sub-department is refused', async () => {
    const { org } = await newOrg(t.ctx.db);
    const admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const top = (await admin.post('/api/org/departments', { name: '生产部', kind: 'department' })).json() as Dept;
    const sub = (await admin.post('/api/org/departments', { name: '酿造车间', kind: 'workshop', parentId: top.id })).json() as Dept;
    const other = (await admin.post('/api/org/departments', { name: '质量部', kind: 'department' })).json() as Dept;

    const renamed = await admin.patch(`/api/org/departments/${sub.id}`, { version: sub.version, name: '发酵车间' });
    expect(renamed.statusCode).toBe(200);
    const moved = await admin.patch(`/api/org/departments/${sub.id}`, { version: renamed.json().version, parentId: other.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ name: '发酵车间', parentId: other.id });

    const cycle = await admin.patch(`/api/org/departments/${other.id}`, { version: other.version, parentId: sub.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().message).toContain('不能移到自身或其下级部门之下');
    const dup = await admin.patch(`/api/org/departments/${sub.id}`, { version: moved.json().version, name: '生产部' });
    expect(dup.statusCode).toBe(409);
    const stale = await admin.patch(`/api/org/departments/${sub.id}`, { version: sub.version, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('issue 15 item 10: retiring is refused while people are in the department (the refusal names them); then it is retired, hidden from pickers and closed to new people', async () => {
    const { org } = await newOrg(t.ctx.db);
    const admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const dept = (await admin.post('/api/org/departments', { name: '包装车间', kind: 'workshop' })).json() as Dept;
    const p = (
      await admin.post('/api/org/people', { username: `wang${Date.now()}`, displayName: '王包装', password: 'Start2026x', departmentId: dept.id })
    ).json();

    const refused = await admin.patch(`/api/org/departments/${dept.id}`, { version: dept.version, retired: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('王包装');

    expect((await admin.patch(`/api/org/people/${p.id}`, { version: p.version, departmentId: null })).statusCode).toBe(200);
    const retired = await admin.patch(`/api/org/departments/${dept.id}`, { version: dept.version, retired: true });
    expect(retired.statusCode).toBe(200);
    expect(retired.json().retiredAt).not.toBeNull();

    const inUse = (await admin.get('/api/org/departments')).json() as Dept[];
    expect(inUse.map((d) => d.id)).not.toContain(dept.id);
    const all = (await admin.get('/api/org/departments?includeRetired=true')).json() as Dept[];
    expect(all.find((d) => d.id === dept.id)?.retiredAt).toBeTruthy();

    const placed = await admin.post('/api/org/people', { username: `li${Date.now()}`, displayName: '李新', password: 'Start2026x', departmentId: dept.id });
    expect(placed.statusCode).toBe(400);
    expect(placed.json().message).toContain('已撤销');

    const restored = await admin.patch(`/api/org/departments/${dept.id}`, { version: retired.json().version, retired: false });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().retiredAt).toBeNull();
    const audit = (await admin.get('/api/audit?entity=department')).json() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['department.retire', 'department.restore']));
  });

  it('issue 15 item 10: an operator without admin.org cannot change a department', async () => {
    const { org } = await newOrg(t.ctx.db);
    const admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const dept = (await admin.post('/api/org/departments', { name: '仓库', kind: 'department' })).json() as Dept;
    const op = await signIn(t.app, (await newPerson(t.ctx.db, org.id, ['audit.read'])).username, TEST_PASSWORD);
    expect((await op.patch(`/api/org/departments/${dept.id}`, { version: dept.version, name: 'x' })).statusCode).toBe(403);
  });

  it('issue 15 item 10: the 2026 national holidays import from the shipped file (春节 9 days, make-up working days), keeping days the organisation already set', async () => {
    const { org } = await newOrg(t.ctx.db);
    const admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const years = (await admin.get('/api/calendar/national-holidays')).json() as { year: number; status: string }[];
    expect(years).toEqual(expect.arrayContaining([expect.objectContaining({ year: 2026, status: 'official' }), expect.objectContaining({ year: 2027 })]));

    await admin.post('/api/calendar/holidays', { date: '2026-10-01', name: '本厂国庆', isWorkday: false });
    const res = await admin.post('/api/calendar/national-holidays/import', { year: 2026 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 38, kept: 1 });
    const days = (await admin.get('/api/calendar/holidays?from=2026-01-01&to=2026-12-31')).json() as { date: string; name: string; isWorkday: boolean }[];
    const spring = days.filter((d) => d.name === '春节');
    expect(spring.map((d) => d.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(days.filter((d) => d.isWorkday).map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(days.find((d) => d.date === '2026-10-01')?.name).toBe('本厂国庆');

    const again = (await admin.post('/api/calendar/national-holidays/import', { year: 2026 })).json();
    expect(again).toMatchObject({ added: 0, kept: 39 });
    const missing = await admin.post('/api/calendar/national-holidays/import', { year: 2031 });
    expect(missing.statusCode).toBe(400);
  });
});

describe('issue 15 item 5: the audit log in words, filtered and exported (CORE-10)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('issue 15 item 5: entries carry the action label, the record name and old → new per field label; filters by action, record, person and date; Excel export of the filtered list', async () => {
    const { org } = await newOrg(t.ctx.db);
    const adminUser = await newPerson(t.ctx.db, org.id, 'all');
    const admin = await signIn(t.app, adminUser.username, TEST_PASSWORD);
    const top = (await admin.post('/api/org/departments', { name: '销售部', kind: 'department' })).json() as Dept;
    const dept = (await admin.post('/api/org/departments', { name: '试制组', kind: 'workshop' })).json() as Dept;
    await admin.patch(`/api/org/departments/${dept.id}`, { version: dept.version, name: '试制二组', parentId: top.id });

    const res = await admin.get('/api/audit?action=department.update');
    expect(res.statusCode).toBe(200);
    const [entry] = res.json();
    expect(entry.actionLabel).toEqual({ zh: '修改部门', en: 'Changed a department' });
    expect(entry.entityLabel.zh).toBe('部门');
    expect(entry.recordName).toBe('试制二组');
    const name = entry.changes.find((c: { field: string }) => c.field === 'name');
    expect(name).toMatchObject({ label: { zh: '名称', en: 'Name' }, before: '试制组', after: '试制二组' });
    expect(entry.changes.find((c: { field: string }) => c.field === 'parentId').label.zh).toBe('上级');

    const byRecord = (await admin.get(`/api/audit?record=${encodeURIComponent('试制')}`)).json() as { action: string }[];
    expect(byRecord.map((e) => e.action).sort()).toEqual(['department.create', 'department.update']);
    const byPerson = (await admin.get(`/api/audit?actorId=${adminUser.userId}`)).json() as { action: string }[];
    expect(byPerson.map((e) => e.action)).toEqual(expect.arrayContaining(['department.create', 'department.update']));
    expect(byPerson.map((e) => e.action)).not.toContain('user.create');
    // The filter's days are the organisation's days (UTC+8 by default): late in a UTC evening it is already tomorrow there.
    const today = await orgToday(t.ctx.db, org.id, new Date());
    expect(((await admin.get(`/api/audit?from=2020-01-01&to=2020-12-31`)).json() as unknown[]).length).toBe(0);
    expect(((await admin.get(`/api/audit?from=2020-01-01&to=${today}`)).json() as unknown[]).length).toBeGreaterThanOrEqual(3);

    const facets = (await admin.get('/api/audit/facets')).json();
    expect(facets.actions).toEqual(expect.arrayContaining([{ code: 'department.create', label: { zh: '新增部门', en: 'Added a department' } }]));
    expect(facets.actors.map((a: { id: string }) => a.id)).toContain(adminUser.userId);

    const xlsx = await admin.get('/api/audit/export?action=department.update');
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    const cells = (ws.getRow(2).values as unknown[]).map(String).join(' | ');
    expect(cells).toContain('修改部门');
    expect(cells).toContain('试制二组');
    expect(cells).toContain('名称: 试制组 → 试制二组');
    expect(cells).not.toContain('department.update');
  });
});
