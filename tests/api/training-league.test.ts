import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp, type Client } from '../support';

// The Youth League module (S5) lives beside training: YL-1 … YL-3 over HTTP.
describe('league API: member register, term plan, flag-raising and blackboard checks', () => {
  let t: TestApp;
  let secretary: Client;
  let reader: Client;
  let outsider: Client;
  let branchId: string;
  let names: string[];
  // Sessions last 12 hours: after moving the clock by weeks everyone signs in again.
  const at = async (iso: string) => {
    t.setNow(iso);
    [secretary, reader, outsider] = await Promise.all(names.map((n) => signIn(t.app, n, TEST_PASSWORD)));
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
    const { org } = await newOrg(t.ctx.db, { kind: 'school' });
    const { org: other } = await newOrg(t.ctx.db, { kind: 'school' });
    const [s, r, o] = await Promise.all([
      newPerson(t.ctx.db, org.id, ['league.read', 'league.manage']),
      newPerson(t.ctx.db, org.id, ['league.read']),
      newPerson(t.ctx.db, other.id, ['league.read', 'league.manage']),
    ]);
    names = [s, r, o].map((p) => p.username);
    await at('2026-03-10T02:00:00Z');
    branchId = (await secretary.post('/api/league/branches', { name: '九年级一班团支部', grade: 9 })).json().id;
  });
  afterAll(() => t.close());

  it('YL-1 registers members and preparatory members, promotes, registers for the term, transfers out in May', async () => {
    const bad = await secretary.post('/api/league/members', { branchId, studentNo: 'S1', name: '王子涵', status: 'member' });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'joinedOn' }] });
    const member = (
      await secretary.post('/api/league/members', { branchId, studentNo: 'S1', name: '王子涵', status: 'member', joinedOn: '2025-05-04' })
    ).json();
    const prep = (
      await secretary.post('/api/league/members', { branchId, studentNo: 'S2', name: '李欣怡', status: 'preparatory', preparatorySince: '2026-03-01' })
    ).json();
    expect(
      (await secretary.post('/api/league/members', { branchId, studentNo: 'S2', name: '重复', status: 'preparatory', preparatorySince: '2026-03-01' }))
        .statusCode,
    ).toBe(409);
    expect((await secretary.post(`/api/league/members/${prep.id}/promote`, { joinedOn: '2026-02-01', version: prep.version })).statusCode).toBe(409);
    expect((await secretary.post(`/api/league/members/${prep.id}/promote`, { joinedOn: '2026-05-04', version: prep.version })).json().status).toBe('member');
    expect((await secretary.post('/api/league/registrations', { memberIds: [member.id] })).json()).toEqual({ registered: 1 });
    expect((await secretary.post('/api/league/registrations', { memberIds: [member.id] })).json()).toEqual({ registered: 0 });
    const list = (await reader.get('/api/league/members')).json();
    expect(list.map((m: { name: string; isRegistered: boolean }) => [m.name, m.isRegistered])).toEqual([
      ['王子涵', true],
      ['李欣怡', false],
    ]);
    expect((await reader.get('/api/league/members/tasks')).json()).toMatchObject({
      termCode: '2025-2026-2',
      unregistered: [{ name: '李欣怡' }],
      transferOutDue: [],
    });
    await at('2026-05-06T02:00:00Z');
    expect((await reader.get('/api/league/members/tasks')).json().transferOutDue).toHaveLength(2);
    const out = await secretary.post(`/api/league/members/${member.id}/transfer-out`, {
      transferredOutOn: '2026-05-06',
      transferTo: '县第一高级中学团委',
      version: member.version,
    });
    expect(out.json().status).toBe('transferred_out');
    expect(
      (await reader.post(`/api/league/members/${member.id}/transfer-out`, { transferredOutOn: '2026-05-06', transferTo: 'x', version: 2 })).statusCode,
    ).toBe(403);
    expect((await outsider.get('/api/league/members')).json()).toEqual([]);
  });

  it('YL-2 the spring term plan starts from the five themed months; activities are marked done', async () => {
    await at('2026-03-10T02:00:00Z');
    const plan = await secretary.post('/api/league/plan', { schoolYear: '2025-2026', term: 2, title: '第二学期团委工作计划', useTemplate: true });
    expect(plan.statusCode).toBe(201);
    expect(plan.json().themes).toEqual({ 2: '习惯养成教育月', 3: '学雷锋活动月', 4: '传统美德教育月', 5: '学校安全教育月', 6: '总结实践月' });
    const item = plan.json().items.find((i: { title: string }) => i.title === '学雷锋活动月的启动和组织');
    expect((await secretary.patch(`/api/league/plan/items/${item.id}`, { state: 'done', version: item.version })).json().details[0].field).toBe('doneOn');
    expect((await secretary.patch(`/api/league/plan/items/${item.id}`, { state: 'done', doneOn: '2026-03-05', version: item.version })).json().state).toBe(
      'done',
    );
    expect((await secretary.post('/api/league/plan', { schoolYear: '2025-2026', term: 2, title: 'x', useTemplate: false })).statusCode).toBe(409);
    expect((await outsider.patch(`/api/league/plan/items/${item.id}`, { state: 'dropped', version: 2 })).statusCode).toBe(404);
  });

  it('YL-3 Monday flag-raisings carry the week’s themes; blackboard checks every two weeks against published criteria', async () => {
    expect((await secretary.put('/api/league/flag-raisings', { weekStart: '2026-03-03', theme: '学雷锋' })).json().details[0].field).toBe('weekStart');
    expect(
      (
        await secretary.put('/api/league/flag-raisings', {
          weekStart: '2026-03-02',
          theme: '学雷锋，树新风',
          classMeetingTheme: '我身边的雷锋',
          blackboardTheme: '学雷锋',
        })
      ).statusCode,
    ).toBe(200);
    const weeks = (await reader.get('/api/league/flag-raisings?schoolYear=2025-2026&term=2')).json();
    expect(weeks.missing).toEqual(['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-09']);
    const checks = (
      await secretary.post('/api/league/blackboard/schedule', { firstCheckOn: '2026-03-06', to: '2026-04-10', themes: ['学雷锋', '传统美德'] })
    ).json();
    expect(checks.map((c: { checkOn: string; theme: string }) => `${c.checkOn} ${c.theme}`)).toEqual([
      '2026-03-06 学雷锋',
      '2026-03-20 传统美德',
      '2026-04-03 学雷锋',
    ]);
    const criteria = checks[0].criteria as { item: string; points: number }[];
    const over = Object.fromEntries(criteria.map((c) => [c.item, c.points + 1]));
    expect((await secretary.post(`/api/league/blackboard/${checks[0].id}/scores`, { branchId, scores: over })).json().details[0].field).toBe('scores');
    const ok = Object.fromEntries(criteria.map((c) => [c.item, c.points - 1]));
    expect((await secretary.post(`/api/league/blackboard/${checks[0].id}/scores`, { branchId, scores: ok })).json().total).toBe(96);
    const results = (await reader.get('/api/league/blackboard?schoolYear=2025-2026&term=2')).json();
    expect(results[0].results[0]).toMatchObject({ branchName: '九年级一班团支部', total: 96 });
  });
});
