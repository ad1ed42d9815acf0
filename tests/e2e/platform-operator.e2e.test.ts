import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, logout, startE2E } from './harness';
import { chooseOption, horizontalOverflow, switchLanguage, untranslatedChrome } from './journey-helpers';

// Issue 12, first bullet: the platform operator's 组织管理 page, on a desktop and on a phone.

const PASSWORD = 'Kq7!mesa-river-41';
const SHOTS = join(tmpdir(), 'zhidu-platform-screens');

const menuLabels = (page: Page) =>
  page.locator('.ant-menu .ant-menu-title-content').evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()).filter(Boolean));

async function createOrganisation(page: Page, v: { name: string; template: string; code: string; admin: string }) {
  await page.getByTestId('org-create').click();
  await page.locator('#name').fill(v.name);
  await chooseOption(page, 'template', v.template);
  await page.locator('#code').fill(v.code);
  await page.locator('#adminUsername').fill(v.admin);
  await page.locator('#adminPassword').fill(PASSWORD);
  await page.getByTestId('org-create-save').click();
  await page.getByTestId(`org-${v.code}`).first().waitFor();
}

describe('issue 12: the platform operator in the browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => e2e?.close());

  it('issue 12: on a 1440 px desktop the operator lands on 组织管理, creates a school from S1 and a plant from T4, disables and re-enables one; the school admin sees only training and League', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'operator');
    await page.waitForURL(/\/platform\/organisations$/);
    await page.getByTestId('org-demo-plant').waitFor();
    // The only menu entry of the platform organisation.
    expect(await menuLabels(page)).toEqual(['平台运营', '组织管理']);
    // The demo organisations are listed by size, never by their people.
    const plantRow = await page.getByTestId('org-demo-plant').innerText();
    expect(plantRow).toContain('示例酒业有限公司');
    expect(plantRow).toContain('生产计划管理');
    expect(await page.locator('body').innerText()).not.toContain('plant.admin');

    // A weak password is refused by the field's name.
    await page.getByTestId('org-create').click();
    await page.locator('#name').fill('城东小学');
    await chooseOption(page, 'template', 'S1 中心小学');
    await page.locator('#adminUsername').fill('east.admin');
    await page.locator('#adminPassword').fill('abc');
    await page.getByTestId('org-create-save').click();
    const refusal = page.locator('.ant-modal [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('管理员初始密码');
    await page.locator('.ant-modal-close').click();

    await createOrganisation(page, { name: '城东小学', template: 'S1 中心小学', code: 'east-school', admin: 'east.admin' });
    await createOrganisation(page, { name: '城西酒厂', template: 'T4 酒业', code: 'west-plant', admin: 'west.admin' });
    expect(await page.getByTestId('org-east-school').innerText()).toMatch(/学校[\s\S]*S1[\s\S]*校本培训管理[\s\S]*团委工作/);
    expect(await page.getByTestId('org-west-plant').innerText()).toMatch(/企业[\s\S]*T4[\s\S]*生产计划管理/);

    // 停用 asks first and needs a reason.
    await page.getByTestId('org-disable-west-plant').click();
    await page.getByTestId('org-disable-confirm').click();
    await page.locator('.ant-modal .ant-form-item-explain-error').filter({ hasText: '请填写停用原因' }).waitFor();
    await page.getByTestId('org-disable-reason').fill('试用结束');
    await page.getByTestId('org-disable-confirm').click();
    await page.getByTestId('org-west-plant').filter({ hasText: '已停用' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'platform-1440.png'), fullPage: true });
    await logout(page);

    // The disabled plant's admin is told why.
    await page.goto('/login');
    await page.locator('#username').fill('west.admin');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByText('该组织已停用', { exact: false }).first().waitFor();

    await login(page, 'operator');
    await page.getByTestId('org-enable-west-plant').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByTestId('org-west-plant').filter({ hasText: '正常' }).waitFor();
    await logout(page);
    await login(page, 'west.admin', PASSWORD);
    await logout(page);

    // The new school's admin sees only training and League (and the core pages).
    await login(page, 'east.admin', PASSWORD);
    const labels = await menuLabels(page);
    expect(labels).toContain('校本培训');
    expect(labels).toContain('团委');
    expect(labels).not.toContain('生产计划');
    expect(labels).not.toContain('平台运营');
  }, 300_000);

  it('issue 12: on a 390 px phone the operator sees each organisation as a card, in Chinese or English, without sideways scrolling', async () => {
    const page = await e2e.newPage({ phone: true });
    await login(page, 'operator');
    await page.waitForURL(/\/platform\/organisations$/);
    const card = page.getByTestId('org-demo-school');
    await card.waitFor();
    expect(await card.innerText()).toMatch(/示例中心小学[\s\S]*正常/);
    expect(await page.locator('[data-testid="platform-orgs"] table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'platform-390.png'), fullPage: true });
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    expect(await untranslatedChrome(page)).toEqual([]);
    await page.getByTestId('org-create').click();
    await page.locator('.ant-modal-title').filter({ hasText: 'New organisation' }).waitFor();
    expect(await untranslatedChrome(page)).toEqual([]);
  }, 300_000);
});
