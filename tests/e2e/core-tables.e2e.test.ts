import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';

/** The texts of one column of the first table on the page, in the order shown. */
async function columnTexts(page: Page, testId: string, index: number): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('tbody tr.ant-table-row')
    .evaluateAll((rows, i) => rows.map((r) => (r.querySelectorAll('td')[i] as HTMLElement | undefined)?.innerText.trim() ?? ''), index);
}

describe('issue 15 item 4: tables at desktop and phone size', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 15 item 4: at 1440 px the 考核结果 table shows 考核对象 on one line and 结论/金额/状态 on screen; sorting reorders rows', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'plant.head');
    await page.goto('/assessment');
    const table = page.getByTestId('findings-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    // The subject cell is wide enough for more than ~4 characters (a 14 px CJK character is ~14 px wide).
    const subjectCell = table.locator('tbody tr.ant-table-row').first().locator('td').first();
    const box = await subjectCell.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(4 * 14 + 16);
    // One line: the cell is not taller than a couple of lines of text.
    expect(box?.height ?? 999).toBeLessThan(60);
    for (const name of ['考核对象', '结论', '金额', '状态']) {
      const header = table.locator('thead th', { hasText: name }).first();
      const h = await header.boundingBox();
      expect(h, name).not.toBeNull();
      expect(h!.x, name).toBeGreaterThanOrEqual(0);
      expect(h!.x + h!.width, name).toBeLessThanOrEqual(1440);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1441);

    // Sorting by amount orders the rows by amount, both ways.
    const amounts = async () => (await columnTexts(page, 'findings-table', 2)).map((s) => Number(s.replace(/[^\d.]/g, '') || 0));
    const sortedBy = async (order: 'ascending' | 'descending') => {
      await expect.poll(() => table.locator('thead th', { hasText: '金额' }).first().getAttribute('aria-sort')).toBe(order);
      await expect
        .poll(async () => {
          const now = await amounts();
          return now.length > 1 && now.every((v, i) => i === 0 || (order === 'ascending' ? now[i - 1] <= v : now[i - 1] >= v));
        })
        .toBe(true);
      return amounts();
    };
    await table.locator('thead th', { hasText: '金额' }).first().click();
    const up = await sortedBy('ascending');
    expect(up.length).toBeGreaterThan(1);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await table.locator('thead th', { hasText: '金额' }).first().click();
    const down = await sortedBy('descending');
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down).not.toEqual(up);
  });

  it('issue 15 item 4: searching the people list filters it; sorting by username reorders it', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'plant.admin');
    await page.goto('/admin/people');
    const table = page.getByTestId('people-table');
    await table.locator('td', { hasText: 'plant.operator' }).first().waitFor();
    const before = await table.locator('tbody tr.ant-table-row').count();
    expect(before).toBeGreaterThan(2);

    const userHeader = table.locator('thead th', { hasText: '用户名' }).first();
    await userHeader.click();
    await expect.poll(() => userHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect
      .poll(async () => {
        const now = await columnTexts(page, 'people-table', 1);
        return now.join('|') === [...now].sort((a, b) => a.localeCompare(b)).join('|');
      })
      .toBe(true);
    const asc = await columnTexts(page, 'people-table', 1);
    await userHeader.click();
    await expect.poll(() => userHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => columnTexts(page, 'people-table', 1)).toEqual([...asc].reverse());

    const search = page.getByRole('searchbox', { name: '搜索姓名、用户名或部门' }).or(page.getByLabel('搜索姓名、用户名或部门'));
    await search.first().fill('plant.operator');
    await expect.poll(() => columnTexts(page, 'people-table', 1)).toEqual(['plant.operator']);
    // By department as well.
    await search.first().fill('质量部');
    await expect.poll(async () => (await columnTexts(page, 'people-table', 2)).every((d) => d === '质量部')).toBe(true);
    const depts = await columnTexts(page, 'people-table', 2);
    expect(depts.length).toBeGreaterThan(0);
    expect(depts.length).toBeLessThan(before);
    expect(depts.every((d) => d === '质量部')).toBe(true);
  });

  it('issue 15 item 4: at 390 px the assessment and people pages are card lists with status visible and no sideways scroll', async () => {
    const head = await e2e.newPage({ phone: true });
    await login(head, 'plant.head');
    await head.goto('/assessment');
    const card = head.getByTestId('findings-table').locator('.list-card').first();
    await card.waitFor();
    expect(await head.getByTestId('findings-table').locator('table').count()).toBe(0);
    expect(await card.locator('.list-card-status .ant-tag').first().isVisible()).toBe(true);
    expect(await card.innerText()).toMatch(/结论/);
    expect(await head.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390 + 1);

    const admin = await e2e.newPage({ phone: true });
    await login(admin, 'plant.admin');
    await admin.goto('/admin/people');
    const person = admin.getByTestId('people-table').locator('.list-card', { hasText: 'plant.operator' }).first();
    await person.waitFor();
    expect(await admin.getByTestId('people-table').locator('table').count()).toBe(0);
    expect(await person.locator('.list-card-status').innerText()).toMatch(/启\s*用|停\s*用/);
    expect(await person.getByRole('button', { name: /编\s*辑/ }).isVisible()).toBe(true);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390 + 1);
  });

  it('issue 15 item 4: the inbox and the notifications search what the rows read', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.head');
    await page.goto('/inbox');
    const items = page.getByTestId('inbox-item');
    await items.first().waitFor();
    const total = await items.count();
    const title = (await items.first().locator('.ant-list-item-meta-title').innerText()).trim();
    await page.getByLabel('搜索待办').fill(title);
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    for (const text of await items.allInnerTexts()) expect(text).toContain(title);
    await page.getByLabel('搜索待办').fill('没有这样的待办事项');
    await expect.poll(() => items.count()).toBe(0);
    await page.getByLabel('搜索待办').fill('');
    await expect.poll(() => items.count()).toBe(Math.min(total, 20));

    const vp = await e2e.newPage();
    await login(vp, 'plant.vp');
    await vp.goto('/notifications');
    const rows = vp.getByTestId('notifications-list').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const first = (await rows.first().locator('td').first().innerText()).trim();
    await vp.getByLabel('搜索通知').fill(first);
    await expect.poll(async () => (await rows.allInnerTexts()).every((r) => r.includes(first))).toBe(true);
    await vp.getByLabel('搜索通知').fill('没有这样的通知');
    await expect.poll(() => rows.count()).toBe(0);
  });
});
