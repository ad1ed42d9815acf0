import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { switchLanguage } from './journey-helpers';

/** A dotted lowercase code such as production.order.review or training.read. */
const DOTTED_CODE = /\b[a-z]+(?:\.[a-z-]+){1,3}\b/g;
/** A requirement id from REQUIREMENTS.md: PP-11, ST-6, LG-2, CORE-7. */
const REQUIREMENT_ID = /\b(?:PP|ST|LG|CORE)-\d+\b/g;
/** Not codes: sign-in names people type (plant.head), file names people download (计划.xlsx), web addresses. */
const NOT_A_CODE = [/^(?:plant|school)\.[a-z0-9]+$/, /\.(?:xlsx|xls|csv|pdf|docx?|png|jpe?g|txt|zip)$/, /^(?:www|localhost|example)\./];

function codesIn(text: string): string[] {
  const withoutAddresses = text.replace(/https?:\/\/\S+/g, ' ').replace(/\S+@\S+/g, ' ');
  const dotted = [...withoutAddresses.matchAll(DOTTED_CODE)].map((m) => m[0]).filter((c) => !NOT_A_CODE.some((re) => re.test(c)));
  const ids = [...withoutAddresses.matchAll(REQUIREMENT_ID)].map((m) => m[0]);
  return [...new Set([...dotted, ...ids])];
}

/** Opens a page, lets its lists load, and returns the codes its body text shows. */
async function codesOnPage(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await settle(page);
  return codesIn(await page.locator('body').innerText());
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0, undefined, { timeout: 10_000 })
    .catch(() => undefined);
}

async function sweep(page: Page, paths: string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    const codes = await codesOnPage(page, path);
    if (codes.length) found[path] = codes;
  }
  return found;
}

const COMMON = ['/', '/inbox', '/notifications', '/deadlines'];

describe('issue 15 item 1: no internal codes or requirement ids on the main pages', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 15 item 1: the plant admin sees words on home, inbox, notifications, the audit log (with an opened old → new) and the findings with an opened finding, in Chinese and English', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'plant.admin');
    const found = await sweep(page, [...COMMON, '/admin/audit', '/assessment', '/admin/policy']);

    await page.goto('/admin/audit');
    await page.locator('tr.ant-table-row').first().waitFor();
    const expand = page.locator('tr.ant-table-row .ant-table-row-expand-icon:not(.ant-table-row-expand-icon-spaced)').first();
    if ((await expand.count()) > 0) await expand.click();
    const audit = codesIn(await page.locator('body').innerText());
    if (audit.length) found['/admin/audit (expanded)'] = audit;

    await page.goto('/assessment');
    await page.locator('tr.ant-table-row').first().waitFor();
    await page.locator('tr.ant-table-row').first().click();
    await page.locator('.ant-drawer-body').waitFor();
    await settle(page);
    const drawer = codesIn(await page.locator('.ant-drawer-content').innerText());
    if (drawer.length) found['/assessment (finding drawer)'] = drawer;

    await page.goto('/inbox');
    await settle(page);
    await switchLanguage(page, 'en');
    const english = await sweep(page, ['/inbox', '/notifications', '/admin/audit', '/assessment']);
    for (const [path, codes] of Object.entries(english)) found[`${path} (en)`] = codes;
    expect(found).toEqual({});
  });

  it('issue 15 item 1: the planner and the workshop head see words on their inbox (production.request, production.order.review …) and the production plan pages', async () => {
    const found: Record<string, string[]> = {};
    for (const username of ['plant.planner', 'plant.head']) {
      const page = await e2e.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      await login(page, username);
      const pages = await sweep(page, [...COMMON, '/production', '/production/plans', '/production/requests']);
      await page.goto('/production/plans');
      const firstPlan = page.locator('tr.ant-table-row a').first();
      if (await firstPlan.count()) {
        await firstPlan.click();
        await settle(page);
        const plan = codesIn(await page.locator('body').innerText());
        if (plan.length) pages[`${page.url()} (plan)`] = plan;
      }
      for (const [path, codes] of Object.entries(pages)) found[`${username} ${path}`] = codes;
      await page.context().close();
    }
    expect(found).toEqual({});
  });

  it('issue 15 item 1: the training office and a teacher see words on their inbox (training.leave.pending) and the training pages', async () => {
    const found: Record<string, string[]> = {};
    const routes: Record<string, string[]> = {
      'school.office': [
        ...COMMON,
        '/training/dashboard',
        '/training/plans',
        '/training/sessions',
        '/training/leave',
        '/training/credits',
        '/training/assessment',
      ],
      'school.t2': [...COMMON, '/training/my', '/training/my/work', '/training/sessions', '/training/leave'],
    };
    for (const [username, paths] of Object.entries(routes)) {
      const page = await e2e.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      await login(page, username);
      for (const [path, codes] of Object.entries(await sweep(page, paths))) found[`${username} ${path}`] = codes;
      await page.context().close();
    }
    expect(found).toEqual({});
  });

  it('issue 15 item 1: a refusal names the permission in words, not its code', async () => {
    const page = await e2e.newPage();
    await login(page, 'school.t2');
    const answer = await page.evaluate(async () => {
      const res = await fetch('/api/audit');
      return { status: res.status, body: (await res.json()) as { message?: string } };
    });
    expect(answer.status).toBe(403);
    expect(answer.body.message).toMatch(/^没有权限/);
    expect(codesIn(answer.body.message ?? '')).toEqual([]);
  });
});
