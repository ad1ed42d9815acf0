import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, logout, startE2E } from './harness';
import { chooseOption, horizontalOverflow, waitForText, waitText } from './journey-helpers';

const DESKTOP = { width: 1440, height: 900 };

async function confirmModal(page: Page) {
  await page.locator('.ant-modal:visible .ant-btn-primary').last().click();
}

describe('exceptions and the shop floor in the browser (PP-19, PP-20)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('PP-19 a team leader reports a 断料 on a phone → production escalates and calls the vice GM’s coordination meeting → decision and action item → action closed → exception resolved', async () => {
    // The team leader, on the line, with a phone.
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.lead');
    await phone.goto('/production/exceptions');
    await phone.getByTestId('exc-new').click();
    await phone.getByTestId('exc-description').waitFor();
    await phone
      .locator('label')
      .filter({ has: phone.getByTestId('exc-kind-material') })
      .click();
    await phone.getByTestId('exc-description').fill('瓶盖断料，灌装 1 号线停机，包装车间待料');
    await phone.getByTestId('exc-affected').getByText('包装车间').click();
    await phone.locator('[data-testid="exc-hours-lost"] input, input[data-testid="exc-hours-lost"]').fill('2');
    await phone.locator('[data-testid="exc-hours-estimated"] input, input[data-testid="exc-hours-estimated"]').fill('6');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.getByTestId('exc-submit').click();
    await phone.waitForURL(/\/production\/exceptions\/[0-9a-f-]{36}$/);
    const url = new URL(phone.url()).pathname;
    await waitText(phone, 'exc-needs-meeting', '须召开生产协调会');
    await waitForText(phone, '已上报');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await logout(phone);

    // The production head, at a desk: escalates to the vice GM and calls the meeting.
    const desk = await e2e.newPage();
    await desk.setViewportSize(DESKTOP);
    await login(desk, 'plant.head');
    await desk.goto('/inbox');
    await waitText(desk, 'inbox-item', '生产异常待处理');
    await desk.goto(url);
    await desk.getByTestId('exc-escalate').click();
    await desk.getByTestId('exc-step-note').fill('包装车间全部停工，影响出口订单');
    await confirmModal(desk);
    await waitForText(desk, '已上报副总经理');
    await desk.getByTestId('exc-callMeeting').click();
    await expect.poll(() => desk.getByTestId('exc-meeting-chair').inputValue()).toBe('李副总');
    await confirmModal(desk);
    await waitText(desk, 'exc-meeting', '主持 李副总');
    await waitForText(desk, '协调中');
    await logout(desk);

    // The vice GM chairs it: a decision and an action item for the team leader.
    await login(desk, 'plant.vp');
    await desk.goto('/inbox');
    await waitText(desk, 'inbox-item', '上报的生产异常');
    await desk.goto(url);
    await desk.getByTestId('exc-meeting').getByText('打开会议').click();
    await desk.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await desk.getByRole('tab', { name: '决议与交办' }).click();
    await desk.getByPlaceholder('决议内容').fill('采购部当日调货，灌装 1 号线到货后加班补产');
    await desk.getByRole('button', { name: '添加决议' }).click();
    await waitForText(desk, '1. 采购部当日调货');
    const form = desk.locator('form').filter({ has: desk.getByRole('button', { name: '交 办' }) });
    await form.locator('input').first().fill('瓶盖到货后立即恢复 1 号线');
    await chooseOption(desk, form.locator('.ant-select').first(), '吴班长');
    const due = form.locator('.ant-picker input');
    await due.click();
    await due.fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
    await due.press('Enter');
    await form.getByRole('button', { name: '交 办' }).click();
    await waitForText(desk, '瓶盖到货后立即恢复 1 号线');
    await logout(desk);

    // The team leader closes the item on the phone: the loop closes.
    await login(phone, 'plant.lead');
    await phone.goto(url);
    await waitText(phone, 'exc-action', '瓶盖到货后立即恢复 1 号线');
    await phone.getByTestId('exc-action-complete').click();
    await phone.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await waitForText(phone, '已解决');
    await waitText(phone, 'exc-timeline', '协调会决定的事项已全部办结');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
  });

  it('PP-20 the team leader’s safety checklist on a phone opens a rectification the workshop cannot fix; production sees it escalated', async () => {
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.lead');
    await phone.goto('/production/floor');
    await phone.getByTestId('floor-checklist').click();
    await phone.getByTestId('check-item').first().waitFor();
    const item = phone.getByTestId('check-item').nth(1);
    await item.getByTestId('check-problem').click();
    await item.getByTestId('check-note').fill('配电柜门锁损坏，需设备部更换');
    await item.getByTestId('check-cannot-fix').click();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.getByTestId('check-submit').click();
    await phone.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await phone.waitForURL(/\/production\/floor/);
    await waitText(phone, 'rectification', '配电柜门锁损坏');
    await logout(phone);

    const desk = await e2e.newPage();
    await desk.setViewportSize(DESKTOP);
    await login(desk, 'plant.head');
    await desk.goto('/inbox');
    await waitText(desk, 'inbox-item', '车间无法整改，待生产部处理');
    await desk.goto('/production/floor');
    await desk.getByTestId('floor-workshop').click();
    await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '灌装车间' }).click();
    const row = desk.getByTestId('rectification').filter({ hasText: '配电柜门锁损坏' });
    await row.getByTestId('rect-close').click();
    await desk.getByTestId('rect-note').fill('设备部已更换门锁');
    await confirmModal(desk);
    await expect.poll(() => desk.getByTestId('rectification').filter({ hasText: '配电柜门锁损坏' }).count()).toBe(0);
  });
});
