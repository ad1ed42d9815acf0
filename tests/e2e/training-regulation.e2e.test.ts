import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { waitText } from './journey-helpers';

/** Opens a menu entry of the 校本培训 section by its label and waits for the page's heading. */
async function openMenu(page: Page, label: string, heading: string | RegExp): Promise<void> {
  await page.locator('.ant-menu a').filter({ hasText: label }).first().click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: heading }).waitFor();
}

/** The amount a ¥ statistic shows, e.g. "结余\n¥24,589.50" → 24589.5. */
const yuanOf = (text: string): number =>
  Number(
    text
      .replace(/^[^¥]*¥/s, '')
      .replace(/,/g, '')
      .trim(),
  );

const okButton = (page: Page) => page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary');

describe('issue 13 items 14–16 in the browser: term-end panel, handbook and record books, group plans and budget', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 13 item 14 (S2 五.5): the office, on the panel, gives a teacher the term verdict with an opinion', async () => {
    const page = await e2e.newPage();
    await login(page, 'school.office');
    await page.goto('/training/dashboard');
    await openMenu(page, '学期末考核', '学期末校本培训考核');
    await page.getByTestId('term-panel-row').first().waitFor();
    await page.getByTestId('term-panel-decide').first().click();
    await page.locator('.ant-modal:visible').getByText('不合格', { exact: true }).click();
    await page.getByTestId('term-panel-opinion').fill('本学期无故缺席集中培训，经考核小组评定');
    await okButton(page).click();
    await waitText(page, 'term-panel-row', '本学期无故缺席集中培训，经考核小组评定');
    await waitText(page, 'term-panel-row', /不合格（已评定）/);
  });

  it('issue 13 item 15 (S1 按月签评, 考勤 三): the Chinese group leader signs a handbook; the office records a record-book check', async () => {
    const leader = await e2e.newPage();
    await login(leader, 'school.chinese');
    await leader.goto('/training/sessions');
    await openMenu(leader, '手册签评与记录册检查', '手册签评与记录册检查');
    const row = leader.getByTestId('handbook-row').filter({ hasText: '语文教研组' }).first();
    await row.getByTestId('handbook-sign').click();
    await leader.getByTestId('handbook-comment').fill('本月笔记认真，领会到位');
    await okButton(leader).click();
    await row.locator('.ant-tag').filter({ hasText: '合格' }).first().waitFor();

    const office = await e2e.newPage();
    await login(office, 'school.office');
    await office.goto('/training/handbook');
    await office.getByRole('heading', { level: 1 }).filter({ hasText: '手册签评与记录册检查' }).waitFor();
    await office.getByRole('tab', { name: '记录册检查' }).click();
    await office.getByTestId('record-book-check').first().click();
    await office.locator('.ant-modal:visible').getByText('不完整', { exact: true }).click();
    await office.getByTestId('record-book-comment').fill('缺少第三次集中培训的记录');
    await okButton(office).click();
    await waitText(office, 'record-book-row', '缺少第三次集中培训的记录');
  });

  it('issue 13 item 16 (S2 六.(二)、(五)): the leader writes and submits his group plan, the office approves it and keeps the budget with totals', async () => {
    const leader = await e2e.newPage();
    await login(leader, 'school.chinese');
    await leader.goto('/training/group-plans');
    await leader.getByRole('heading', { level: 1 }).filter({ hasText: '教研组计划与培训经费' }).waitFor();
    await leader.getByTestId('group-plan-new').click();
    await leader.getByTestId('group-plan-title').fill('语文组本学期校本培训计划');
    await leader.getByTestId('group-plan-content').fill('每周五组内研讨课一节，围绕整本书阅读教学。');
    await okButton(leader).click();
    await waitText(leader, 'group-plan-row', '语文组本学期校本培训计划');
    await leader.getByTestId('group-plan-row').filter({ hasText: '语文组本学期校本培训计划' }).getByTestId('group-plan-submit').click();
    await waitText(leader, 'group-plan-row', '待审批');

    const office = await e2e.newPage();
    await login(office, 'school.office');
    await office.goto('/training/group-plans');
    await office.getByTestId('group-plan-row').filter({ hasText: '语文组本学期校本培训计划' }).getByTestId('group-plan-review').click();
    await okButton(office).click();
    await waitText(office, 'group-plan-row', '已批准');

    await office.getByRole('tab', { name: '培训经费' }).click();
    // The demo school already keeps budget lines: the new one moves the remaining total by 1,800.
    const remaining = office.getByTestId('budget-remaining');
    await remaining.filter({ hasText: '¥' }).waitFor();
    const before = yuanOf(await remaining.innerText());
    await office.getByTestId('budget-new').click();
    await office.getByTestId('budget-title').fill('专家讲座');
    await office.getByTestId('budget-planned').fill('3000');
    await office.getByTestId('budget-spent').fill('1200');
    await okButton(office).click();
    await waitText(office, 'budget-row', '专家讲座');
    await expect.poll(async () => yuanOf(await remaining.innerText()), { timeout: 20_000 }).toBeCloseTo(before + 1800, 2);
    expect(await office.getByTestId('budget-row').count()).toBeGreaterThan(0);
  });
});
