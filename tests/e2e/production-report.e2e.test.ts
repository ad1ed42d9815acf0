import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { chooseOption, apiAs, horizontalOverflow, waitForText, waitText } from './journey-helpers';

interface StockRow {
  itemId: string;
  code: string;
  onHand: number;
}

/** CP-001's stock on hand, as the warehouse sees it. */
async function stockOf(e2e: E2E, code: string): Promise<{ itemId: string; onHand: number }> {
  const api = await apiAs(e2e, 'plant.warehouse');
  const rows = await api.get<StockRow[]>(`/production/stock?q=${code}&includeZero=true`);
  await api.close();
  const mine = rows.filter((r) => r.code === code);
  return { itemId: mine[0]?.itemId ?? '', onHand: mine.reduce((s, r) => s + r.onHand, 0) };
}

/** An antd InputNumber by its test id, wherever antd put the id. */
const field = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

describe('daily report journey in the browser (PP-18, PP-22)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('PP-18 PP-22 the team leader reports the shift on a phone with 进仓 → the production head sees the lag with its coordination item → the stock rose in the warehouse', async () => {
    const before = await stockOf(e2e, 'CP-001');

    // 390 px: the filling workshop's team leader, one screen for the shift.
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.lead');
    await phone.goto('/production/reports');
    await phone.getByTestId('report-form').waitFor();
    expect(await phone.getByTestId('report-form').innerText()).toContain('灌装车间');
    // Both shifts of the day: the first puts 280 cases into the warehouse, the second hands over only 50.
    let sent = '';
    for (const [shift, output, into] of [
      ['第1班', '300', '280'],
      ['第2班', '50', '0'],
    ] as const) {
      await waitText(phone, 'report-shift', shift);
      expect(await phone.locator('[data-testid="report-shift"] .ant-segmented-item-selected').innerText()).toBe(shift);
      // On a rest day the plan is empty: the product is added by hand.
      if ((await phone.getByTestId('report-line-CP-001').count()) === 0) {
        await chooseOption(phone, phone.getByTestId('report-form').locator('.ant-select').last(), 'CP-001');
      }
      await field(phone, 'report-outputQty-CP-001').fill(output);
      await field(phone, 'report-warehouseQty-CP-001').fill(into);
      await field(phone, 'report-hours').fill('8');
      if (shift === '第1班') {
        await field(phone, 'report-scrapQty-CP-001').fill('2');
        await phone.getByTestId('report-add-stop').click();
        await phone.getByTestId('report-form').getByPlaceholder('分钟').fill('30');
        expect(await horizontalOverflow(phone)).toBe(0);
      }
      await phone.getByTestId('report-submit').click();
      await waitForText(phone, shift === '第1班' ? /进仓将记入仓库：浓香型白酒 52%vol 280箱/ : /本班无进仓/);
      await phone.getByTestId('report-confirm').click();
      const done = phone
        .locator('.ant-message')
        .getByText(/已提交 RB-\d{4}-\d{4}/)
        .last();
      const previous = sent;
      await expect
        .poll(async () => ((await done.count()) ? ((await done.innerText()).match(/RB-\d{4}-\d{4}/) ?? [''])[0] : previous), { timeout: 20_000 })
        .not.toBe(previous);
      sent = ((await done.innerText()).match(/RB-\d{4}-\d{4}/) ?? [''])[0];
      if (shift === '第1班') expect(await done.innerText()).toMatch(/进仓已记入 RK-\d{4}-\d{4}/);
    }

    // 1440 px: the production head finds the lag and its coordination item, tied to that report.
    const desk = await e2e.newPage();
    await desk.setViewportSize({ width: 1440, height: 900 });
    await login(desk, 'plant.head');
    await desk.goto('/inbox');
    await waitText(desk, 'inbox-item', /进度落后待协调：XT-\d{4}-\d{4} 灌装车间 浓香型白酒 52%vol/);
    await desk.getByTestId('inbox-item').filter({ hasText: '进度落后待协调' }).first().click();
    await desk.waitForURL(/\/production\/progress\?item=/);
    await waitText(desk, 'coordination-item', new RegExp(`灌装车间 浓香型白酒 52%vol[\\s\\S]*落后[\\s\\S]*${sent}`));
    await waitText(desk, 'progress-row', /灌装车间\s*CP-001/);
    await desk.getByTestId('progress-bars').waitFor();
    expect(await horizontalOverflow(desk)).toBe(0);
    await desk.getByTestId('coordination-resolve').first().click();
    await desk.getByTestId('coordination-note').fill('包装线抽调 2 人支援灌装，周六加班补齐');
    await desk.getByTestId('coordination-resolve-ok').click();
    await waitForText(desk, /XT-\d{4}-\d{4} 已解决/);

    // The warehouse's stock of CP-001 rose by the 进仓, and the master list shows it.
    const after = await stockOf(e2e, 'CP-001');
    expect(after.onHand - before.onHand).toBe(280);
    await desk.goto('/production/master');
    await waitForText(desk, 'CP-001');

    // 390 px: the head's phone shows the month's progress without sideways scrolling.
    const headPhone = await e2e.newPage({ phone: true });
    await login(headPhone, 'plant.head');
    await headPhone.goto('/production/progress');
    await headPhone.getByTestId('progress-row').first().waitFor();
    expect(await horizontalOverflow(headPhone)).toBe(0);
  });
});
