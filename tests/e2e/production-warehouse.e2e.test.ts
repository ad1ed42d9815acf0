import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, chooseOption, horizontalOverflow, openFromInbox, waitForText, waitText } from './journey-helpers';

interface PlanSummary {
  id: string;
  kind: string;
  title: string;
  number: string;
  state: string;
  periodStart: string;
}
interface Item {
  id: string;
  code: string;
  stockVersion: number;
  onHand: number;
}

const DESKTOP = { width: 1440, height: 900 };

async function approveOnPhone(e2e: E2E, username: string, number: string) {
  const phone = await e2e.newPage({ phone: true });
  await login(phone, username);
  await openFromInbox(phone, number);
  await phone.waitForURL(/\/production\/purchase-plans\/[0-9a-f-]{36}$/);
  await waitText(phone, 'supplier-totals', '华兴玻璃制品有限公司');
  expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(2);
  await phone.getByTestId('approval-opinion').fill('同意');
  await phone.getByTestId('doc-approve').click();
  await phone.getByTestId('doc-action-confirm').click();
  return phone;
}

describe('warehouse and purchase plan in the browser (PP-15, PP-16)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('PP-15 PP-16 the buyer compiles from the issued plan → VP and GM approve on the inbox → the keeper receives against it on a phone → stock shows it; a wrong receipt is reversed, asked first', async () => {
    // The scene: the safety stock of 750 ml bottles was raised with the planner and approved by the GM
    // (T4 第二十四条), so this month's plan now needs bottles the approved purchase plan does not bring.
    const planner = await apiAs(e2e, 'plant.planner');
    const current = (await planner.get<PlanSummary[]>('/production/plans?kind=monthly')).find((p) => p.state === 'issued')!;
    await planner.close();
    const master = await e2e.newPage();
    await master.setViewportSize(DESKTOP);
    await login(master, 'plant.head');
    await master.goto('/production/master');
    await master.getByPlaceholder('编码或品名').fill('BZ-P750');
    await master.getByPlaceholder('编码或品名').press('Enter');
    await master.getByTestId('item-stock').first().click();
    await master.locator('#safetyStock').fill('150000');
    await master
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    // Pending until the GM approves: the value in force is still the old one.
    await waitText(master, 'safety-cell', '待批准 150,000');
    const gm = await apiAs(e2e, 'plant.gm');
    const bottle = (await gm.get<Item[]>('/production/items?q=BZ-P750'))[0];
    await gm.post(`/production/items/${bottle.id}/stock/approve-safety`, { version: bottle.stockVersion });
    await gm.close();

    // The buyer (陈经理, 采购部) compiles the purchase plan from the issued plan at 1440 px.
    const page = await e2e.newPage();
    await page.setViewportSize(DESKTOP);
    await login(page, 'plant.purchase');
    await page.goto('/production/purchase-plans');
    await page.getByTestId('purchase-new').click();
    await chooseOption(page, 'purchase-source', current.title);
    await page.getByTestId('purchase-compile').click();
    await page.waitForURL(/\/production\/purchase-plans\/[0-9a-f-]{36}$/);
    await waitText(page, 'purchase-state', '编制中');
    await page.getByTestId('tab-orders').click();
    await waitText(page, 'purchase-order-line', 'BZ-P750');
    await page.getByTestId('tab-materials').click();
    await waitText(page, 'purchase-totals', '合计（个）');
    const number = (await page.locator('.ant-typography-secondary').first().innerText()).match(/CGJH-\d{4}-\d{4}/)![0];
    await page.getByRole('tab', { name: '概览与审批' }).click();
    await page.getByTestId('doc-submit').click();
    // 陈经理 is the purchasing head: he signs the department's step, then it goes to the VP.
    await page.getByTestId('approval-opinion').fill('已核对库存与在途订单');
    await page.getByTestId('doc-approve').click();
    await page.getByTestId('doc-action-confirm').click();
    await waitText(page, 'approval-timeline', '副总经理审核');

    // VP, then GM, approve from the inbox on a phone.
    const vp = await approveOnPhone(e2e, 'plant.vp', number);
    await waitForText(vp, '批准 ✓');
    const gmPhone = await approveOnPhone(e2e, 'plant.gm', number);
    await waitText(gmPhone, 'purchase-state', '已批准');

    // The warehouse keeper receives the bottles against the plan on a phone.
    const keeper = await e2e.newPage({ phone: true });
    await login(keeper, 'plant.warehouse');
    await keeper.goto('/production/warehouse');
    await keeper.getByTestId('stock-search').fill('BZ-P750');
    await keeper.getByTestId('stock-search').press('Enter');
    await waitText(keeper, 'stock-card', 'BZ-P750');
    const before = await keeper.getByTestId('stock-card').filter({ hasText: 'BZ-P750' }).innerText();
    await keeper.goto('/production/warehouse/new/purchase');
    await chooseOption(keeper, 'receipt-plan', number);
    await keeper.getByTestId('open-line').filter({ hasText: 'BZ-P750' }).first().getByTestId('open-line-pick').click();
    await keeper.getByTestId('open-line-qty').fill('60000');
    await keeper.getByTestId('open-line-lot').fill('2612A');
    expect(await horizontalOverflow(keeper)).toBeLessThanOrEqual(2);
    await keeper.getByTestId('post-document').click();
    await keeper.waitForURL(/\/production\/warehouse\/documents\/[0-9a-f-]{36}$/);
    await waitText(keeper, 'doc-line', '60,000');
    await waitText(keeper, 'doc-head', number);
    const receiptUrl = keeper.url();
    await keeper.goto('/production/warehouse');
    await keeper.getByTestId('stock-search').fill('BZ-P750');
    await keeper.getByTestId('stock-search').press('Enter');
    await waitText(keeper, 'stock-place', '2612A');
    expect(await keeper.getByTestId('stock-card').filter({ hasText: 'BZ-P750' }).innerText()).not.toBe(before);
    expect(await horizontalOverflow(keeper)).toBeLessThanOrEqual(2);

    // The lot was typed wrong: the receipt is reversed, never edited; the keeper is asked first.
    await keeper.goto(receiptUrl);
    await keeper.getByTestId('doc-reverse').click();
    await keeper.locator('.ant-modal').getByText('不能撤销').waitFor();
    expect(await keeper.getByTestId('reverse-confirm').isDisabled()).toBe(true);
    await keeper.getByTestId('reverse-reason').fill('批次号录错，应为 2612B');
    await keeper.getByTestId('reverse-confirm').click();
    await keeper.waitForURL((u) => u.toString() !== receiptUrl);
    await waitForText(keeper, /本单冲销/);
    await keeper.goto(receiptUrl);
    await waitText(keeper, 'doc-reversed', 'CX-');

    // On the buyer's desktop the plan shows nothing received after the reversal.
    await page.reload();
    await page.getByTestId('tab-orders').click();
    await waitText(page, 'purchase-order-line', 'BZ-P750');
  });

  it('PP-16 the keeper counts one location on a phone: finds a material by code, types what was counted, is asked before posting; the count posts the difference', async () => {
    const api = await apiAs(e2e, 'plant.warehouse');
    const balances =
      await api.get<{ itemId: string; code: string; locationId: string; locationName: string; lot: string; onHand: number }[]>('/production/stock');
    await api.close();
    // The location holding the most balances, and the last of them (beyond the first page of a long list).
    const perLocation = new Map<string, typeof balances>();
    for (const b of balances) perLocation.set(b.locationId, [...(perLocation.get(b.locationId) ?? []), b]);
    const [, held] = [...perLocation].sort((a, b) => b[1].length - a[1].length)[0];
    const target = held.filter((b) => b.onHand >= 2 && !b.lot).at(-1) ?? held.filter((b) => b.onHand >= 2).at(-1)!;

    const keeper = await e2e.newPage({ phone: true });
    await login(keeper, 'plant.warehouse');
    await keeper.goto('/production/warehouse/new/count');
    await chooseOption(keeper, 'count-location', target.locationName);
    await waitText(keeper, 'count-tally', `已填实盘 0 行，共 ${held.length} 行`);
    expect(await keeper.getByTestId('post-document').isDisabled()).toBe(true);
    const search = keeper.locator('input[data-testid="count-search"], [data-testid="count-search"] input').first();
    await search.fill(target.code);
    const row = keeper
      .locator('tr')
      .filter({ hasText: target.code })
      .filter({ has: keeper.getByTestId('count-input') });
    await row.first().waitFor();
    await row
      .first()
      .locator('input[data-testid="count-input"], [data-testid="count-input"] input')
      .first()
      .fill(String(target.onHand - 1));
    await waitText(keeper, 'count-tally', `已填实盘 1 行，共 ${held.length} 行`);
    // The typed quantity stays when the search is cleared.
    await search.fill('');
    await waitText(keeper, 'count-tally', '已填实盘 1 行');
    expect(await horizontalOverflow(keeper)).toBeLessThanOrEqual(2);

    await keeper.getByTestId('post-document').click();
    await keeper.locator('.ant-modal-confirm').getByText('将按实盘数过账 1 行').waitFor();
    await keeper.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await keeper.waitForURL(/\/production\/warehouse\/documents\/[0-9a-f-]{36}$/);
    await waitText(keeper, 'doc-line', target.code);

    const after = await apiAs(e2e, 'plant.warehouse');
    const now = await after.get<{ itemId: string; lot: string; onHand: number }[]>(`/production/stock?itemId=${target.itemId}&locationId=${target.locationId}`);
    await after.close();
    expect(now.find((b) => b.lot === target.lot)?.onHand).toBe(target.onHand - 1);
  });
});
