import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePage, type E2E, login, startE2E } from './harness';
import { apiAs, switchLanguage, waitForText } from './journey-helpers';

// Issue 15 items 2, 7 (html lang, one h1, skip link), 8 and 9: the shell around every page.

async function signInOnForm(page: Page, username: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('zhidu2026');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('user-menu').waitFor();
}

async function h1Texts(page: Page): Promise<string[]> {
  return page.locator('h1').allInnerTexts();
}

describe('the app shell: sessions, missing pages, permissions, the server away, time zones (issue 15)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 15.2 a deep link opened while signed out leads to sign-in and then to the page asked for (phone)', async () => {
    const page = await e2e.newPage({ phone: true });
    await page.goto('/meetings?scope=all');
    await page.locator('#username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/meetings?scope=all');
    await signInOnForm(page, 'plant.vp');
    await page.waitForURL((u) => u.pathname === '/meetings');
    expect(new URL(page.url()).search).toBe('?scope=all');
    // A next that leaves the app is ignored.
    await page.context().clearCookies();
    await page.goto('/login?next=//evil.example/x');
    await signInOnForm(page, 'plant.vp');
    await page.waitForURL((u) => u.pathname === '/');
  });

  it('issue 15.2 an ended session sends the next request to sign-in, and signing in returns to that page', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.vp');
    await page.goto('/notifications');
    await page.getByTestId('user-menu').waitFor();
    // The session ends on the server (signed out elsewhere, expired): the cookie no longer works.
    await page.context().clearCookies();
    await page.goto('/meetings');
    await page.locator('#username').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/meetings');
    await signInOnForm(page, 'plant.vp');
    await page.waitForURL((u) => u.pathname === '/meetings');

    // Within the running app (no reload): the first 401 drops the shell instead of 请先登录 over empty tables.
    await page.context().clearCookies();
    // A poll of the page may meet the ended session before the click does: then the bell is already gone.
    await page
      .getByTestId('notification-bell')
      .click({ timeout: 5000 })
      .catch(async (e: unknown) => {
        if ((await page.locator('#username').count()) === 0) throw e;
      });
    await page.locator('#username').waitFor();
    expect(await page.getByText('请先登录').count()).toBe(0);
    // Whichever request met the ended session first (the bell's page, or a poll of the page before).
    const next = new URL(page.url()).searchParams.get('next');
    expect(['/notifications', '/meetings']).toContain(next);
    await signInOnForm(page, 'plant.vp');
    await page.waitForURL((u) => u.pathname === next);
  });

  it('issue 15.9 / 15.7 a 404 offers the way home, an operator gets 无权限 on an admin page, there is a favicon, one h1, a skip link and <html lang> follows the switch', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.operator');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await page.goto('/no-such-page');
    await waitForText(page, '页面不存在');
    expect(await h1Texts(page)).toEqual(['页面不存在']);
    await page.getByRole('button', { name: '回到工作台' }).click();
    await page.waitForURL((u) => u.pathname === '/');

    await page.goto('/admin/people');
    await waitForText(page, '无权限');
    expect(await h1Texts(page)).toEqual(['无权限']);
    expect(await page.getByRole('button', { name: /新增/ }).count(), await describePage(page)).toBe(0);

    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBe('/favicon.svg');
    const res = await page.request.get(icon!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('svg');

    // Every page has its own title as the one h1, and a skip link to the content.
    await page.goto('/notifications');
    await page.getByTestId('user-menu').waitFor();
    await expect.poll(() => h1Texts(page)).toHaveLength(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');

    await switchLanguage(page, 'en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await switchLanguage(page, 'zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('issue 15.9 with the server unreachable the lists say so (not 暂无数据), the bell keeps its count, and a retry brings the page back', async () => {
    const page = await e2e.newPage({ phone: true });
    await login(page, 'plant.vp');
    await page.goto('/notifications');
    await page.getByTestId('user-menu').waitFor();
    const badge = page.getByTestId('notification-badge').locator('.ant-scroll-number');
    const shown = async () => ((await badge.count()) ? await badge.getAttribute('title') : null);
    // The demo VP has unread notifications: wait for the bell's first count.
    await expect.poll(shown, { timeout: 10_000 }).not.toBeNull();
    const before = await shown();

    await page.route('**/api/**', (r) => r.abort('internetdisconnected'));
    // Moving within the app (no reload): the next page's list cannot load.
    await page.evaluate(() => {
      window.history.pushState({}, '', '/inbox');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByTestId('offline-banner').waitFor();
    // The list that matters is the next page's: wait until the notifications page has left.
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '我的待办' }).waitFor();
    await page.getByTestId('notifications-list').waitFor({ state: 'detached' });
    expect(await page.getByText('暂无数据').count()).toBe(0);
    expect(await shown()).toBe(before);

    await page.unroute('**/api/**');
    await page
      .getByTestId('offline-banner')
      .getByRole('button', { name: /重\s*试/ })
      .click();
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });

    // Opening the app while the server is away: a page that says so, and a retry.
    await page.route('**/api/**', (r) => r.abort('internetdisconnected'));
    await page.reload();
    await waitForText(page, '无法连接服务器');
    expect(await page.locator('#username').count()).toBe(0);
    await page.unroute('**/api/**');
    await page.getByRole('button', { name: /重\s*试/ }).click();
    await page.getByTestId('user-menu').waitFor();
  });

  it('issue 15.8 a browser set to UTC shows meeting times in the organisation’s zone (Asia/Shanghai), on the list and the meeting page', async () => {
    const vp = await apiAs(e2e, 'plant.vp');
    const meetings = await vp.get<{ id: string; startsAt: string }[]>(`/meetings?scope=all&from=${encodeURIComponent(new Date().toISOString())}`);
    await vp.close();
    const m = meetings[0];
    expect(m, 'the demo plant has an upcoming meeting').toBeDefined();
    // The organisation's wall clock (UTC+8, the demo's policy).
    const org = new Date(new Date(m.startsAt).getTime() + 480 * 60_000).toISOString();
    const orgHm = org.slice(11, 16);
    const utcHm = m.startsAt.slice(11, 16);
    expect(orgHm).not.toBe(utcHm);

    const page = await e2e.newPage({ timezoneId: 'UTC' });
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
    await login(page, 'plant.vp');
    await page.goto(`/meetings/${m.id}`);
    await waitForText(page, new RegExp(`${org.slice(0, 10)} .* ${orgHm}`));
    expect(await page.locator('body').innerText()).not.toContain(`${org.slice(0, 10)} ${utcHm}`);
  });
});
