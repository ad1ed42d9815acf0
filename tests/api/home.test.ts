import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeView } from '#core/home';
import { DEMO_PASSWORD, seedDemo } from '#server';
import { type Client, signIn, startTestApp, type TestApp } from '../support';

// Issue 15 item 3: each role's home lists its due work, late items and the next deadline,
// from every module it has — the admin's is not three zeros, the League secretary's is not empty.
const NOW = '2026-11-17T02:00:00Z'; // a Tuesday, 10:00 in Shanghai

describe('issue 15 item 3: the home page of each role says what to do next', () => {
  let t: TestApp;
  const clients = new Map<string, Client>();
  const client = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await signIn(t.app, username, DEMO_PASSWORD));
    return clients.get(username)!;
  };
  const homeOf = async (username: string): Promise<HomeView> => {
    const res = await (await client(username)).get('/api/home');
    expect(res.statusCode).toBe(200);
    return res.json() as HomeView;
  };
  const cardOf = (home: HomeView, module: string) => home.cards.find((c) => c.module === module);
  const figureOf = (home: HomeView, module: string, label: string) => cardOf(home, module)?.figures.find((f) => f.label.zh === label);

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date(NOW));
  }, 600_000);
  afterAll(() => t.close());

  it('issue 15.3 the admin sees who is not set up and, in November, next year’s holidays to import', async () => {
    const before = await homeOf('plant.admin');
    expect(figureOf(before, 'admin', '在用账号')?.value).toBeGreaterThan(10);
    expect(figureOf(before, 'admin', '未分配角色')?.value).toBe(0);
    const holidays = before.tasks.find((x) => x.link === '/admin/calendar');
    expect(holidays?.title.zh).toContain('导入 2027 年法定节假日');
    expect(holidays?.tag.zh).toBe('系统设置');

    const admin = await client('plant.admin');
    const created = await admin.post('/api/org/people', { username: 'plant.new', displayName: '新同事', password: 'Xinren2026!', roles: [] });
    expect(created.statusCode).toBe(201);
    const after = await homeOf('plant.admin');
    expect(figureOf(after, 'admin', '未分配角色')).toMatchObject({ value: 1, tone: 'warning' });
    expect(after.tasks.map((x) => x.title.zh)).toContain('1 个账号未分配角色，登录后什么也做不了');

    const imported = await admin.post('/api/calendar/national-holidays/import', { year: 2027 });
    expect(imported.statusCode).toBeLessThan(300);
    expect((await homeOf('plant.admin')).tasks.some((x) => x.link === '/admin/calendar')).toBe(false);
  });

  it('issue 15.3 the production head sees this and next month’s plan in words, orders to review and late items first', async () => {
    const home = await homeOf('plant.head');
    const nov = figureOf(home, 'production', '11月计划');
    const dec = figureOf(home, 'production', '12月计划');
    expect(typeof nov?.value).toBe('object');
    expect(typeof dec?.value).toBe('object');
    expect(figureOf(home, 'production', '待汇审订单')?.value).toBeGreaterThanOrEqual(0);
    // Late first, then by due date.
    const lateFlags = home.tasks.map((x) => x.isLate);
    expect(lateFlags).toEqual([...lateFlags].sort((a, b) => Number(b) - Number(a)));
    expect(home.counts.late).toBe(lateFlags.filter(Boolean).length);
    expect(home.counts.waiting).toBe(home.tasks.length);
    if (home.nextDeadline) expect(new Date(home.nextDeadline.due).getTime()).toBeGreaterThanOrEqual(new Date(NOW).getTime());
    // No module the plant does not have, and no code as a tag.
    expect(cardOf(home, 'training')).toBeUndefined();
    for (const x of home.tasks) expect(x.tag.zh).not.toMatch(/^[a-z]+\.[a-z.-]+$/);
  });

  it('issue 15.3 a teacher lands on a home with credits and absences against the limit and their own work, no League card', async () => {
    const home = await homeOf('school.t1');
    const credits = figureOf(home, 'training', '本学年学分');
    expect(credits?.suffix).toMatch(/^\/ \d+$/);
    expect(figureOf(home, 'training', '无故缺席')?.suffix).toMatch(/^\/ \d+$/);
    expect(home.tasks.some((x) => x.title.zh.startsWith('提交作业：'))).toBe(true);
    expect(cardOf(home, 'league')).toBeUndefined();
    expect(cardOf(home, 'production')).toBeUndefined();
  });

  it('issue 15.3 the League secretary sees the week’s missing flag-raising theme (late after Monday) and the members not registered', async () => {
    await t.database.query(`delete from league_flag_raisings where week_start = '2026-11-16'`);
    const home = await homeOf('school.league');
    const theme = home.tasks.find((x) => x.link === '/league/weekly');
    expect(theme).toMatchObject({ isLate: true, due: '2026-11-16' });
    expect(theme?.title.zh).toBe('本周升旗仪式的主题未定');
    expect(figureOf(home, 'league', '本周升旗主题')).toMatchObject({ value: { zh: '未定', en: 'Not set' }, tone: 'warning' });
    const unregistered = figureOf(home, 'league', '本学期未注册')?.value as number;
    expect(unregistered).toBeGreaterThan(0);
    expect(home.tasks.map((x) => x.title.zh)).toContain(`${unregistered} 名团员本学期未注册`);
    // The secretary teaches too: the training card is there as well.
    expect(cardOf(home, 'training')?.title.zh).toBe('我的培训');

    const saved = await (await client('school.league')).put('/api/league/flag-raisings', { weekStart: '2026-11-16', theme: '珍爱生命' });
    expect(saved.statusCode).toBe(200);
    const after = await homeOf('school.league');
    expect(after.tasks.some((x) => x.link === '/league/weekly')).toBe(false);
    expect(figureOf(after, 'league', '本周升旗主题')?.value).toEqual({ zh: '珍爱生命', en: '珍爱生命' });
  });

  it('issue 15.3 the teaching-affairs office sees leave and credit claims waiting, with the leave requests in the list', async () => {
    const home = await homeOf('school.office');
    expect(cardOf(home, 'training')?.title.zh).toBe('校本培训');
    const leave = figureOf(home, 'training', '待批请假')?.value as number;
    expect(home.tasks.filter((x) => x.tag.zh === '请假待批').length).toBe(leave);
  });
});
