import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePage, type E2E, login, startE2E } from './harness';
import { apiAs, horizontalOverflow, waitText } from './journey-helpers';

interface PlanSummary {
  id: string;
  periodStart: string;
}

interface PlanView {
  capacity: { rows: { name: string; totalCapacity: number }[] };
}

/** The filling workshop's capacity in next month's plan: a stop still open takes its share of every day. */
async function fillingCapacity(e2e: E2E): Promise<number> {
  const api = await apiAs(e2e, 'plant.planner');
  const plans = (await api.get<PlanSummary[]>('/production/plans?kind=monthly')).sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const view = await api.get<PlanView>(`/production/plans/${plans[plans.length - 1].id}`);
  await api.close();
  return view.capacity.rows.find((r) => r.name === '灌装车间')!.totalCapacity;
}

describe('equipment journeys in the browser (PP-23, PP-26, T4 第四十六、五十 … 五十二条)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('PP-23 PP-26 an operator opens a machine from its card on a phone, finds an anomaly → machine stopped, the plan loses its capacity → maintenance repairs → running', async () => {
    const maint = await apiAs(e2e, 'plant.maint');
    const machines = await maint.get<{ id: string; code: string; state: string }[]>('/production/equipment/machines');
    await maint.close();
    const capper = machines.find((m) => m.code === 'GZ-02')!;
    expect(capper.state).toBe('running');
    const before = await fillingCapacity(e2e);

    // The card on the machine: printed with the QR code of its phone page.
    const desk = await e2e.newPage();
    await desk.setViewportSize({ width: 1440, height: 900 });
    await login(desk, 'plant.maint');
    await desk.goto(`/production/equipment/cards?ids=${capper.id}`);
    await waitText(desk, 'machine-card', '1号线压盖机');
    const cardUrl = await desk.getByTestId('machine-card').locator('img').getAttribute('data-url');
    expect(cardUrl).toMatch(new RegExp(`/public/equipment/${capper.id}$`));

    // The operator scans it with a phone: signs in with the own account, lands on the machine.
    const phone = await e2e.newPage({ phone: true });
    await phone.goto(new URL(cardUrl!).pathname);
    await phone.locator('#scan-username').fill('plant.operator');
    await phone.locator('#scan-password').fill('zhidu2026');
    await phone.getByTestId('scan-login').click();
    await phone.waitForURL(new RegExp(`/production/equipment/m/${capper.id}$`));
    await waitText(phone, 'phone-state', '运行');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(2);
    const items = phone.getByTestId('check-item');
    expect(await items.count()).toBe(3);
    await items.nth(1).getByText('异常').click();
    await phone.getByTestId('check-note').fill('压盖头有碎玻璃卡住');
    await waitText(phone, 'check-submit', '停机并通知维修');
    await phone.getByTestId('check-submit').click();
    await waitText(phone, 'check-result', '设备停机待修，请维持停机状态');
    await waitText(phone, 'phone-state', '停机');
    await phone.getByTestId('phone-repair-link').waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(2);

    // While it stands still the filling workshop has half its capacity in next month's plan.
    const during = await fillingCapacity(e2e);
    expect(during).toBeLessThan(before);
    expect(Math.abs(during - before / 2)).toBeLessThan(0.5);
    await desk.goto(`/production/equipment/machines/${capper.id}`);
    await waitText(desk, 'machine-state', '停机');
    await waitText(desk, 'machine-capacity', '今日已扣减');

    // Maintenance (刘师傅) takes the order at the desk, diagnoses, repairs; closing asks first.
    await desk.goto('/production/equipment/repairs');
    await desk.getByText('压盖头有碎玻璃卡住').first().waitFor();
    await desk
      .getByRole('link', { name: /WX-\d{4}-\d{4}/ })
      .first()
      .click();
    await desk.waitForURL(/\/production\/equipment\/repairs\/[0-9a-f-]{36}$/);
    await desk.getByTestId('repair-accept').click();
    await waitText(desk, 'repair-state', '已受理');
    await waitText(desk, 'repair-machine-state', '维修中');
    await desk.getByTestId('repair-diagnosis').fill('压盖头导向槽卡入碎玻璃');
    await desk.getByTestId('repair-diagnose').click();
    await waitText(desk, 'repair-state', '维修中');
    await desk.getByTestId('repair-action').fill('清理碎玻璃、校正压盖头，试机 20 瓶正常');
    await desk.getByTestId('repair-complete').click();
    await desk
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /修复完工/ })
      .click();
    try {
      await waitText(desk, 'repair-state', '已修复');
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${await describePage(desk)}`);
    }
    await waitText(desk, 'repair-machine-state', '运行');
    await waitText(desk, 'repair-downtime', '小时');

    // The capacity is whole again (less the minutes it stood still), and the phone shows it running.
    const after = await fillingCapacity(e2e);
    expect(after).toBeGreaterThan(during);
    expect(before - after).toBeLessThan(0.5);
    await phone.reload();
    await waitText(phone, 'phone-state', '运行');
    await phone.getByTestId('check-submit').waitFor();
  });
});
