import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#core/access';
import { createDeadline, runDueDeadlines } from '#core/calendar';
import { findActiveOrganisationIds } from '#core/org';
import { addOperator } from '#core/platform';
import { newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type Client, type TestApp } from '#test-support';

// Issue 12, first bullet: the platform operator creates, disables and re-enables organisations
// and sees their size, never their records.

const PASSWORD = 'Kq7!mesa-river-41';

describe('issue 12: the platform operator', () => {
  let t: TestApp;
  let op: Client;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
    await addOperator(t.ctx.db, t.ctx.registry, { username: 'ops', password: PASSWORD });
    op = await signIn(t.app, 'ops', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A plant from T4 and a school from S1, created by the operator for one test, each with its own admin. */
  const createPlantAndSchool = async () => {
    const k = randomBytes(3).toString('hex');
    const plant = { code: `north-plant-${k}`, admin: `north.admin.${k}` };
    const res = await op.post('/api/platform/organisations', {
      name: '城北酒厂',
      template: 'T4',
      code: plant.code,
      adminUsername: plant.admin,
      adminPassword: PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    const school = { admin: `south.admin.${k}` };
    const res2 = await op.post('/api/platform/organisations', { name: '城南小学', template: 'S1', adminUsername: school.admin, adminPassword: PASSWORD });
    expect(res2.statusCode).toBe(201);
    return { plant: { ...plant, id: res.json().id as string }, school: { ...school, id: res2.json().id as string } };
  };

  it('issue 12: the operator lists the templates with labels and kinds', async () => {
    const res = await op.get('/api/platform/templates');
    expect(res.statusCode).toBe(200);
    const t4 = res.json().find((x: { code: string }) => x.code === 'T4');
    expect(t4).toMatchObject({ kind: 'enterprise', label: { zh: expect.stringContaining('酒业') } });
    expect(res.json().map((x: { code: string }) => x.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'S1', 'S2', 'S3', 'S4', 'D1']);
  });

  it('issue 12: the operator creates a plant from T4 and a school from S1; each admin sees only its modules', async () => {
    const plant = await op.post('/api/platform/organisations', {
      name: '城北酒厂',
      template: 'T4',
      code: 'north-plant',
      adminUsername: 'north.admin',
      adminPassword: PASSWORD,
    });
    expect(plant.statusCode).toBe(201);
    expect(plant.json()).toMatchObject({
      code: 'north-plant',
      kind: 'enterprise',
      template: 'T4',
      modules: ['production'],
      admin: { username: 'north.admin' },
    });
    const plantId = plant.json().id;
    const school = await op.post('/api/platform/organisations', { name: '城南小学', template: 'S1', adminUsername: 'south.admin', adminPassword: PASSWORD });
    expect(school.statusCode).toBe(201);
    expect(school.json().modules).toEqual(['training', 'league']);
    const schoolId = school.json().id;

    const p = await signIn(t.app, 'north.admin', PASSWORD);
    const s = await signIn(t.app, 'south.admin', PASSWORD);
    const onOf = async (c: Client) =>
      (await c.get('/api/org/modules'))
        .json()
        .filter((m: { isOn: boolean }) => m.isOn)
        .map((m: { name: string }) => m.name);
    expect(await onOf(p)).toEqual(['production']);
    expect(await onOf(s)).toEqual(['training', 'league']);
    // The platform module is nobody's to switch on: not listed, not found.
    expect((await s.get('/api/org/modules')).json().map((m: { name: string }) => m.name)).not.toContain('platform');
    expect((await s.put('/api/org/modules/platform', { isOn: true })).statusCode).toBe(404);
    const perms = (await s.get('/api/org/roles')).json().permissions.map((x: { code: string }) => x.code);
    expect(perms).not.toContain('platform.orgs');
    expect((await p.get('/api/training/sessions')).statusCode).toBe(404);
    expect((await s.get('/api/production/orders')).statusCode).toBe(404);

    // Both creations are in the platform's own audit log.
    const audit = await t.database.query<{ action: string }>(
      "select action from audit_log a join organisations o on o.id = a.org_id where o.code = 'platform' and action = 'platform.org.create' and a.entity_id in ($1, $2)",
      [plantId, schoolId],
    );
    expect(audit.length).toBe(2);
  });

  it('issue 12: the list gives name, kind, template, modules, state and size only', async () => {
    const { plant, school: created } = await createPlantAndSchool();
    const [plantId, schoolId] = [plant.id, created.id];
    // A file and a second person in the school, so the sizes are not all zero.
    const teacherName = `south.teacher.${created.admin.split('.').pop()}`;
    const teacher = await newPerson(t.ctx.db, schoolId, ['training.self'], teacherName);
    await t.database.query(
      "insert into attachments (org_id, id, category, title, file_name, mime, size_bytes, sha256, storage_key, uploaded_by, uploaded_at) values ($1, gen_random_uuid(), 'other', '材料', 'a.pdf', 'application/pdf', 1234, 'x', 'k', $2, now())",
      [schoolId, teacher.userId],
    );
    const res = await op.get('/api/platform/organisations');
    expect(res.statusCode).toBe(200);
    const school = res.json().find((o: { id: string }) => o.id === schoolId);
    expect(school).toMatchObject({ name: '城南小学', kind: 'school', template: 'S1', state: 'active', isPlatform: false });
    expect(school.modules.map((m: { name: string }) => m.name)).toEqual(['training', 'league']);
    expect(school.size).toMatchObject({ people: 2, activePeople: 2, files: 1, fileBytes: 1234 });
    expect(school.size.auditEntries30d).toBeGreaterThan(0);
    expect(Object.keys(school).sort()).toEqual([
      'code',
      'createdAt',
      'disabledAt',
      'disabledReason',
      'id',
      'isPlatform',
      'kind',
      'modules',
      'name',
      'size',
      'state',
      'template',
    ]);
    expect(res.body).not.toContain(teacherName);
    expect(res.body).not.toContain(created.admin);
    expect(res.json().find((o: { isPlatform: boolean }) => o.isPlatform)).toMatchObject({ kind: 'platform', code: 'platform' });
    expect(res.json().find((o: { id: string }) => o.id === plantId)).toMatchObject({ kind: 'enterprise', template: 'T4', modules: [{ name: 'production' }] });
  });

  it('issue 12: disabling refuses sign-in with a clear message and ends sessions (401); re-enabling restores access', async () => {
    const { plant, school } = await createPlantAndSchool();
    const schoolId = school.id;
    const s = await signIn(t.app, school.admin, PASSWORD);
    expect((await op.post(`/api/platform/organisations/${schoolId}/disable`, { reason: ' ' })).json().details[0].field).toBe('reason');
    const off = await op.post(`/api/platform/organisations/${schoolId}/disable`, { reason: '合同到期' });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ state: 'disabled', disabledReason: '合同到期' });
    expect((await s.get('/api/org/people')).statusCode).toBe(401);
    // The scheduler's per-school jobs skip it.
    expect(await findActiveOrganisationIds(t.ctx.db, 'school')).not.toContain(schoolId);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: school.admin, password: PASSWORD },
      headers: { 'x-locale': 'zh-CN' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().messageZh).toContain('该组织已停用');
    expect(refused.json().messageEn).toContain('This organisation is disabled');
    // A wrong password still says only that: a guesser learns nothing of the organisation.
    const guess = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: school.admin, password: 'wrong-Pass-1' } });
    expect(guess.statusCode).toBe(401);
    // The plant next door is untouched.
    expect((await signIn(t.app, plant.admin, PASSWORD)).cookie).toBeTruthy();

    const on = await op.post(`/api/platform/organisations/${schoolId}/enable`);
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ state: 'active', disabledAt: null, disabledReason: null });
    expect(await findActiveOrganisationIds(t.ctx.db, 'school')).toContain(schoolId);
    // Issue 12: a module's jobs run only where it is on (a school has training, not production).
    expect(await findActiveOrganisationIds(t.ctx.db, 'school', 'training')).toContain(schoolId);
    expect(await findActiveOrganisationIds(t.ctx.db, 'school', 'production')).not.toContain(schoolId);
    const again = await signIn(t.app, school.admin, PASSWORD);
    expect((await again.get('/api/org/people')).statusCode).toBe(200);

    const actions = await t.database.query<{ action: string }>(
      "select action from audit_log a join organisations o on o.id = a.org_id where o.code = 'platform' and a.entity_id = $1 order by a.at, a.id",
      [schoolId],
    );
    expect(actions.map((a) => a.action)).toEqual(['platform.org.create', 'platform.org.disable', 'platform.org.enable']);
  });

  it('issue 12: the platform organisation itself cannot be disabled; an unknown one is 404', async () => {
    const platform = (await op.get('/api/platform/organisations')).json().find((o: { isPlatform: boolean }) => o.isPlatform);
    const res = await op.post(`/api/platform/organisations/${platform.id}/disable`, { reason: '试试' });
    expect(res.statusCode).toBe(409);
    expect((await op.post('/api/platform/organisations/00000000-0000-4000-8000-000000000000/enable')).statusCode).toBe(404);
  });

  it('issue 12: the operator gets no records of any organisation through the organisation routes', async () => {
    const demo = await newOrg(t.ctx.db, { kind: 'school' });
    await newPerson(t.ctx.db, demo.org.id, 'all', 'demo.school.person');
    // The operator holds no organisation permission: the platform's own people list is refused too.
    const people = await op.get('/api/org/people');
    expect(people.statusCode).toBe(403);
    expect(people.body).not.toContain('demo.school.person');
    for (const url of ['/api/production/orders', '/api/training/sessions', '/api/league/branches', '/api/training/teachers']) {
      expect((await op.get(url)).statusCode, url).toBe(404);
    }
    for (const url of ['/api/audit', '/api/archive', '/api/home', '/api/approval/documents']) {
      const res = await op.get(url);
      expect([200, 403, 404], url).toContain(res.statusCode);
      expect(res.body, url).not.toContain('south');
      expect(res.body, url).not.toContain('demo.school.person');
    }
  });

  it('issue 12: a school admin, even one holding platform.orgs, gets 404 on every platform route', async () => {
    const { school: created } = await createPlantAndSchool();
    const schoolId = created.id;
    const school = await newOrg(t.ctx.db, { kind: 'school' });
    await newPerson(t.ctx.db, school.org.id, ['platform.orgs', 'admin.users'], 'sneaky.admin');
    const c = await signIn(t.app, 'sneaky.admin', TEST_PASSWORD);
    expect((await c.get('/api/platform/organisations')).statusCode).toBe(404);
    expect((await c.get('/api/platform/templates')).statusCode).toBe(404);
    expect((await c.post('/api/platform/organisations', { name: 'x', template: 'S1', adminUsername: 'x.admin', adminPassword: PASSWORD })).statusCode).toBe(
      404,
    );
    expect((await c.post(`/api/platform/organisations/${schoolId}/disable`, { reason: '恶意' })).statusCode).toBe(404);
    expect((await c.post(`/api/platform/organisations/${schoolId}/enable`)).statusCode).toBe(404);
    const s = await signIn(t.app, created.admin, PASSWORD);
    expect([403, 404]).toContain((await s.get('/api/platform/organisations')).statusCode);
  });

  it('issue 12: bad input is a 400 naming the field (taken code, taken username, weak password, unknown template, missing name)', async () => {
    const { plant } = await createPlantAndSchool();
    const base = { name: '新学校', template: 'S2', adminUsername: 'new.admin', adminPassword: PASSWORD };
    const fieldOf = async (body: object) => {
      const res = await op.post('/api/platform/organisations', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      return res.json().details[0].field as string;
    };
    expect(await fieldOf({ ...base, code: plant.code })).toBe('code');
    expect(await fieldOf({ ...base, code: 'Bad Code!' })).toBe('code');
    expect(await fieldOf({ ...base, adminUsername: plant.admin })).toBe('adminUsername');
    expect(await fieldOf({ ...base, adminPassword: 'password1' })).toBe('adminPassword');
    expect(await fieldOf({ ...base, template: 'T9' })).toBe('template');
    expect(await fieldOf({ ...base, name: '' })).toBe('name');
    // Nothing half-made by the refusals.
    const names = (await op.get('/api/platform/organisations')).json().map((o: { name: string }) => o.name);
    expect(names).not.toContain('新学校');
  });

  it("issue 12: the scheduler leaves a disabled organisation's deadlines alone until it is re-enabled", async () => {
    const { plant } = await createPlantAndSchool();
    const plantId = plant.id;
    const [admin] = await t.database.query<{ id: string }>('select id from users where username = $1', [plant.admin]);
    const deadline = await t.ctx.db.transaction((tx) =>
      createDeadline(tx, systemActor(plantId), {
        subjectType: 'test.subject',
        subjectId: 'platform-1',
        title: { zh: '月度计划', en: 'Monthly plan' },
        ownerUserId: admin.id,
        dueOn: '2026-03-02',
        escalateTo: [],
        rule: { clause: 'T2 五.1.2)', ruleCode: 'production.plan.late' },
      }),
    );
    const stateOf = async () =>
      (await t.database.query<{ state: string }>('select state from deadlines where org_id = $1 and id = $2', [plantId, deadline.id]))[0].state;
    expect((await op.post(`/api/platform/organisations/${plantId}/disable`, { reason: '欠费' })).statusCode).toBe(200);
    await runDueDeadlines(t.ctx);
    expect(await stateOf()).toBe('open');
    expect((await op.post(`/api/platform/organisations/${plantId}/enable`)).statusCode).toBe(200);
    await runDueDeadlines(t.ctx);
    expect(await stateOf()).toBe('missed');
  });

  it("issue 12: a disabled school's ended session keeps its list open until the school is enabled again", async () => {
    const { school } = await createPlantAndSchool();
    const schoolId = school.id;
    const [session] = await t.database.query<{ id: string }>(
      `insert into training_sessions (org_id, title, category, session_date, starts_at, ends_at, audience, qr_secret)
       values ($1, '停用期间的培训', 'theory', '2026-03-02', '2026-03-02T01:00:00Z', '2026-03-02T02:30:00Z', 'all', 'secret') returning id`,
      [schoolId],
    );
    const closedAt = async () =>
      (
        await t.database.query<{ closed: string | null }>('select roster_closed_at as closed from training_sessions where org_id = $1 and id = $2', [
          schoolId,
          session.id,
        ])
      )[0].closed;
    expect((await op.post(`/api/platform/organisations/${schoolId}/disable`, { reason: '合并办学' })).statusCode).toBe(200);
    // The scheduler's own job, as it runs each tick.
    const closeJob = t.ctx.registry.jobs.find((j) => j.name === 'closeEndedSessionsJob');
    if (!closeJob) throw new Error('the session-closing job is not declared');
    const tick = () => closeJob({ ...t.ctx, clock: () => new Date('2026-03-03T00:00:00Z') });
    await tick();
    expect(await closedAt()).toBeNull();
    expect((await op.post(`/api/platform/organisations/${schoolId}/enable`)).statusCode).toBe(200);
    await tick();
    expect(await closedAt()).not.toBeNull();
  });
});
