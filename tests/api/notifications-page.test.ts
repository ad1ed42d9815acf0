import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NotificationPage, notifyUsers } from '#core/notify';
import { DEMO_PASSWORD, seedDemo } from '#server';
import { type Client, signIn, startTestApp, type TestApp } from '../support';

// Issue 15 item 4: the notification list stopped at 100; GET /notifications/page pages past it
// and searches the words people read.
const NOW = '2026-11-17T02:00:00Z';

describe('issue 15 item 4: notifications page past 100 and search', () => {
  let t: TestApp;
  let me: Client;
  let before = 0;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date(NOW));
    me = await signIn(t.app, 'plant.admin', DEMO_PASSWORD);
    const who = (await me.get('/api/auth/me')).json() as { userId: string; orgId: string };
    before = ((await me.get('/api/notifications/page?limit=1')).json() as NotificationPage).total;
    for (let i = 1; i <= 130; i++) {
      const odd = i % 2 === 1;
      await notifyUsers(t.ctx.db, who.orgId, [who.userId], {
        kind: 'test.bulk',
        title: { zh: `${odd ? '设备点检提醒' : '培训签到提醒'} 第${i}条`, en: `${odd ? 'Equipment check' : 'Training sign-in'} no. ${i}` },
      });
    }
  }, 600_000);
  afterAll(() => t.close());

  const page = async (query: string): Promise<NotificationPage> => {
    const res = await me.get(`/api/notifications/page?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as NotificationPage;
  };

  it('issue 15 item 4: more than 100 notifications — the total counts all, page 2 and the last page are reachable, pages do not overlap', async () => {
    const first = await page('offset=0&limit=100');
    expect(first.total).toBe(before + 130);
    expect(first.items).toHaveLength(100);
    const second = await page('offset=100&limit=100');
    expect(second.total).toBe(before + 130);
    expect(second.items).toHaveLength(before + 30);
    const ids = new Set(first.items.map((n) => n.id));
    expect(second.items.some((n) => ids.has(n.id))).toBe(false);
    // The old list still stops at 100; the page reaches the rest.
    const old = (await me.get('/api/notifications')).json() as unknown[];
    expect(old).toHaveLength(100);
    const all = [...first.items, ...second.items].filter((n) => n.kind === 'test.bulk');
    expect(all).toHaveLength(130);
  });

  it('issue 15 item 4: search filters by the title in Chinese or English, and pages within the result', async () => {
    const zh = await page('q=设备点检&limit=20');
    expect(zh.total).toBe(65);
    expect(zh.items).toHaveLength(20);
    expect(zh.items.every((n) => n.titleZh.includes('设备点检'))).toBe(true);
    const last = await page('q=设备点检&offset=60&limit=20');
    expect(last.items).toHaveLength(5);
    const en = await page(`q=${encodeURIComponent('training sign-in')}`);
    expect(en.total).toBe(65);
    expect(en.items.every((n) => n.titleEn.startsWith('Training sign-in'))).toBe(true);
    const one = await page(`q=${encodeURIComponent('第101条')}`);
    expect(one.total).toBe(1);
    expect((await page('q=%25%25')).total).toBe(0);
  });

  it('issue 15 item 4: a bad page request is refused; a person sees only their own notifications', async () => {
    expect((await me.get('/api/notifications/page?limit=1000')).statusCode).toBe(400);
    expect((await me.get('/api/notifications/page?offset=-1')).statusCode).toBe(400);
    const other = await signIn(t.app, 'plant.head', DEMO_PASSWORD);
    const theirs = (await other.get(`/api/notifications/page?q=${encodeURIComponent('第101条')}`)).json() as NotificationPage;
    expect(theirs.total).toBe(0);
    const all = (await other.get('/api/notifications/page?limit=100')).json() as NotificationPage;
    expect(all.items.some((n) => n.kind === 'test.bulk')).toBe(false);
  });
});
