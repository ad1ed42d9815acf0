import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguageOnLogin, type E2E, login, logout, PHONE, startE2E } from './harness';

const waitText = (page: Page, testId: string, text: string | RegExp) => page.getByTestId(testId).filter({ hasText: text }).first().waitFor();

/** The production head drafts a general document in the browser and submits it. */
async function draftAndSubmit(page: Page, title: string, content: string): Promise<string> {
  await page.goto('/documents');
  await page.getByTestId('new-document').click();
  await page.getByTestId('new-document-title').fill(title);
  await page.getByTestId('new-document-create').click();
  await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await page.getByTestId('doc-edit').click();
  await page.getByTestId('doc-content-input').fill(content);
  await page.getByTestId('doc-save').click();
  await waitText(page, 'doc-content', content);
  await page.getByTestId('doc-submit').click();
  return id;
}

async function approveFromInbox(page: Page, title: string, opinion: string): Promise<void> {
  await page.getByTestId('inbox-item').filter({ hasText: title }).click();
  await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  await waitText(page, 'doc-content', /./);
  await page.getByTestId('approval-opinion').fill(opinion);
  await page.getByTestId('doc-approve').click();
  await page.getByTestId('doc-action-confirm').click();
}

describe('approval journeys in the browser (CORE-3)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('CORE-3 the production head submits, cannot approve it, the VP approves from 我的待办, the audit log shows it', async () => {
    const page = await e2e.newPage();
    const title = '关于二季度设备检修安排的通知';
    await login(page, 'plant.head');
    await draftAndSubmit(page, title, '各车间于四月第二周轮流停机检修，检修期间按计划调整产量。');
    await waitText(page, 'doc-state', '审批中');
    expect(await page.getByTestId('doc-approve').count()).toBe(0);
    expect(await page.getByTestId('doc-withdraw').count()).toBe(1);
    await logout(page);

    await login(page, 'plant.vp');
    await page.goto('/inbox');
    await waitText(page, 'inbox-item', title);
    await approveFromInbox(page, title, '同意，请各车间按时执行。');
    await waitText(page, 'doc-state', '已批准');
    await waitText(page, 'approval-timeline', '同意，请各车间按时执行。');
    expect(await page.getByTestId('approval-timeline').textContent()).toContain('李副总');

    await page.goto('/admin/audit');
    // Issue 15 item 5: the action in words, never its code.
    await page.locator('td', { hasText: /^批准/ }).first().waitFor();
    expect(await page.locator('td', { hasText: 'document.approve' }).count()).toBe(0);
  });

  it('CORE-3 the same journey with the interface in English', async () => {
    const page = await e2e.newPage();
    const title = 'Q2 maintenance schedule';
    await chooseLanguageOnLogin(page, 'en');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await login(page, 'plant.head');
    await page.goto('/documents');
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    expect(await page.getByTestId('new-document').textContent()).toContain('New document');
    await draftAndSubmit(page, title, 'Each workshop stops for maintenance in the second week of April.');
    await waitText(page, 'doc-state', 'Submitted');
    expect(await page.getByText('Waiting for: VP approval').count()).toBe(1);
    expect(await page.getByTestId('doc-approve').count()).toBe(0);
    await logout(page);

    await login(page, 'plant.vp');
    await page.goto('/inbox');
    await page.getByRole('heading', { name: 'My inbox' }).waitFor();
    await waitText(page, 'inbox-item', `To approve (VP approval)`);
    await approveFromInbox(page, title, 'Agreed.');
    await waitText(page, 'doc-state', 'Approved');
    await waitText(page, 'approval-timeline', 'Agreed.');
    expect(await page.getByRole('tab', { name: 'Approval history' }).count()).toBe(1);
  });

  it('CORE-3 the approver approves on a phone-sized screen with big buttons, key content first', async () => {
    const desk = await e2e.newPage();
    const title = '灌装车间夜班安排';
    await login(desk, 'plant.head');
    await draftAndSubmit(desk, title, '五月起灌装车间增开夜班，每班八小时。');
    await waitText(desk, 'doc-state', '审批中');

    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.vp');
    await phone.getByRole('button', { name: '菜单' }).click();
    await phone.getByRole('link', { name: '我的待办', exact: true }).click();
    await waitText(phone, 'inbox-item', title);
    await phone.getByTestId('inbox-item').filter({ hasText: title }).click();
    await phone.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    await waitText(phone, 'doc-content', '增开夜班');
    const content = await phone.getByTestId('doc-content').boundingBox();
    const approve = phone.getByTestId('doc-approve');
    const button = await approve.boundingBox();
    expect(content && button && content.y < button.y).toBe(true);
    expect(button!.width).toBeGreaterThan(PHONE.width * 0.7);
    expect(button!.height).toBeGreaterThanOrEqual(38);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.getByTestId('approval-opinion').fill('同意');
    await approve.tap();
    await phone.getByTestId('doc-action-confirm').tap();
    await waitText(phone, 'doc-state', '已批准');
  });
});
