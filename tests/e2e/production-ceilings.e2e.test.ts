import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, horizontalOverflow, waitText } from './journey-helpers';

// PP-7 (T1 7), issue 14 item 13: the demo's quarterly plan shows the material and WIP ceilings
// at maximum output, with the regulation's words (never its clause id), on a desk and a phone.

interface PlanRow {
  id: string;
  kind: string;
}

describe('reserve ceilings on the quarterly plan (PP-7 T1 7)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('PP-7 T1 7: the planner opens 最高储备量 on the demo quarterly plan and reads each item’s need at maximum output, ceiling and status', async () => {
    const planner = await apiAs(e2e, 'plant.planner');
    const quarterly = (await planner.get<PlanRow[]>('/production/plans')).find((p) => p.kind === 'quarterly')!;
    const data = await planner.get<{ rows: { code: string; ceiling: number }[] }>(`/production/plans/${quarterly.id}/ceilings`);
    await planner.close();
    expect(data.rows.length).toBeGreaterThan(0);
    const first = data.rows[0];

    const page = await e2e.newPage();
    await login(page, 'plant.planner');
    await page.goto(`/production/plans/${quarterly.id}`);
    await page.getByTestId('tab-ceilings').click();
    await waitText(page, 'reserve-ceilings', '以满足最大生产量的需要来确定');
    await waitText(page, `ceiling-row-${first.code}`, first.code);
    const row = await page.getByTestId(`ceiling-row-${first.code}`).innerText();
    expect(Number.isInteger(first.ceiling)).toBe(true);
    expect(row).toContain(first.ceiling.toLocaleString('zh-CN'));
    expect(await page.getByTestId(`ceiling-status-${first.code}`).innerText()).toMatch(
      /未设最高库存|低于最大产量所需|满足最大产量|年度计划变化不大，不应调整|可按最大产量调整/,
    );
    // The clause id stays in the data; the screen quotes the regulation.
    expect(await page.getByTestId('reserve-ceilings').innerText()).not.toMatch(/T1 7|PP-7/);
    await page.close();

    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.planner');
    await phone.goto(`/production/plans/${quarterly.id}`);
    // At 390 px the tab sits at the end of a tab bar wider than the screen, where a tap at its
    // coordinates does not reach it in headless Chromium; the click goes to the tab itself.
    await phone.getByRole('tab', { name: '最高储备量' }).dispatchEvent('click');
    await waitText(phone, `ceiling-row-${first.code}`, first.code);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
