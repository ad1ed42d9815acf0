import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

describe('CORE-2 people, departments and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('CORE-2 an admin adds a person with several roles who can then sign in with those permissions', async () => {
    const { org } = await newOrg(t.ctx.db, {
      roles: [
        { code: 'planner', nameZh: '计划员', nameEn: 'Planner', permissions: ['production.read', 'production.plan.write'] },
        { code: 'recorder', nameZh: '记录员', nameEn: 'Recorder', permissions: ['training.attendance.record'] },
      ],
    });
    const admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const dept = (await admin.post('/api/org/departments', { name: '酿造车间', kind: 'workshop' })).json();
    const res = await admin.post('/api/org/people', {
      username: 'zhang.san',
      displayName: '张三',
      password: 'Start2026x',
      departmentId: dept.id,
      positions: ['车间主任', '班长'],
      roles: ['planner', 'recorder'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().roles).toEqual(['planner', 'recorder']);
    const me = (await (await signIn(t.app, 'zhang.san', 'Start2026x')).get('/api/auth/me')).json();
    expect(me.permissions.sort()).toEqual(['production.plan.write', 'production.read', 'training.attendance.record']);
  });

  it('CORE-2 checks permissions on the route: a person without admin.users cannot list or add people', async () => {
    const { org } = await newOrg(t.ctx.db);
    const c = await signIn(t.app, (await newPerson(t.ctx.db, org.id, ['audit.read'])).username, TEST_PASSWORD);
    expect((await c.get('/api/org/people')).statusCode).toBe(403);
    const r = await c.post('/api/org/people', { username: 'x.y', displayName: 'X', password: 'abc12345x' });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('FORBIDDEN');
  });

  it('CORE-2 refuses a stale edit with 409 instead of overwriting', async () => {
    const { org } = await newOrg(t.ctx.db);
    const admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const p = (await admin.post('/api/org/people', { username: `li${Date.now()}`, displayName: '李四', password: 'Start2026x' })).json();
    const first = await admin.patch(`/api/org/people/${p.id}`, { version: p.version, displayName: '李四一' });
    expect(first.statusCode).toBe(200);
    const stale = await admin.patch(`/api/org/people/${p.id}`, { version: p.version, displayName: '李四二' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const people = (await admin.get('/api/org/people')).json() as { id: string; displayName: string }[];
    expect(people.find((x) => x.id === p.id)?.displayName).toBe('李四一');
  });

  it('CORE-2 role permissions are data an admin edits; unknown permissions are refused', async () => {
    const { org } = await newOrg(t.ctx.db, { roles: [{ code: 'teacher', nameZh: '教师', nameEn: 'Teacher', permissions: ['training.self'] }] });
    const admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const roles = (await admin.get('/api/org/roles')).json();
    const teacher = roles.roles.find((r: { code: string }) => r.code === 'teacher');
    expect(roles.permissions.length).toBeGreaterThan(20);
    const bad = await admin.put('/api/org/roles/teacher', { version: teacher.version, permissions: ['training.self', 'rule.the.world'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('permissions');
    const ok = await admin.put('/api/org/roles/teacher', { version: teacher.version, permissions: ['training.self', 'archive.read'] });
    expect(ok.json().permissions).toEqual(['archive.read', 'training.self']);
    const audit = (await admin.get('/api/audit?entity=role')).json();
    expect(audit[0]).toMatchObject({ action: 'role.update', entityId: 'teacher', newValue: ['archive.read', 'training.self'] });
  });

  it('CORE-10 every person change is in the audit trail with old and new values', async () => {
    const { org } = await newOrg(t.ctx.db);
    const admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const p = (await admin.post('/api/org/people', { username: `w${Date.now()}`, displayName: '王五', password: 'Start2026x' })).json();
    await admin.patch(`/api/org/people/${p.id}`, { version: p.version, displayName: '王老五', newPassword: 'Other2026x' });
    const entries = (await admin.get(`/api/audit?entity=user&entityId=${p.id}`)).json();
    const update = entries.find((e: { action: string }) => e.action === 'user.update');
    expect(update.oldValue.displayName).toBe('王五');
    expect(update.newValue.displayName).toBe('王老五');
    expect(JSON.stringify(entries)).not.toContain('Other2026x');
    const rejected = await t.database.query('update audit_log set action = $1 where org_id = $2', ['x', org.id]).catch((e: Error) => e.message);
    expect(rejected).toMatch(/append-only/);
  });
});
