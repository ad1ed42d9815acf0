import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, horizontalOverflow, waitText } from './journey-helpers';

// Issue 12: the district office over its linked schools, in the browser at 1440 and 390 px.

describe('issue 12: the district office and the school’s 上级学区 page', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 300_000);
  afterAll(() => e2e?.close());

  it('issue 12: at 1440 the office opens the overview (charts per linked school), the teacher-hours table and exports Excel', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'district.officer');
    await page.goto('/district');
    await waitText(page, 'district-school-card', '示例中心小学');
    await page.getByTestId('district-bands-chart').locator('canvas').first().waitFor();
    await page.screenshot({ path: '/tmp/district-overview-1440.png', fullPage: true });

    await page.goto('/district/teachers');
    await waitText(page, 'district-teachers', '示例中心小学');
    expect(await page.getByTestId('district-teachers').getByText('不合格').or(page.getByTestId('district-teachers').getByText('合格')).count()).toBeGreaterThan(
      0,
    );
    await page.screenshot({ path: '/tmp/district-teachers-1440.png', fullPage: true });
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('district-teachers-export').click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    // The district's menu has its section, not the school's 上级学区 page.
    expect(await page.getByText('上级学区').count()).toBe(0);
  });

  it('issue 12: at 390 the overview and the teacher hours show as cards without sideways scrolling', async () => {
    const page = await e2e.newPage({ phone: true });
    await login(page, 'district.officer');
    await page.goto('/district');
    await waitText(page, 'district-school-card', '示例中心小学');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: '/tmp/district-overview-390.png', fullPage: true });
    await page.goto('/district/teachers');
    await waitText(page, 'district-teachers', '示例中心小学');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: '/tmp/district-teachers-390.png', fullPage: true });
  });

  it('issue 12: the school admin accepts a district’s link request on 上级学区 (asked first)', async () => {
    // The district ends the demo link and asks again: the school has a request to answer.
    const district = await apiAs(e2e, 'district.admin');
    const [link] = await district.get<{ id: string; version: number }[]>('/district/links');
    await district.post(`/district/links/${link.id}/end`, { version: link.version });
    await district.post('/district/links', { schoolCode: 'demo-school' });
    await district.close();

    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'school.admin');
    await page.goto('/admin/district');
    await waitText(page, 'school-district-links', '待学校确认');
    await page.getByTestId('district-link-accept').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await waitText(page, 'school-district-links', '已关联');
    await page.screenshot({ path: '/tmp/school-district-1440.png', fullPage: true });
  });
});
