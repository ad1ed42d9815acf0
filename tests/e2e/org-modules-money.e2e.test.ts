import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';

// Issue 12: pages show only what belongs to the organisation's modules. Money penalties are the
// production regulation's (T2 七): a plant's findings carry 金额, a school's do not.

describe('issue 12: findings columns follow the organisation modules', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 12: a school sees its findings without 金额; a plant sees the 金额 column and total', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'school.admin');
    await page.goto('/assessment');
    const table = page.getByTestId('findings-table');
    await table.locator('thead th', { hasText: '结论' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await table.locator('thead th', { hasText: '金额' }).count()).toBe(0);
    expect(await page.getByText('金额合计').count()).toBe(0);
    await page.goto('/assessment/print');
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('金额（元）').count()).toBe(0);
    await page.close();

    const plant = await e2e.newPage();
    await plant.setViewportSize({ width: 1440, height: 900 });
    await login(plant, 'plant.head');
    await plant.goto('/assessment');
    await plant.getByTestId('findings-table').locator('thead th', { hasText: '金额' }).first().waitFor();
    await plant.getByText('金额合计').first().waitFor();
    await plant.close();
  });
});
