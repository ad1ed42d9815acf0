import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, switchLanguage, waitText } from './journey-helpers';

// Issue 14 item 12: sales plans show per-product totals; the generated plan text follows the
// English switch; the heat map's week labels do not overlap on a phone; the quarterly
// balancing tab shows progress while the solver runs.

interface PlanRow {
  id: string;
  kind: string;
  state: string;
}

describe('reading plans (issue 14 item 12)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 14 item 12: per-product totals, the plan text in English, the phone heat map and the solver progress', async () => {
    const planner = await apiAs(e2e, 'plant.planner');
    const plans = await planner.get<PlanRow[]>('/production/plans');
    const sales = await planner.get<{ id: string; kind: string; lineCount: number }[]>('/production/sales-plans');
    await planner.close();
    const monthly = plans.find((p) => p.kind === 'monthly' && p.state !== 'draft')!;
    const quarterly = plans.find((p) => p.kind === 'quarterly')!;
    const salesPlan = sales.find((s) => s.kind === 'monthly' && s.lineCount > 0)!;
    expect(monthly && quarterly && salesPlan).toBeTruthy();

    const page = await e2e.newPage();
    await login(page, 'plant.planner');
    await page.goto(`/production/sales-plans/${salesPlan.id}`);
    await waitText(page, 'product-totals', '按产品合计');
    expect(await page.getByTestId('product-totals').locator('tbody tr').count()).toBeGreaterThan(0);

    await page.goto(`/production/plans/${monthly.id}`);
    await page.getByRole('tab', { name: '概览与审批' }).click();
    await waitText(page, 'plan-text', '计划总量');
    await switchLanguage(page, 'en');
    await waitText(page, 'plan-text', 'planned in total');
    expect(await page.getByTestId('plan-text').innerText()).not.toMatch(/计划总量|产能分析/);
    await switchLanguage(page, 'zh-CN');

    // The solver answers slowly: the tab says it is solving until the answer comes.
    await page.route('**/api/**/level', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await page.goto(`/production/plans/${quarterly.id}`);
    await page.getByRole('tab', { name: '综合平衡' }).click();
    await waitText(page, 'level-progress', '正在求解综合平衡方案');
    await page.getByTestId('level-plan').or(page.getByText('没有已批准的销售计划或订单可供平衡')).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('level-progress').count()).toBe(0);
    await page.close();

    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.planner');
    await phone.goto(`/production/plans/${monthly.id}`);
    const box = phone.getByTestId('capacity-heatmap-box').first();
    await box.waitFor();
    // Weeks of a month at 390 px: the labels break in two lines or turn, never sit level in one.
    await expect.poll(async () => `${await box.getAttribute('data-axis-lines')}/${await box.getAttribute('data-axis-rotate')}`).not.toBe('1/0');
    await phone.close();
  });
});
