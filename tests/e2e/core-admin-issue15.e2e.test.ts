import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { horizontalOverflow, waitForText } from './journey-helpers';

const termRank = (m: number) => (m + 3) % 12;

describe('issue 15 items 5, 6 and 10 in the browser (audit log, asking first, admin gaps)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 15 item 10 + item 5 (1440): an admin renames a department, then reads it in the audit log in words with old → new, filters by record and exports to Excel', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'plant.admin');
    await page.goto('/admin/departments');
    const row = page.locator('tr', { hasText: '质量部' }).first();
    await row.getByTestId('dept-edit').click();
    // Typed once the dialog has stopped zooming in (a click waits for that), and checked before saving.
    const name = page.getByTestId('dept-name');
    await name.click();
    await name.fill('质量管理部');
    await expect.poll(() => name.inputValue()).toBe('质量管理部');
    await page.getByTestId('dept-save').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
    await page.locator('td', { hasText: '质量管理部' }).first().waitFor();

    await page.goto('/admin/audit');
    await page.locator('td', { hasText: '修改部门' }).first().waitFor();
    const table = await page.getByTestId('audit-table').innerText();
    expect(table).not.toMatch(/\b[a-z_]+\.[a-z_.]+\b/);
    expect(table).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.getByTestId('audit-record').fill('质量管理部');
    await page.getByTestId('audit-filter').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-table"] tbody tr.ant-table-row').length === 1);
    await page.locator('tr.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
    const diff = await page.getByTestId('audit-diff').innerText();
    expect(diff).toContain('名称');
    expect(diff).toMatch(/质量部\s*→\s*质量管理部/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(file.suggestedFilename()).toBe('审计日志.xlsx');
  });

  it('issue 15 item 5 + item 10 (390): on a phone the audit log shows when / who / what without sideways scrolling, and the 2026 national holidays import after a confirm', async () => {
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.admin');
    await phone.goto('/admin/calendar');
    await phone.getByTestId('holidays-import').click();
    await phone.getByTestId('holidays-import-confirm').click();
    await waitForText(phone, '春节');
    await waitForText(phone, '调休上班');
    await phone.goto('/admin/audit');
    await phone.locator('td', { hasText: '导入国家节假日' }).first().waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(1);
  });

  it('issue 15 item 6 + item 10 (1440): 转为团员 asks first and Cancel changes nothing; the League plan months run in term order', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'school.league');
    await page.goto('/league/plan');
    await page.getByTestId('league-month').first().waitFor();
    const months = (await page.getByTestId('league-month').locator('.ant-card-head-title').allInnerTexts()).map((s) => Number.parseInt(s, 10));
    expect(months.length).toBeGreaterThan(1);
    expect(months.map(termRank)).toEqual([...months.map(termRank)].sort((a, b) => a - b));

    await page.goto('/league/members');
    const prep = page
      .locator('tr', { hasText: '预备团员' })
      .filter({ has: page.getByRole('button', { name: '转为团员' }) })
      .first();
    await prep.waitFor();
    const name = await prep.locator('td').nth(2).innerText();
    await prep.getByRole('button', { name: '转为团员' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('入团日期');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('tr', { hasText: name }).first().innerText()).toContain('预备团员');
  });

  it('issue 15 item 6 (390): on a phone a role permission toggle asks first and Cancel leaves it as it was', async () => {
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.admin');
    await phone.goto('/admin/roles');
    const box = phone.locator('tbody input[type="checkbox"]').first();
    await box.waitFor();
    const was = await box.isChecked();
    await box.click();
    const dialog = phone.locator('.ant-modal-confirm');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/授予权限|收回权限/);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await box.isChecked()).toBe(was);
  });
});
