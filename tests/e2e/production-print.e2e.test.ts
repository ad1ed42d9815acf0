import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, waitForText, waitText } from './journey-helpers';

// Issue 14 item 13 (CORE-11, PP-3, PP-5): the demand forms print on A4 with Chinese headers
// and signature lines; an order keeps its attachments (CORE-9).

const A_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Order {
  id: string;
  number: string;
  customer: string;
  state: string;
  reviews: { party: string; opinion: string; isAgreed: boolean; reviewerName: string }[];
}

describe('printable demand forms and order attachments (issue 14 item 13)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 14 item 13 (CORE-11, PP-3): the planner prints the joint review report of an order with each opinion and the signature lines', async () => {
    const planner = await apiAs(e2e, 'plant.planner');
    const list = await planner.get<{ id: string; state: string }[]>('/production/orders');
    const approved = list.find((o) => o.state === 'approved');
    expect(approved).toBeTruthy();
    const order = await planner.get<Order>(`/production/orders/${approved!.id}`);
    expect(order.reviews.length).toBe(3);
    const page = await e2e.newPage();
    await login(page, 'plant.planner');
    await page.goto(`/production/orders/${order.id}`);
    await page.getByTestId('order-print').click();
    await page.waitForURL(`**/production/orders/${order.id}/print`);
    await waitForText(page, '订单汇审报告');
    const sheet = page.locator('.zd-print-sheet');
    await expect.poll(async () => (await sheet.innerText()).includes(order.number)).toBe(true);
    const text = await sheet.innerText();
    expect(text).toContain(order.customer);
    const opinions = await page.getByTestId('print-opinions').innerText();
    for (const party of ['生产部', '质量技术研发部', '事业部']) expect(opinions).toContain(party);
    for (const r of order.reviews) {
      expect(opinions).toContain(r.opinion);
      expect(opinions).toContain(r.reviewerName);
    }
    const conclusion = await page.getByTestId('print-conclusion').innerText();
    expect(conclusion).toContain('均同意接单');
    expect(conclusion).toContain('总经理已批准');
    // Three parties and the general manager; the approved order carries each signer's name.
    const signs = page.getByTestId('print-signature');
    await expect.poll(() => signs.count()).toBe(4);
    const signText = await page.locator('.zd-print-signs').innerText();
    for (const r of order.reviews) expect(signText).toContain(r.reviewerName);
    expect(signText).toContain('总经理');
    await expect.poll(async () => (await signs.nth(3).innerText()).replace(/总经理|：|日期|\s/g, '').length).toBeGreaterThan(0);
    await planner.close();
    await page.close();
  });

  it('issue 14 item 13 (PP-5): the month summary prints as 产品销售统计表 and 货款回收汇总表; the sales plan prints as 销售计划单', async () => {
    const planner = await apiAs(e2e, 'plant.planner');
    const summary = await planner.get<{ month: string; sales: { code: string; shipped: number }[]; collection: { customer: string; invoiced: number }[] }>(
      `/production/month-summary?month=${new Date().toISOString().slice(0, 7)}`,
    );
    const page = await e2e.newPage();
    await login(page, 'plant.planner');
    await page.goto(`/production/shipments?month=${summary.month}`);
    await page.getByTestId('print-sales').click();
    await page.waitForURL(`**/production/shipments/print/sales?month=${summary.month}`);
    await waitForText(page, '产品销售统计表');
    await waitText(page, 'print-total', '合计');
    const sales = await page.locator('.zd-print-table').innerText();
    expect(summary.sales.length).toBeGreaterThan(0);
    for (const s of summary.sales) expect(sales).toContain(s.code);
    expect(await page.getByTestId('print-signature').count()).toBe(3);

    await page.goBack();
    await page.getByTestId('print-collection').click();
    await page.waitForURL(`**/production/shipments/print/collection?month=${summary.month}`);
    await waitForText(page, '货款回收汇总表');
    await waitText(page, 'print-total', '回款率');
    const collection = await page.locator('.zd-print-table').innerText();
    expect(summary.collection.length).toBeGreaterThan(0);
    for (const c of summary.collection) expect(collection).toContain(c.customer);

    const [plan] = await planner.get<{ id: string; title: string }[]>('/production/sales-plans');
    const detail = await planner.get<{ productTotals: { code: string }[] }>(`/production/sales-plans/${plan.id}`);
    await page.goto(`/production/sales-plans/${plan.id}`);
    await page.getByTestId('sales-plan-print').click();
    await page.waitForURL(`**/production/sales-plans/${plan.id}/print`);
    await waitForText(page, '销售计划单');
    await waitText(page, 'print-product-totals', '合计');
    const totals = await page.getByTestId('print-product-totals').innerText();
    for (const r of detail.productTotals) expect(totals).toContain(r.code);
    expect(await page.locator('.zd-print-sheet').innerText()).toContain(plan.title);
    await planner.close();
    await page.close();
  });

  it('issue 14 item 13 (CORE-9): the planner files a customer confirmation on an order and sees it listed', async () => {
    const planner = await apiAs(e2e, 'plant.planner');
    const [order] = await planner.get<{ id: string }[]>('/production/orders');
    const page = await e2e.newPage({ phone: true });
    await login(page, 'plant.planner');
    await page.goto(`/production/orders/${order.id}`);
    await page
      .getByTestId('order-attachments')
      .locator('input[type="file"]')
      .setInputFiles({ name: '客户确认函.pdf', mimeType: 'application/pdf', buffer: A_PDF });
    await waitText(page, 'order-attachments', '客户确认函');
    const files = await planner.get<{ title: string }[]>(`/attachments?entity=production.order&entityId=${order.id}`);
    expect(files.map((f) => f.title)).toContain('客户确认函');
    // The print page stays usable on a phone: the sheet scrolls inside, the page does not.
    await page.goto(`/production/orders/${order.id}/print`);
    await waitForText(page, '订单汇审报告');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await planner.close();
    await page.close();
  });
});
