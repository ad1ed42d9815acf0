import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { switchLanguage } from './journey-helpers';

// Issue 15 item 3: each role's home says what to do next — due work, late items, the next
// deadline and a card per module the person has — at desktop and phone size.

async function homeReady(page: Page): Promise<void> {
  await page.getByRole('heading', { name: /工作台|Home/ }).waitFor();
  await page.getByTestId('home-tasks').or(page.locator('.ant-empty-description')).first().waitFor();
}

/** Every link a home card offers leads to a page that exists (not the 404 page). */
async function cardLinksResolve(page: Page, module: string): Promise<string[]> {
  const hrefs = await page
    .getByTestId(`home-card-${module}`)
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const missing: string[] = [];
  for (const href of [...new Set(hrefs)]) {
    await page.goto(href);
    await page.getByRole('heading').first().waitFor();
    if ((await page.getByText('页面不存在').count()) > 0) missing.push(href);
  }
  return missing;
}

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

describe('home pages by role (issue 15 item 3)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  /** Signed in at 1440 × 900 (or on a phone) and on the home page. */
  const openHome = async (username: string, phone = false): Promise<Page> => {
    const page = await e2e.newPage({ phone });
    if (!phone) await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, username);
    await homeReady(page);
    return page;
  };

  it('issue 15.3 the administrator’s home shows who is set up and the set-up work, not three zeros (desktop)', async () => {
    const page = await openHome('plant.admin');
    const admin = page.getByTestId('home-card-admin');
    await admin.waitFor();
    expect(await admin.innerText()).toMatch(/在用账号\s*1\d/);
    expect(await admin.innerText()).toContain('未分配角色');
    // The admin also reads production: that module's card is there too.
    await page.getByTestId('home-card-production').waitFor();
    await admin.getByRole('link', { name: '进入' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/people');
  });

  it('issue 15.3 the production head sees this and next month’s plan in words and late items first, and the English switch relabels them', async () => {
    const page = await openHome('plant.head');
    const production = page.getByTestId('home-card-production');
    expect(await production.innerText()).toMatch(/\d+月计划/);
    expect(await production.innerText()).toContain('待汇审订单');
    const rows = page.getByTestId('home-tasks').locator('.ant-list-item');
    expect(await rows.count()).toBeGreaterThan(0);
    const texts = await rows.allInnerTexts();
    const firstOnTime = texts.findIndex((x) => !x.includes('逾期'));
    const lastLate = texts.map((x) => x.includes('逾期')).lastIndexOf(true);
    if (lastLate >= 0 && firstOnTime >= 0) expect(lastLate).toBeLessThan(firstOnTime);
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    expect(await page.getByTestId('home-card-production').innerText()).toContain('Orders to review');
    await switchLanguage(page, 'zh-CN');
    // Every figure of the card opens a page that exists.
    expect(await cardLinksResolve(page, 'production')).toEqual([]);
  });

  it('issue 15.3 a teacher on a phone lands on the home (not sent away) with credits, absences against the limit and own work, without sideways scrolling', async () => {
    const phone = await openHome('school.t1', true);
    expect(new URL(phone.url()).pathname).toBe('/');
    const training = phone.getByTestId('home-card-training');
    expect(await training.innerText()).toMatch(/本学年学分[\s\S]*\/ \d+/);
    expect(await training.innerText()).toMatch(/无故缺席[\s\S]*\/ \d+/);
    expect(await phone.getByTestId('home-card-league').count()).toBe(0);
    expect(await scrollsSideways(phone)).toBe(false);
  });

  it('issue 15.3 the League secretary’s phone home lists the members not registered and shows the League card beside their own training', async () => {
    const phone = await openHome('school.league', true);
    await phone.getByTestId('home-card-league').waitFor();
    await phone.getByTestId('home-card-training').waitFor();
    expect(await phone.getByTestId('home-card-league').innerText()).toContain('本学期未注册');
    const registration = phone.getByTestId('home-tasks').getByRole('link', { name: /名团员本学期未注册/ });
    await registration.click();
    await phone.waitForURL((u) => u.pathname === '/league/members');
    expect(await scrollsSideways(phone)).toBe(false);
  });

  it('issue 15.3 every link on the admin’s, the office’s, a teacher’s and the League secretary’s cards opens a page that exists', async () => {
    for (const [username, modules] of [
      ['plant.admin', ['admin']],
      ['school.office', ['training']],
      ['school.t1', ['training']],
      ['school.league', ['league']],
    ] as const) {
      for (const module of modules) {
        const page = await openHome(username);
        expect({ username, missing: await cardLinksResolve(page, module) }).toEqual({ username, missing: [] });
        await page.context().close();
      }
    }
  });
});
