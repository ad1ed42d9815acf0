import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, logout, startE2E } from './harness';
import { apiAs, horizontalOverflow, openFromInbox, switchLanguage, untranslatedChrome, waitText } from './journey-helpers';

interface Requisition {
  id: string;
  number: string;
  stage: string;
  lines: { code: string; itemId: string; requestedQty: number; issuedQty: number; outstandingQty: number }[];
}

describe('material requisition journey in the browser (PP-17, T4 第二十八条)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('PP-17 the team leader requisitions from the weekly plan (1440) → the director approves from the inbox on a phone → the keeper scans the QR and issues on a phone → stock drops, the requisition is issued', async () => {
    // The team leader at a desk, 1440 px wide.
    const desk = await e2e.newPage();
    await desk.setViewportSize({ width: 1440, height: 900 });
    await login(desk, 'plant.lead');
    await desk.goto('/production/requisitions');
    await desk.getByTestId('requisition-new').click();
    await desk.waitForURL(/\/production\/requisitions\/new$/);
    await desk.locator('[data-testid^="requisition-day-"]').first().waitFor();
    // The page picks the next plan day not yet requisitioned; otherwise take the first planned one.
    if ((await desk.locator('[data-testid^="requisition-day-"] input:checked').count()) === 0) {
      await desk.locator('[data-testid^="requisition-day-"] input:not([disabled])').first().click();
    }
    await waitText(desk, 'requisition-line', 'BZ-P500');
    // A quantity above the norm is highlighted and asks for a reason before it can be submitted.
    const bottles = desk.getByTestId('requisition-qty-BZ-P500');
    const qtyOf = async () => Number((await bottles.inputValue()).replace(/,/g, '') || 0);
    // The demo month already requisitioned some days' bottles: add days until bottles are still to ask for.
    const open = desk.locator('[data-testid^="requisition-day-"] input:not([disabled]):not(:checked)');
    for (let tries = 0; (await qtyOf()) === 0 && tries < 6 && (await open.count()) > 0; tries++) {
      await open.first().click();
      await expect
        .poll(qtyOf, { timeout: 5_000 })
        .toBeGreaterThan(0)
        .catch(() => undefined);
    }
    expect(await qtyOf(), 'a plan day with bottles still to requisition').toBeGreaterThan(0);
    const proposed = await bottles.inputValue();
    await bottles.fill(String(Math.round(Number(proposed.replace(/,/g, '')) * 1.5)));
    await desk.getByTestId('requisition-reason-BZ-P500').waitFor();
    expect(await desk.getByTestId('requisition-submit').isDisabled()).toBe(true);
    await bottles.fill(proposed);
    await desk.getByTestId('requisition-reason-BZ-P500').waitFor({ state: 'detached' });
    await desk.getByTestId('requisition-submit').click();
    await desk.locator('.ant-modal-confirm .ant-btn-primary').click();
    await desk.waitForURL(/\/production\/requisitions\/[0-9a-f-]{36}$/);
    await waitText(desk, 'requisition-stage', '待车间主任批准');
    const id = desk.url().split('/').pop()!;
    // The list reads in English too (labels, not codes).
    await desk.goto('/production/requisitions');
    await waitText(desk, 'requisition-link', 'LL-');
    await switchLanguage(desk, 'en');
    expect(await untranslatedChrome(desk)).toEqual([]);
    await switchLanguage(desk, 'zh-CN');
    await logout(desk);

    const keeperApi = await apiAs(e2e, 'plant.warehouse');
    const asked = await keeperApi.get<Requisition>(`/production/requisitions/${id}`);

    // The workshop director approves from 我的待办 on a phone.
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.fill');
    await openFromInbox(phone, asked.number);
    await phone.waitForURL(new RegExp(`/production/requisitions/${id}$`));
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.getByTestId('requisition-approve').click();
    await waitText(phone, 'requisition-stage', '待发料');
    await logout(phone);

    // The warehouse keeper scans the printed QR code: it opens the issue page.
    const { url } = await keeperApi.get<{ url: string }>(`/production/requisitions/${id}/qr`);
    const onHand = async (code: string) =>
      (await keeperApi.get<{ code: string; onHand: number }[]>(`/production/stock?q=${code}`)).filter((r) => r.code === code).reduce((s, r) => s + r.onHand, 0);
    const before = await onHand('BZ-P500');
    const scanner = await e2e.newPage({ phone: true });
    await login(scanner, 'plant.warehouse');
    await scanner.goto(new URL(url).pathname);
    await waitText(scanner, 'issue-stage', '待发料');
    expect(await horizontalOverflow(scanner)).toBeLessThanOrEqual(0);
    await scanner.getByTestId('issue-confirm').click();
    await scanner.locator('.ant-modal-confirm .ant-btn-primary').click();
    await scanner.getByTestId('issue-done').waitFor();
    await waitText(scanner, 'issue-done', '已发料，出库单 CK-');

    const bottle = asked.lines.find((l) => l.code === 'BZ-P500')!;
    expect(await onHand('BZ-P500')).toBe(before - bottle.requestedQty);
    const after = await keeperApi.get<Requisition>(`/production/requisitions/${id}`);
    expect(after.stage).toBe('issued');
    expect(after.lines.every((l) => l.issuedQty === l.requestedQty && l.outstandingQty === 0)).toBe(true);
    await scanner.getByTestId('issue-back').click();
    await waitText(scanner, 'requisition-stage', '已发料');
    await keeperApi.close();
  });
});
