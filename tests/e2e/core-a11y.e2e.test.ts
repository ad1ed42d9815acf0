import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePage, type E2E, login, startE2E } from './harness';
import { switchLanguage } from './journey-helpers';

// Issue 15 item 7: accessibility. One h1 and a skip link on every page, <html lang> follows the
// language switch, every form control people meet (role grid, League switches, list filters) has
// an accessible name, and inbox / notification rows are reached and opened with the keyboard.

/** The form controls on the page that have no accessible name (described so a failure says which). */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = (el: Element | null) => (el?.textContent ?? '').trim();
    const nameOf = (el: HTMLElement): string => {
      const label = el.getAttribute('aria-label')?.trim();
      if (label) return label;
      const by = el.getAttribute('aria-labelledby');
      if (by) {
        const s = by
          .split(/\s+/)
          .map((id) => text(document.getElementById(id)))
          .join(' ')
          .trim();
        if (s) return s;
      }
      if (el.id) {
        const l = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
        if (text(l)) return text(l);
      }
      const wrap = el.closest('label');
      if (wrap && text(wrap)) return text(wrap);
      // A switch or button names itself by its own text.
      if ((el.getAttribute('role') === 'switch' || el.tagName === 'BUTTON') && text(el)) return text(el);
      return el.getAttribute('title')?.trim() ?? '';
    };
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>(
        '#zd-main input:not([type="hidden"]), #zd-main textarea, #zd-main select, #zd-main [role="switch"], #zd-main [role="combobox"]',
      ),
    ).filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]'));
    return controls
      .filter((el) => !nameOf(el))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}[type=${el.getAttribute('type') ?? ''}][role=${el.getAttribute('role') ?? ''}] in ${el.closest('.ant-form-item, .ant-space-item, .ant-col, td, .ant-card-head, .zd-page-head')?.outerHTML.slice(0, 200) ?? ''}`,
      );
  });
}

async function h1Texts(page: Page): Promise<string[]> {
  return page.locator('h1').allInnerTexts();
}

/** Opens a page and waits for its title (the one h1) and its controls to render. */
async function open(page: Page, path: string, ready: string | RegExp): Promise<void> {
  await page.goto(path);
  await page.getByTestId('user-menu').waitFor();
  await page.getByText(ready).first().waitFor();
  await expect.poll(() => h1Texts(page), { message: `${path}: ${await describePage(page)}` }).toHaveLength(1);
}

describe('accessibility of the shell and the core pages (issue 15 item 7)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 15 item 7: each page has one h1 and a skip link that moves focus to the content; <html lang> follows the switch', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.admin');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    for (const [path, ready] of [
      ['/', '工作台'],
      ['/admin/roles', '角色与权限'],
      ['/admin/audit', '操作人'],
      ['/inbox', '我的待办'],
    ] as const) {
      await open(page, path, ready);
      // The first Tab from the top of the page reaches the skip link; Enter moves focus into the content.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent), path).toBe('跳到正文');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).left), 'the skip link shows when focused').not.toBe('-9999px');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { message: path }).toBe('zd-main');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    }

    await switchLanguage(page, 'en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await h1Texts(page)).toEqual(['My inbox']);
    await switchLanguage(page, 'zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.close();
  });

  it('issue 15 item 7: role-grid checkboxes, League switches and list filters have accessible names, for each role', async () => {
    const cases: { user: string; pages: [string, string | RegExp][] }[] = [
      {
        user: 'plant.admin',
        pages: [
          ['/admin/roles', '角色与权限'],
          ['/admin/audit', '操作人'],
          ['/admin/people', '人员'],
        ],
      },
      {
        user: 'plant.vp',
        pages: [
          ['/assessment', '考核结果'],
          ['/documents', '文件'],
          ['/production/orders', '订单'],
          ['/production/exceptions', '异常'],
          ['/production/requisitions', '领料'],
          ['/production/warehouse/documents', '单据'],
        ],
      },
      {
        user: 'school.t1',
        pages: [
          ['/training/my', '培训'],
          ['/training/sessions', '培训'],
        ],
      },
      {
        user: 'school.league',
        pages: [
          ['/league/plan', '团委工作计划'],
          ['/league/members', '团员名册'],
        ],
      },
    ];
    for (const c of cases) {
      const page = await e2e.newPage();
      await login(page, c.user);
      for (const [path, ready] of c.pages) {
        await open(page, path, ready);
        // Lists load after the title: wait until the page stops loading before reading its controls.
        await expect.poll(() => page.locator('#zd-main .ant-spin-spinning').count(), { message: path }).toBe(0);
        expect(await unnamedControls(page), `${c.user} ${path}`).toEqual([]);
      }
      await page.close();
    }

    // The role grid names each box by role and permission; the League plan's switches name their item.
    const admin = await e2e.newPage();
    await login(admin, 'plant.admin');
    await open(admin, '/admin/roles', '角色与权限');
    const boxes = admin.locator('#zd-main input[type="checkbox"]');
    await expect.poll(() => boxes.count()).toBeGreaterThan(10);
    const names = await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(names.every((n) => / – /.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    await admin.close();

    const league = await e2e.newPage();
    await login(league, 'school.league');
    await open(league, '/league/plan', '团委工作计划');
    const switches = league.getByRole('switch');
    await expect.poll(() => switches.count(), { message: 'the demo plan has items to mark done' }).toBeGreaterThan(0);
    const labels = await switches.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(
      labels.every((l) => l.startsWith('已完成：') && l.length > 4),
      labels.join(' | '),
    ).toBe(true);
    await league.close();
  });

  it('issue 15 item 7: inbox and notification rows are reached with Tab and opened with Enter', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.vp');

    await open(page, '/notifications', '通知中心');
    const links = page.getByTestId('notification-link');
    await links.first().waitFor();
    const href = await links.first().getAttribute('href');
    // From the button before the list, Tab walks onto the rows: no mouse needed.
    await page.getByRole('button', { name: /全部标为已读/ }).focus();
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'notification-link');
    }
    expect(reached, await describePage(page)).toBe(true);
    const target = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(target).toBeTruthy();
    expect(href).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => `${u.pathname}${u.search}` === target);

    await open(page, '/inbox', '我的待办');
    const rows = page.getByTestId('inbox-link');
    if ((await page.getByTestId('inbox-item').count()) === 0)
      await rows
        .first()
        .waitFor({ timeout: 5000 })
        .catch(() => undefined);
    expect(await rows.count(), `the demo VP has work waiting: ${await describePage(page)}`).toBeGreaterThan(0);
    // From the refresh button, Tab passes the list's search box and lands on the first row.
    await page.getByRole('button', { name: /刷\s*新/ }).focus();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'inbox-link')) break;
    }
    const inboxTarget = await page.evaluate(() =>
      document.activeElement?.getAttribute('data-testid') === 'inbox-link' ? document.activeElement.getAttribute('href') : null,
    );
    expect(inboxTarget, await describePage(page)).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => `${u.pathname}${u.search}` === inboxTarget);
    await page.close();
  });
});
