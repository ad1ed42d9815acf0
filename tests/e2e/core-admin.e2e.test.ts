import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, logout, startE2E } from './harness';
import { apiAs, chooseOption, horizontalOverflow, switchLanguage, untranslatedChrome, waitForText } from './journey-helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Clause citations name the Chinese regulation itself (“T4 第五十六条”), in either language.
const CLAUSES = /第.+条|学习制度|管理制度|七\.\d/;

/** A people sheet as someone fills it in Excel: the Chinese header row, then one row per person. */
async function peopleWorkbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('people');
  ws.addRow(['用户名', '姓名', '部门', '职务', '角色', '手机', '初始密码']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const policyField = (page: Page, path: string) => page.locator(`[data-field="${path}"]`);

describe('administration journeys in the browser (CORE-2, CORE-10, CORE-11, policy)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('CORE-2 an admin adds a person with a role (a weak password is refused by field) and that person signs in', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.admin');
    await page.goto('/admin/people');
    await page.locator('td', { hasText: 'plant.operator' }).first().waitFor();
    await page.getByTestId('person-add').click();
    await page.locator('#username').fill('plant.qc');
    await page.locator('#displayName').fill('钟质检');
    await page.locator('#password').fill('abc');
    await chooseOption(page, 'departmentId', '质量部');
    // A person is found by name among many roles (typing filters by the label, not the code).
    await chooseOption(page, 'roles', '班长', { search: true });
    // Closes the role list (Escape would close the dialog when the list is already shut).
    await page.locator('.ant-modal-title').click();
    await page.getByTestId('person-save').click();
    const refusal = page.locator('.ant-modal [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/password.*密码至少 8 位|密码至少 8 位/s);
    expect(await refusal.innerText()).toContain('password');

    await page.locator('#password').fill('Zhijian2026');
    await page.getByTestId('person-save').click();
    const row = page.locator('tr', { hasText: 'plant.qc' });
    await row.waitFor();
    expect(await row.innerText()).toContain('钟质检');
    expect(await row.innerText()).toContain('质量部');
    expect(await row.innerText()).toContain('班长');
    await logout(page);

    await login(page, 'plant.qc', 'Zhijian2026');
    expect(await page.getByTestId('user-menu').innerText()).toContain('钟质检');
    // 班长 reads meetings and findings, administers nothing.
    await page.getByRole('link', { name: '会议', exact: true }).click();
    await page.getByRole('heading', { name: '会议' }).waitFor();
    expect(await page.getByText('系统管理', { exact: true }).count()).toBe(0);
  });

  it('policy: an admin edits a value with a reason, sees the bad value refused by field, saves and reads the diff in the history; the audit log shows it', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.admin');
    await page.goto('/admin/policy');
    const day = policyField(page, 'production.dispatchMeetingDay');
    await day.waitFor();
    expect(await day.innerText()).toContain('T4 第五十六条');
    expect(await day.locator('input').inputValue()).toBe('28');

    await day.locator('input').fill('40');
    await page.getByTestId('policy-reason').fill('经总经理办公会决定，调度例会提前到每月 26 日');
    await page.getByTestId('policy-save').click();
    await day.locator('[role="alert"]').waitFor();
    expect(await day.locator('[role="alert"]').innerText()).toContain('数值过大');
    const top = await page.locator('.ant-alert-error').first().innerText();
    expect(top).toContain('生产调度例会日');
    expect(top).toContain('production.dispatchMeetingDay');
    expect(await page.getByTestId('policy-history').locator('tr', { hasText: '调度例会提前' }).count()).toBe(0);

    await day.locator('input').fill('26');
    await page.getByTestId('policy-save').click();
    await waitForText(page, '已保存为第 2 版');
    const v2 = page.getByTestId('policy-history').locator('tr', { hasText: '调度例会提前到每月 26 日' });
    await v2.waitFor();
    expect(await v2.locator('td').first().innerText()).toBe('2');
    expect(await v2.innerText()).toContain('系统管理员');
    await v2.getByTestId('policy-diff').click();
    const diff = page.getByTestId('policy-diff-table').locator('tr', { hasText: 'production.dispatchMeetingDay' });
    await diff.waitFor();
    expect(await diff.innerText()).toContain('生产调度例会日');
    expect((await diff.locator('td').allInnerTexts()).slice(1)).toEqual(['28', '26']);
    // Only the edited value differs from version 1.
    expect(await page.getByTestId('policy-diff-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await page.keyboard.press('Escape');

    await page.goto('/admin/audit');
    // Issue 15 item 5: the action in words, not policy.update.
    const audit = page.locator('tr', { hasText: '修改制度参数' }).first();
    await audit.waitFor();
    expect(await audit.innerText()).toContain('系统管理员');
  });

  it('CORE-11 an Excel import with a bad row shows the row and column of each error and writes nothing; the corrected file imports', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.admin');
    await page.goto('/admin/excel');
    const card = page.getByTestId('excel-people');
    await card.waitFor();
    const bad = await peopleWorkbook([
      ['plant.pack1', '包装工甲', '包装车间', '操作工', '操作工', null, 'Baozhuang2026'],
      ['plant.pack2', '包装工乙', '不存在的车间', '操作工', '操作工', null, 'Baozhuang2026'],
    ]);
    await card.locator('input[type="file"]').setInputFiles({ name: '人员.xlsx', mimeType: XLSX, buffer: bad });
    const refusal = card.getByTestId('import-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('未写入任何数据');
    const errorRow = refusal.locator('tbody tr.ant-table-row', { hasText: '不存在的车间' });
    await errorRow.waitFor();
    expect(await errorRow.locator('td').allInnerTexts()).toEqual(['3', '部门', '部门不存在：不存在的车间']);
    expect(await refusal.locator('tbody tr.ant-table-row').count()).toBe(1);

    // The good row of the refused file was not written either.
    const admin = await apiAs(e2e, 'plant.admin');
    const names = async () => (await admin.get<{ username: string }[]>('/org/people')).map((p) => p.username);
    expect(await names()).not.toContain('plant.pack1');

    const fixed = await peopleWorkbook([
      ['plant.pack1', '包装工甲', '包装车间', '操作工', '操作工', null, 'Baozhuang2026'],
      ['plant.pack2', '包装工乙', '包装车间', '操作工', '操作工', null, 'Baozhuang2026'],
    ]);
    await card.locator('input[type="file"]').setInputFiles({ name: '人员-修正.xlsx', mimeType: XLSX, buffer: fixed });
    await waitForText(page, '导入成功：新增 2 条');
    expect(await refusal.count()).toBe(0);
    expect(await names()).toEqual(expect.arrayContaining(['plant.pack1', 'plant.pack2']));
    await admin.close();
  });

  it('the shell on a phone opens the menu drawer and navigates; the English switch relabels the admin pages', async () => {
    const page = await e2e.newPage({ phone: true });
    await login(page, 'plant.admin');
    await page.getByRole('button', { name: '菜单' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('系统管理', { exact: true }).waitFor();
    await drawer.getByRole('link', { name: '人员与账号', exact: true }).click();
    await page.waitForURL(/\/admin\/people$/);
    // On a phone the list is cards, not a table: the person's username shows either way.
    await page.getByTestId('people-table').getByText('plant.operator').first().waitFor();
    await drawer.waitFor({ state: 'hidden' });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'People and accounts' }).waitFor();
    expect(await page.getByTestId('person-add').innerText()).toBe('Add person');
    expect(await untranslatedChrome(page)).toEqual([]);

    await page.getByRole('button', { name: 'Menu' }).click();
    await drawer.getByText('Administration', { exact: true }).waitFor();
    await drawer.getByRole('link', { name: 'Policy parameters', exact: true }).click();
    await page.getByRole('heading', { name: 'Policy parameters' }).waitFor();
    await policyField(page, 'production.dispatchMeetingDay').waitFor();
    expect(await policyField(page, 'production.dispatchMeetingDay').innerText()).toContain('Monthly dispatch meeting day');
    expect(await untranslatedChrome(page, [CLAUSES])).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    for (const [path, heading] of [
      ['/admin/roles', 'Roles and permissions'],
      ['/admin/audit', 'Audit log'],
      ['/admin/excel', 'Excel import/export'],
      ['/admin/departments', 'Organisation'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.locator('.ant-table-row, .ant-card').first().waitFor();
      expect(await untranslatedChrome(page), path).toEqual([]);
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(1);
    }
  });
});
