import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, logout, startE2E } from './harness';
import { apiAs, type ApiClient, chooseOption, horizontalOverflow, openFromInbox, waitForText, waitText } from './journey-helpers';

// Issue 9 quality bar: one plant, one month, across the features — the plan issued → purchase
// plan approved → receipt → requisition → issue on a 390-px phone → daily report behind plan →
// coordination item → exception → coordination meeting → action closed; and a spot-check anomaly
// on a phone → machine stopped → repair → back in service. Desktop at 1440 px, phones at 390 px.

const DESKTOP = { width: 1440, height: 900 };

interface PlanSummary {
  id: string;
  kind: string;
  title: string;
  state: string;
}
interface Item {
  id: string;
  stockVersion: number;
}
interface Requisition {
  id: string;
  number: string;
  stage: string;
  lines: { code: string; requestedQty: number; issuedQty: number; outstandingQty: number }[];
}
interface Notice {
  kind: string;
  titleZh: string;
}

const titleOf = (n: Notice) => n.titleZh;
const field = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function desk(e2e: E2E, username: string): Promise<Page> {
  const page = await e2e.newPage();
  await page.setViewportSize(DESKTOP);
  await login(page, username);
  return page;
}

async function phoneOf(e2e: E2E, username: string): Promise<Page> {
  const page = await e2e.newPage({ phone: true });
  await login(page, username);
  return page;
}

async function onHand(api: ApiClient, code: string): Promise<number> {
  return (await api.get<{ code: string; onHand: number }[]>(`/production/stock?q=${code}&includeZero=true`))
    .filter((r) => r.code === code)
    .reduce((s, r) => s + r.onHand, 0);
}

async function notices(e2e: E2E, username: string): Promise<Notice[]> {
  const api = await apiAs(e2e, username);
  const list = await api.get<Notice[]>('/notifications?limit=200');
  await api.close();
  return list;
}

describe('production execution across the features in the browser (issue 9)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('PP-15 PP-16 PP-17 PP-18 PP-19 PP-22 plan issued → purchase plan approved → receipt → requisition → issue on a phone → daily report behind plan → coordination item → exception → coordination meeting → action closed', async () => {
    const keeperApi = await apiAs(e2e, 'plant.warehouse');

    // 1. The month's plan is issued (生产计划已下达): the purchase plan starts from it.
    const planner = await apiAs(e2e, 'plant.planner');
    const current = (await planner.get<PlanSummary[]>('/production/plans?kind=monthly')).find((p) => p.state === 'issued')!;
    await planner.close();
    expect(current).toBeDefined();
    const head = await desk(e2e, 'plant.head');
    await head.goto(`/production/plans/${current.id}`);
    await waitForText(head, current.title);
    await waitForText(head, '已下达');

    // The safety stock of 750 ml bottles is raised and approved by the GM (T4 第二十四条): the
    // purchase plan now needs bottles.
    await head.goto('/production/master');
    await head.getByPlaceholder('编码或品名').fill('BZ-P750');
    await head.getByPlaceholder('编码或品名').press('Enter');
    await head.getByTestId('item-stock').first().click();
    await head.locator('#safetyStock').fill('150000');
    await head
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await waitText(head, 'safety-cell', '待批准 150,000');
    const gmApi = await apiAs(e2e, 'plant.gm');
    const bottle = (await gmApi.get<Item[]>('/production/items?q=BZ-P750'))[0];
    await gmApi.post(`/production/items/${bottle.id}/stock/approve-safety`, { version: bottle.stockVersion });
    await gmApi.close();

    // 2. PP-15: the buyer compiles the purchase plan at 1440 px; VP and GM approve on phones.
    const buyer = await desk(e2e, 'plant.purchase');
    await buyer.goto('/production/purchase-plans');
    await buyer.getByTestId('purchase-new').click();
    await chooseOption(buyer, 'purchase-source', current.title);
    await buyer.getByTestId('purchase-compile').click();
    await buyer.waitForURL(/\/production\/purchase-plans\/[0-9a-f-]{36}$/);
    await buyer.getByTestId('tab-orders').click();
    await waitText(buyer, 'purchase-order-line', 'BZ-P750');
    const number = (await buyer.locator('.ant-typography-secondary').first().innerText()).match(/CGJH-\d{4}-\d{4}/)![0];
    await buyer.getByRole('tab', { name: '概览与审批' }).click();
    await buyer.getByTestId('doc-submit').click();
    await buyer.getByTestId('approval-opinion').fill('已核对库存与在途订单');
    await buyer.getByTestId('doc-approve').click();
    // Approving asks first (issue 15 item 6).
    await buyer.getByTestId('doc-action-confirm').click();
    await waitText(buyer, 'approval-timeline', '副总经理审核');
    for (const approver of ['plant.vp', 'plant.gm']) {
      const phone = await phoneOf(e2e, approver);
      await openFromInbox(phone, number);
      await phone.waitForURL(/\/production\/purchase-plans\/[0-9a-f-]{36}$/);
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(2);
      await phone.getByTestId('approval-opinion').fill('同意');
      await phone.getByTestId('doc-approve').click();
      await phone.getByTestId('doc-action-confirm').click();
      if (approver === 'plant.gm') await waitText(phone, 'purchase-state', '已批准');
      else await waitForText(phone, '批准 ✓');
    }

    // 3. PP-16: the keeper receives 60,000 bottles against the approved plan on a phone.
    const bottlesBefore = await onHand(keeperApi, 'BZ-P750');
    const keeper = await phoneOf(e2e, 'plant.warehouse');
    await keeper.goto('/production/warehouse/new/purchase');
    await chooseOption(keeper, 'receipt-plan', number);
    await keeper.getByTestId('open-line').filter({ hasText: 'BZ-P750' }).first().getByTestId('open-line-pick').click();
    await keeper.getByTestId('open-line-qty').fill('60000');
    await keeper.getByTestId('open-line-lot').fill('2612A');
    expect(await horizontalOverflow(keeper)).toBeLessThanOrEqual(2);
    await keeper.getByTestId('post-document').click();
    await keeper.waitForURL(/\/production\/warehouse\/documents\/[0-9a-f-]{36}$/);
    await waitText(keeper, 'doc-head', number);
    await waitText(keeper, 'doc-line', '60,000');
    expect(await onHand(keeperApi, 'BZ-P750')).toBe(bottlesBefore + 60_000);

    // 4. PP-17: the team leader requisitions from the weekly plan at 1440 px.
    const lead = await desk(e2e, 'plant.lead');
    await lead.goto('/production/requisitions/new');
    await lead.locator('[data-testid^="requisition-day-"]').first().waitFor();
    if ((await lead.locator('[data-testid^="requisition-day-"] input:checked').count()) === 0) {
      await lead.locator('[data-testid^="requisition-day-"] input:not([disabled])').first().click();
    }
    await waitText(lead, 'requisition-line', 'BZ-P500');
    // The proposal from the norms fills the quantities; a day already requisitioned proposes none.
    const submit = lead.getByTestId('requisition-submit');
    await expect
      .poll(() => submit.isEnabled(), { timeout: 5_000 })
      .toBe(true)
      .catch(() => undefined);
    if (await submit.isDisabled()) {
      await lead.getByTestId('requisition-qty-BZ-P500').fill('600');
      const reason = lead.getByTestId('requisition-reason-BZ-P500');
      if (await reason.count()) await reason.fill('补足当日用量');
    }
    await submit.click();
    await lead.locator('.ant-modal-confirm .ant-btn-primary').click();
    await lead.waitForURL(/\/production\/requisitions\/[0-9a-f-]{36}$/);
    await waitText(lead, 'requisition-stage', '待车间主任批准');
    const reqId = lead.url().split('/').pop()!;
    const asked = await keeperApi.get<Requisition>(`/production/requisitions/${reqId}`);

    // The director approves it from the inbox on a phone.
    const director = await phoneOf(e2e, 'plant.fill');
    await openFromInbox(director, asked.number);
    await director.waitForURL(new RegExp(`/production/requisitions/${reqId}$`));
    await director.getByTestId('requisition-approve').click();
    await waitText(director, 'requisition-stage', /待发料|超定额待批准/);
    // A line above the norm (the day was partly requisitioned already) needs the higher approval too.
    if ((await director.getByTestId('requisition-stage').innerText()).includes('超定额')) {
      await head.goto(`/production/requisitions/${reqId}`);
      await head.getByTestId('requisition-approve').click();
      await waitText(head, 'requisition-stage', '待发料');
    }

    // 5. PP-16 PP-17: the keeper scans its QR code on the 390-px phone and issues: stock drops by what was asked.
    const smallBefore = await onHand(keeperApi, 'BZ-P500');
    const { url } = await keeperApi.get<{ url: string }>(`/production/requisitions/${reqId}/qr`);
    await keeper.goto(new URL(url).pathname);
    await waitText(keeper, 'issue-stage', '待发料');
    expect(await horizontalOverflow(keeper)).toBeLessThanOrEqual(0);
    await keeper.getByTestId('issue-confirm').click();
    await keeper.locator('.ant-modal-confirm .ant-btn-primary').click();
    await waitText(keeper, 'issue-done', '已发料，出库单 CK-');
    const asked500 = asked.lines.find((l) => l.code === 'BZ-P500')!;
    expect(await onHand(keeperApi, 'BZ-P500')).toBe(smallBefore - asked500.requestedQty);
    expect((await keeperApi.get<Requisition>(`/production/requisitions/${reqId}`)).stage).toBe('issued');

    // 6. PP-18 PP-22: the team leader reports both shifts on a phone, far behind plan.
    const cp001Before = await onHand(keeperApi, 'CP-001');
    await logout(lead);
    const leadPhone = await phoneOf(e2e, 'plant.lead');
    await leadPhone.goto('/production/reports');
    await leadPhone.getByTestId('report-form').waitFor();
    let sent = '';
    for (const [shift, output, into] of [
      ['第1班', '120', '100'],
      ['第2班', '40', '0'],
    ] as const) {
      await waitText(leadPhone, 'report-shift', shift);
      if ((await leadPhone.getByTestId('report-line-CP-001').count()) === 0) {
        await chooseOption(leadPhone, leadPhone.getByTestId('report-form').locator('.ant-select').last(), 'CP-001');
      }
      await field(leadPhone, 'report-outputQty-CP-001').fill(output);
      await field(leadPhone, 'report-warehouseQty-CP-001').fill(into);
      await field(leadPhone, 'report-hours').fill('8');
      expect(await horizontalOverflow(leadPhone)).toBe(0);
      await leadPhone.getByTestId('report-submit').click();
      await leadPhone.getByTestId('report-confirm').click();
      const done = leadPhone
        .locator('.ant-message')
        .getByText(/已提交 RB-\d{4}-\d{4}/)
        .last();
      const previous = sent;
      await expect
        .poll(async () => ((await done.count()) ? ((await done.innerText()).match(/RB-\d{4}-\d{4}/) ?? [''])[0] : previous), { timeout: 30_000 })
        .not.toBe(previous);
      sent = ((await done.innerText()).match(/RB-\d{4}-\d{4}/) ?? [''])[0];
    }
    // Completion counts 进仓 only: the warehouse holds exactly the 100 cases put in.
    expect(await onHand(keeperApi, 'CP-001')).toBe(cp001Before + 100);

    // 7. The lag notifies production and opens a coordination item (T4 第三十四条).
    expect((await notices(e2e, 'plant.head')).some((n) => n.kind === 'production.lag' && titleOf(n).includes('灌装车间'))).toBe(true);
    await head.goto('/inbox');
    await waitText(head, 'inbox-item', /进度落后待协调：XT-\d{4}-\d{4} 灌装车间/);
    await head
      .getByTestId('inbox-item')
      .filter({ hasText: /进度落后待协调：XT-\d{4}-\d{4} 灌装车间/ })
      .first()
      .click();
    await head.waitForURL(/\/production\/progress\?item=/);
    await waitText(head, 'coordination-item', /灌装车间[\s\S]*落后/);
    const coordination = ((await head.getByTestId('coordination-item').filter({ hasText: '灌装车间' }).first().innerText()).match(/XT-\d{4}-\d{4}/) ?? [''])[0];
    expect(coordination).not.toBe('');

    // 8. PP-19: the cause is an exception the team leader reports on the phone; it hits packing too.
    await leadPhone.goto('/production/exceptions');
    await leadPhone.getByTestId('exc-new').click();
    await leadPhone.getByTestId('exc-description').waitFor();
    await leadPhone
      .locator('label')
      .filter({ has: leadPhone.getByTestId('exc-kind-material') })
      .click();
    await leadPhone.getByTestId('exc-description').fill('瓶盖断料，灌装 1 号线停机，包装车间待料（日报落后原因）');
    await leadPhone.getByTestId('exc-affected').getByText('包装车间').click();
    await leadPhone.locator('[data-testid="exc-hours-lost"] input, input[data-testid="exc-hours-lost"]').fill('4');
    await leadPhone.locator('[data-testid="exc-hours-estimated"] input, input[data-testid="exc-hours-estimated"]').fill('6');
    expect(await horizontalOverflow(leadPhone)).toBeLessThanOrEqual(0);
    await leadPhone.getByTestId('exc-submit').click();
    await leadPhone.waitForURL(/\/production\/exceptions\/[0-9a-f-]{36}$/);
    const excUrl = new URL(leadPhone.url()).pathname;
    await waitText(leadPhone, 'exc-needs-meeting', '须召开生产协调会');

    // 9. The head escalates to the VP and calls the coordination meeting the VP chairs.
    await head.goto(excUrl);
    await head.getByTestId('exc-escalate').click();
    await head.getByTestId('exc-step-note').fill(`日报落后（${coordination}），包装车间待料`);
    await head.locator('.ant-modal:visible .ant-btn-primary').last().click();
    await waitForText(head, '已上报副总经理');
    await head.getByTestId('exc-callMeeting').click();
    await expect.poll(() => head.getByTestId('exc-meeting-chair').inputValue()).toBe('李副总');
    await head.locator('.ant-modal:visible .ant-btn-primary').last().click();
    await waitText(head, 'exc-meeting', '主持 李副总');
    expect((await notices(e2e, 'plant.vp')).length).toBeGreaterThan(0);

    // 10. The VP decides at the meeting and gives the team leader an action item with a due date.
    const vp = await desk(e2e, 'plant.vp');
    await vp.goto(excUrl);
    await vp.getByTestId('exc-meeting').getByText('打开会议').click();
    await vp.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await vp.getByRole('tab', { name: '决议与交办' }).click();
    await vp.getByPlaceholder('决议内容').fill('采购部当日调货，灌装 1 号线到货后加班补产');
    await vp.getByRole('button', { name: '添加决议' }).click();
    await waitForText(vp, '1. 采购部当日调货');
    const form = vp.locator('form').filter({ has: vp.getByRole('button', { name: '交 办' }) });
    await form.locator('input').first().fill('瓶盖到货后加班补齐落后产量');
    await chooseOption(vp, form.locator('.ant-select').first(), '吴班长');
    const due = form.locator('.ant-picker input');
    await due.click();
    await due.fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
    await due.press('Enter');
    await form.getByRole('button', { name: '交 办' }).click();
    await waitForText(vp, '瓶盖到货后加班补齐落后产量');

    // 11. The team leader closes the action on the phone: the exception is resolved.
    await leadPhone.goto(excUrl);
    await waitText(leadPhone, 'exc-action', '瓶盖到货后加班补齐落后产量');
    await leadPhone.getByTestId('exc-action-complete').click();
    await leadPhone.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await waitForText(leadPhone, '已解决');
    await waitText(leadPhone, 'exc-timeline', '协调会决定的事项已全部办结');

    // 12. Production closes the coordination item with what the meeting decided.
    await head.goto('/production/progress');
    await head.getByTestId('coordination-item').filter({ hasText: coordination }).getByTestId('coordination-resolve').click();
    await head.getByTestId('coordination-note').fill('协调会决定：采购调货，灌装加班补产');
    // Issue 9: the resolve dialog links the coordination meeting that took the item up.
    await chooseOption(head, 'coordination-meeting', '生产协调会', { search: true });
    await head.getByTestId('coordination-resolve-ok').click();
    await waitForText(head, `${coordination} 已解决`);
    const headApi = await apiAs(e2e, 'plant.head');
    const closed = await headApi.get<{ number: string; state: string; meetingId: string | null; meetingTitle: string | null }[]>(
      '/production/coordination?state=resolved',
    );
    const mine = closed.find((c) => c.number === coordination)!;
    expect(mine.state).toBe('resolved');
    expect(mine.meetingTitle).toMatch(/^生产协调会/);
    await headApi.close();
    // The closed item stays readable: what was done, by whom, and a link to the meeting.
    await head.getByTestId('coordination-view').getByText('已解决').click();
    const closedRow = head.getByTestId('coordination-item').filter({ hasText: coordination });
    await closedRow.getByTestId('coordination-resolution').filter({ hasText: '协调会决定：采购调货，灌装加班补产' }).waitFor();
    await closedRow.getByRole('link', { name: /生产协调会/ }).waitFor();
    expect(await horizontalOverflow(head)).toBe(0);
    await keeperApi.close();
  }, 900_000);

  it('PP-23 PP-25 PP-26 a spot check on a phone finds an anomaly → the machine stops and maintenance is notified → repaired at the desk → back in service', async () => {
    const maintApi = await apiAs(e2e, 'plant.maint');
    const machines = await maintApi.get<{ id: string; code: string; state: string }[]>('/production/equipment/machines');
    const capper = machines.find((m) => m.code === 'GZ-02')!;
    expect(capper.state).toBe('running');

    const phone = await phoneOf(e2e, 'plant.operator');
    await phone.goto(`/production/equipment/m/${capper.id}`);
    await waitText(phone, 'phone-state', '运行');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(2);
    await phone.getByTestId('check-item').nth(1).getByText('异常').click();
    await phone.getByTestId('check-note').fill('压盖头卡死，有异响');
    await phone.getByTestId('check-submit').click();
    await waitText(phone, 'check-result', '设备停机待修');
    await waitText(phone, 'phone-state', '停机');
    expect((await maintApi.get<{ id: string; state: string }[]>('/production/equipment/machines')).find((m) => m.id === capper.id)!.state).toBe('stopped');
    expect((await notices(e2e, 'plant.maint')).some((n) => n.kind === 'production.equipment.stopped' && titleOf(n).includes('GZ-02'))).toBe(true);

    const desk1440 = await desk(e2e, 'plant.maint');
    await desk1440.goto('/production/equipment/repairs');
    await desk1440.getByText('压盖头卡死，有异响').first().waitFor();
    await desk1440
      .getByRole('link', { name: /WX-\d{4}-\d{4}/ })
      .first()
      .click();
    await desk1440.waitForURL(/\/production\/equipment\/repairs\/[0-9a-f-]{36}$/);
    await desk1440.getByTestId('repair-accept').click();
    await waitText(desk1440, 'repair-state', '已受理');
    await desk1440.getByTestId('repair-diagnosis').fill('压盖头轴承磨损');
    await desk1440.getByTestId('repair-diagnose').click();
    await waitText(desk1440, 'repair-state', '维修中');
    await desk1440.getByTestId('repair-action').fill('更换轴承，试机 20 瓶正常');
    await desk1440.getByTestId('repair-complete').click();
    await desk1440
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /修复完工/ })
      .click();
    await waitText(desk1440, 'repair-state', '已修复');
    await waitText(desk1440, 'repair-machine-state', '运行');
    expect((await maintApi.get<{ id: string; state: string }[]>('/production/equipment/machines')).find((m) => m.id === capper.id)!.state).toBe('running');
    await phone.reload();
    await waitText(phone, 'phone-state', '运行');
    await maintApi.close();
  }, 600_000);
});
