import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, logout, startE2E } from './harness';
import { apiAs, waitText } from './journey-helpers';

// Issue 14 item 3 (PP-12, T4 第二十一条): the after-plan orders tab shows each product's 预估量,
// the month's orders and the headroom; the planner types 预估量 by hand while compiling; an order
// that waited for the plan clears when the plan is approved.

const localDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function monthAfter(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

describe('after-plan orders in the browser (issue 14 item 3, PP-12)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 14 item 3: 预估量 typed while compiling, orders so far and headroom on the tab; the waiting order clears on approval', async () => {
    const today = localDay(new Date());
    // A month no demo plan covers yet: the planner compiles it from scratch.
    const month = monthAfter(today.slice(0, 7), 2);
    const planner = await apiAs(e2e, 'plant.planner');
    const plan = await planner.post<{ id: string }>('/production/plans', { kind: 'monthly', month });
    const items = await planner.get<{ id: string; code: string }[]>('/production/items?category=finished');
    const cp002 = items.find((i) => i.code === 'CP-002')!;
    await planner.close();

    const page = await e2e.newPage();
    await login(page, 'plant.planner');
    await page.goto(`/production/plans/${plan.id}`);
    await page.getByTestId('plan-grid').waitFor();
    await page.getByTestId('grid-add').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'CP-002' }).first().click();
    for (const k of [10, 11, 12, 13, 14]) {
      await page.getByTestId(`cell-CP-002-${k}`).click();
      const cell = page.locator('input[data-testid="grid-input"], [data-testid="grid-input"] input').first();
      await cell.fill('100');
      await cell.press('Enter');
    }
    // 500 planned; the planner expects 1,200 of orders this month and says so by hand.
    const forecast = page.locator('input[data-testid="forecast-CP-002"], [data-testid="forecast-CP-002"] input').first();
    await forecast.fill('1200');
    await forecast.press('Tab');
    await page.getByTestId('grid-save').click();
    await page.getByText('已保存').first().waitFor();

    // The market's order for that month is approved while the plan is still compiled.
    const market = await apiAs(e2e, 'plant.market');
    const shipOn = `${month}-18`;
    const order = await market.post<{ id: string }>('/production/orders', {
      kind: 'contract',
      customer: '东方酒店',
      receivedOn: today,
      lines: [{ itemId: cp002.id, qty: 300, requestedShipOn: shipOn }],
    });
    for (const [user, party] of [
      ['plant.head', 'production'],
      ['plant.quality', 'quality'],
      ['plant.market', 'business'],
    ] as const) {
      const c = await apiAs(e2e, user);
      await c.post(`/production/orders/${order.id}/reviews`, { party, opinion: '同意接单', isAgreed: true });
      await c.close();
    }
    const o = await market.get<{ version: number; lines: { id: string }[] }>(`/production/orders/${order.id}`);
    const concluded = await market.post<{ reviewDocumentId: string }>(`/production/orders/${order.id}/conclude`, {
      version: o.version,
      lines: [{ lineId: o.lines[0].id, agreedQty: 300, agreedShipOn: shipOn }],
    });
    await market.close();
    const gm = await apiAs(e2e, 'plant.gm');
    const doc = await gm.get<{ version: number }>(`/documents/${concluded.reviewDocumentId}`);
    await gm.post(`/documents/${concluded.reviewDocumentId}/approve`, { version: doc.version, opinion: '同意' });
    await gm.close();

    // The tab: 预估量 1,200, 300 ordered, 900 left; the order is in the draft, not stuck with no action.
    await page.reload();
    await page.getByRole('tab', { name: '计划后订单' }).click();
    await waitText(page, 'order-headroom', 'CP-002');
    const row = page.getByTestId('order-headroom').locator('tr').filter({ hasText: 'CP-002' });
    await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' ')).toMatch(/1,200 .*300 .*900/);
    await waitText(page, 'absorption-东方酒店', '已计入编制中的计划，批准时核对');
    expect(await page.getByTestId('absorptions').innerText()).not.toContain('待计划员');

    // Submitted and approved: the waiting order is decided against the approved 预估量 and clears.
    await page.getByRole('tab', { name: '计划明细' }).click();
    await page.getByTestId('plan-submit').click();
    await waitText(page, 'plan-state', '审批中');
    await logout(page);
    await login(page, 'plant.vp');
    await page.goto(`/production/plans/${plan.id}`);
    await page.getByTestId('plan-approve').click();
    await waitText(page, 'plan-state', '已批准');
    await logout(page);

    await login(page, 'plant.planner');
    await page.goto(`/production/plans/${plan.id}`);
    await page.getByRole('tab', { name: '计划后订单' }).click();
    await waitText(page, 'absorption-东方酒店', '在预估量内，毋需调整');
    await waitText(page, 'headroom-CP-002', '900');
    expect(await page.getByTestId('absorptions').innerText()).not.toMatch(/待计划员|批准时核对/);
  });
});
