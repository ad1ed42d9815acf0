import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, logout, startE2E } from './harness';
import { apiAs, horizontalOverflow, waitText } from './journey-helpers';

// Issue 14: what a month at a winery played through the UI got wrong (items 1 and 2).

interface Overload {
  workshopId: string;
  workshopName: string;
  start: string;
  excessHours: number;
  missingHours: number;
}
interface PlanView {
  id: string;
  state: string;
  overloads: Overload[];
  allOverloads: Overload[];
  capacityCalendarChangedOn: string | null;
  capacityGroups: { start: string }[];
}
interface Dashboard {
  thisPlan: { id: string } | null;
  nextPlan: { id: string } | null;
  focus: { id: string; overloads: Overload[] } | null;
}

describe('winery month: capacity calendar and countermeasures in the browser (PP-9, issue 14 items 1 and 2)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('PP-9 issue 14 item 1: the planner cuts the bottling shifts on the master page → the dashboard and the plan show the fresh overload at once', async () => {
    const api = await apiAs(e2e, 'plant.planner');
    const before = await api.get<Dashboard>('/production/dashboard');
    expect(before.focus).not.toBeNull();
    expect(before.focus!.overloads).toEqual([]);
    const desk = await e2e.newPage();
    await desk.setViewportSize({ width: 1440, height: 900 });
    await login(desk, 'plant.planner');
    await desk.goto('/production/master');
    await desk.getByRole('tab', { name: '车间与产能日历' }).click();
    await desk.getByRole('button', { name: '灌装车间' }).click();
    const modal = desk.locator('.ant-modal').filter({ has: desk.locator('#shiftsPerDay') });
    await modal.locator('#shiftsPerDay').fill('1');
    await modal.locator('#hoursPerShift').fill('2');
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await desk.getByText('1 × 2 ×').first().waitFor();
    // The dashboard: the plan in focus is over capacity on the new calendar, no longer "fresh" on the old one.
    await desk.goto('/production');
    await waitText(desk, 'dashboard-overloads', '灌装车间');
    // The plan says why its figures moved.
    const after = await api.get<Dashboard>('/production/dashboard');
    await desk.goto(`/production/plans/${after.focus!.id}`);
    await desk.getByTestId('calendar-changed').waitFor();
    expect(await desk.getByTestId('calendar-changed').textContent()).toContain('产能日历已于');
    await waitText(desk, 'overloads', '灌装车间');
    await logout(desk);
    await api.close();
  });

  it('PP-9 issue 14 item 2: a 1 h answer does not cover the overload; one answer for the month with enough hours does; on a phone too', async () => {
    const api = await apiAs(e2e, 'plant.planner');
    const dash = await api.get<Dashboard>('/production/dashboard');
    // Next month's plan is being compiled (a draft) with filling over capacity.
    const planId = dash.nextPlan!.id;
    const plan = await api.get<PlanView>(`/production/plans/${planId}`);
    expect(plan.state).toBe('draft');
    const fill = plan.overloads.filter((o) => o.workshopName === '灌装车间');
    expect(fill.length).toBeGreaterThan(0);
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'plant.planner');
    await page.goto(`/production/plans/${planId}`);
    const first = page.getByTestId('overload').filter({ hasText: '灌装车间' }).first();
    await first.waitFor();
    expect(await first.textContent()).toContain('待处理');
    // 1 h against the hours over: recorded, but the overload stays open, "not enough".
    await first.getByTestId('cm-description').fill('周六加班');
    await first.locator('input[data-testid="cm-amount"], [data-testid="cm-amount"] input').first().fill('1');
    await first.getByTestId('cm-save').click();
    await first.getByText('措施不足').waitFor();
    expect(await first.textContent()).toContain('尚差');
    expect(await first.textContent()).toContain('不足以解决超出工时');
    // One answer through the last week of the month, with the hours stated.
    await first.getByTestId('cm-description').fill('本月灌装加班');
    await first.locator('input[data-testid="cm-amount"], [data-testid="cm-amount"] input').first().fill('2000');
    await first.getByTestId('cm-until').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').last().click();
    await first.getByTestId('cm-save').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="overload"]')]
        .filter((e) => e.textContent?.includes('灌装车间'))
        .every((e) => e.textContent?.includes('措施已覆盖')),
    );
    const covered = await api.get<PlanView>(`/production/plans/${planId}`);
    expect(covered.overloads.filter((o) => o.workshopName === '灌装车间')).toEqual([]);
    await logout(page);
    // The production director reads the same verdicts on a phone without scrolling sideways.
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.planner');
    await phone.goto(`/production/plans/${planId}`);
    await waitText(phone, 'overloads', '措施已覆盖');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await logout(phone);
    await api.close();
  });
});
