import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, horizontalOverflow, waitText } from './journey-helpers';

interface PlanSummary {
  id: string;
  kind: string;
  title: string;
}
interface MaterialPlan {
  materials: { itemId: string; code: string; name: string; spec: string; onHand: number; net: number; planned: number }[];
  orders: { itemId: string; isoWeek: string | null }[];
}

const fmtNum = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

async function openMaterials(page: Page, planId: string) {
  await page.goto(`/production/plans/${planId}`);
  await page.getByRole('tab', { name: /物料需求/ }).click();
  await page.getByTestId('materials').waitFor();
}

describe('the material plan in the browser (issue 14 item 10, PP-14)', () => {
  let e2e: E2E;
  let plan: PlanSummary;
  let view: MaterialPlan;
  beforeAll(async () => {
    e2e = await startE2E();
    // The demo's monthly plan that MRP has decomposed into orders on several days of a week.
    const api = await apiAs(e2e, 'plant.planner');
    const plans = await api.get<PlanSummary[]>('/production/plans?kind=monthly');
    for (const p of plans) {
      const daily = await api.get<MaterialPlan>(`/production/plans/${p.id}/material-plan?period=day`);
      const weekly = await api.get<MaterialPlan>(`/production/plans/${p.id}/material-plan?period=week`);
      if (weekly.orders.length > 0 && daily.orders.length > weekly.orders.length) {
        plan = p;
        view = weekly;
        break;
      }
    }
    await api.close();
    expect(plan, 'a demo monthly plan with daily MRP orders').toBeDefined();
  });
  afterAll(() => e2e?.close());

  it('issue 14 item 10: the planner sees the netting and totals per material, orders per ISO week not per day, and exports a workbook', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.planner');
    await openMaterials(page, plan.id);
    // Netting per material: gross, on hand, safety, net, planned — one row per material.
    const table = page.getByTestId('materials');
    for (const h of ['毛需求', '现有库存', '安全库存', '净需求', '计划量']) await table.locator('th').filter({ hasText: h }).first().waitFor();
    await waitText(page, 'material-row', view.materials[0].code);
    expect(await page.getByTestId('material-row').count()).toBe(Math.min(50, view.materials.length));
    const first = page.getByTestId('material-row').filter({ hasText: view.materials[0].code }).first();
    expect(await first.innerText()).toContain(fmtNum(view.materials[0].onHand));
    await waitText(page, 'material-totals', /合计（.+）：毛需求 .+ · 净需求 .+ · 计划量/);

    // Planned orders: one line per material and ISO week, labelled 第N周 with Monday–Sunday.
    await page.getByTestId('material-order-period').first().waitFor();
    const periods = await page.getByTestId('material-order-period').allInnerTexts();
    expect(periods.length).toBe(Math.min(50, view.orders.length));
    for (const p of periods) expect(p).toMatch(/^第\d+周 \d\d-\d\d~\d\d-\d\d$/);
    const weekRows = await page.getByTestId('material-order').count();
    await page.getByTestId('material-period').getByText('按日').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="material-order"]').length > n, weekRows);
    await page.getByTestId('material-period').getByText('按周').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="material-order"]').length === n, weekRows);

    // Issue 11: the tab reads a page at a time from the server; the search finds a material by its code.
    const last = view.materials.filter((x) => view.orders.some((o) => o.itemId === x.itemId)).at(-1)!;
    const matching = view.materials.filter((x) => `${x.code} ${x.name} ${x.spec}`.toLowerCase().includes(last.code.toLowerCase()));
    const search = page.locator('input[data-testid="material-search"], [data-testid="material-search"] input').first();
    await search.fill(last.code);
    await search.press('Enter');
    await page.waitForFunction(
      ([code, n]) => {
        const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="material-row"]')];
        return rows.length === n && rows.every((r) => r.innerText.includes(code as string));
      },
      [last.code, Math.min(50, matching.length)] as const,
    );
    await waitText(page, 'material-order', last.code);
    await search.fill('');
    await search.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="material-row"]').length === n, Math.min(50, view.materials.length));

    // Excel: the weekly orders, the netting per material and the totals.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(file.suggestedFilename()).toMatch(/物料需求\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['material-plan', 'netting', 'totals']);
    expect(wb.worksheets[0].rowCount).toBe(view.orders.length + 1);
    expect(wb.worksheets[1].rowCount).toBe(view.materials.length + 1);

    // The print view: netting per material and the signature lines signed from the approvals (item 11).
    await page
      .getByTestId('materials')
      .getByRole('button', { name: /打\s*印/ })
      .click();
    await page.waitForURL(/\/materials\/print/);
    await page.locator('.zd-print-sheet h1').filter({ hasText: '物料需求计划' }).waitFor();
    expect(await page.locator('.zd-print-table').first().innerText()).toContain(view.materials[0].code);
    await waitText(page, 'print-signature', /编制：.*\S.*日期：\d{4}-\d\d-\d\d \d\d:\d\d/);
  });

  it('issue 14 item 10: on a 390 px phone the warehouse keeper reads material, on hand, net and planned without scrolling sideways', async () => {
    const page = await e2e.newPage({ phone: true });
    await login(page, 'plant.warehouse');
    await openMaterials(page, plan.id);
    const m = view.materials[0];
    await waitText(page, 'material-card', m.code);
    const card = page.getByTestId('material-card').filter({ hasText: m.code }).first();
    const text = await card.innerText();
    expect(text).toContain(m.name);
    expect(text).toMatch(new RegExp(`现有 ${fmtNum(m.onHand)}`));
    expect(text).toMatch(new RegExp(`净需求 ${fmtNum(m.net)}`));
    expect(text).toMatch(new RegExp(`计划 ${fmtNum(m.planned)}`));
    // Every figure sits inside the screen, and the page never scrolls sideways.
    const figures = card.getByTestId('material-figures');
    const box = (await figures.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await waitText(page, 'material-order-period', /^第\d+周/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('issue 14 item 11: the printed monthly plan signs each line with the approver’s name, role, decision and local time', async () => {
    const api = await apiAs(e2e, 'plant.planner');
    const sig = await api.get<{
      lines: { label: { zh: string }; actorName: string | null; atLocal: string | null; decision: string | null; role: { zh: string } | null }[];
    }>(`/production/plans/${plan.id}/signatures`);
    await api.close();
    const approved = sig.lines.filter((l) => l.decision === 'approved');
    expect(approved.length).toBeGreaterThan(0);
    const page = await e2e.newPage();
    await login(page, 'plant.planner');
    await page.goto(`/production/plans/${plan.id}/print`);
    await page.locator('.zd-print-sheet h1').waitFor();
    await page.getByTestId('print-signature').first().waitFor();
    const lines = await page.getByTestId('print-signature').allInnerTexts();
    expect(lines).toHaveLength(sig.lines.length);
    for (const l of approved) {
      const line = lines.find((x) => x.startsWith(l.label.zh))!;
      expect(line).toContain(l.actorName!);
      expect(line).toContain(`（${l.role!.zh}）`);
      expect(line).toContain('同意');
      expect(line).toContain(`日期：${l.atLocal}`);
    }
  });
});
