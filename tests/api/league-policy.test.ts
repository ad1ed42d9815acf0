import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp, type Client } from '../support';

// Issue 13 item 13: the League rules are policy fields; a school that edits them gets its own behaviour.
describe('issue 13 item 13: League rules follow the policy', () => {
  let t: TestApp;
  let secretary: Client;
  let admin: Client;
  let branchId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-04-08T02:00:00Z' });
    const { org } = await newOrg(t.ctx.db, { kind: 'school' });
    const [s, a] = await Promise.all([newPerson(t.ctx.db, org.id, ['league.read', 'league.manage']), newPerson(t.ctx.db, org.id, ['admin.policy'])]);
    [secretary, admin] = await Promise.all([signIn(t.app, s.username, TEST_PASSWORD), signIn(t.app, a.username, TEST_PASSWORD)]);
    branchId = (await secretary.post('/api/league/branches', { name: '八年级一班团支部', grade: 8 })).json().id;
  });
  afterAll(() => t.close());

  it('issue 13 item 13: the default policy keeps S5 (grade 9 from May, Mondays, every 14 days, five themed months)', async () => {
    const view = (await admin.get('/api/policy')).json();
    expect(view.values.league).toMatchObject({ graduatingGrade: 9, transferOutMonth: 5, blackboardEveryDays: 14, flagRaisingWeekday: 1 });
    expect((await secretary.get('/api/league/plan/template')).json()).toHaveLength(5);
    const flags = (await secretary.get('/api/league/flag-raisings?schoolYear=2025-2026&term=2')).json();
    expect(flags.weeks.every((w: { weekStart: string }) => new Date(`${w.weekStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('issue 13 item 13: grade 8 from April, flag-raising on Fridays, weekly blackboard checks and the school’s own themed months', async () => {
    const view = (await admin.get('/api/policy')).json();
    const league = {
      graduatingGrade: 8,
      transferOutMonth: 4,
      blackboardEveryDays: 7,
      flagRaisingWeekday: 5,
      themedMonths: [{ month: 3, theme: '植树护绿月', activities: ['植树节志愿活动', '护绿宣传'] }],
    };
    const saved = await admin.put('/api/policy', { baseVersion: view.version, values: { league }, reason: '本校团委工作安排' });
    expect(saved.statusCode).toBe(200);

    await secretary.post('/api/league/members', { branchId, studentNo: 'G8-1', name: '赵一鸣', status: 'member', joinedOn: '2025-05-04' });
    expect((await secretary.get('/api/league/members/tasks')).json().transferOutDue.map((m: { name: string }) => m.name)).toEqual(['赵一鸣']);

    const flags = (await secretary.get('/api/league/flag-raisings?schoolYear=2025-2026&term=2')).json();
    expect(flags.weekday).toBe(5);
    expect(flags.weeks.length).toBeGreaterThan(10);
    expect(flags.weeks.every((w: { weekStart: string }) => new Date(`${w.weekStart}T00:00:00Z`).getUTCDay() === 5)).toBe(true);
    expect((await secretary.put('/api/league/flag-raisings', { weekStart: '2026-04-06', theme: '周一不再升旗' })).statusCode).toBe(400);
    expect((await secretary.put('/api/league/flag-raisings', { weekStart: '2026-04-10', theme: '清明缅怀先烈' })).statusCode).toBe(200);

    const checks = (await secretary.post('/api/league/blackboard/schedule', { firstCheckOn: '2026-04-10', to: '2026-05-01', themes: ['春季安全'] })).json();
    expect(checks.map((c: { checkOn: string }) => c.checkOn)).toEqual(['2026-04-10', '2026-04-17', '2026-04-24', '2026-05-01']);

    const plan = (await secretary.post('/api/league/plan', { schoolYear: '2025-2026', term: 2, title: '第二学期团委工作计划', useTemplate: true })).json();
    expect(plan.items.map((i: { month: number; theme: string; title: string }) => [i.month, i.theme, i.title])).toEqual([
      [3, '植树护绿月', '植树节志愿活动'],
      [3, '植树护绿月', '护绿宣传'],
    ]);
  });
});
