import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, PHONE, startE2E } from './harness';
import { apiAs, waitText } from './journey-helpers';

// Issue 14 item 13 (CORE-11, PP-3): the market department brings its order list from Excel.

async function orderWorkbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单');
  ws.addRow(['订单号（新订单留空）', '订单类型', '客户', '联系人', '接单日期', '产品编码', '数量', '要求发货日期', '单价（元）', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('orders from Excel in the browser (issue 14 item 13)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('CORE-11 PP-3 the market manager imports two order lines on a phone: a bad file names the row, a good one adds the order to the list', async () => {
    const market = await apiAs(e2e, 'plant.market');
    const [cp] = await market.get<{ code: string }[]>('/production/items?q=CP-002');
    const before = await market.get<{ id: string }[]>('/production/orders');
    await market.close();
    const page = await e2e.newPage({ phone: true });
    await page.setViewportSize(PHONE);
    await login(page, 'plant.market');
    await page.goto('/production/orders');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '订单与订单汇审' }).waitFor();
    const upload = page.locator('.ant-upload input[type=file]');

    await upload.setInputFiles({
      name: '订单.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await orderWorkbook([[null, '合同', '西域酒业', null, '2026-12-01', 'NO-SUCH', 10, '2026-12-20', null, null]]),
    });
    await page.getByText('产品不存在：NO-SUCH').first().waitFor();

    await upload.setInputFiles({
      name: '订单.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await orderWorkbook([
        [null, '合同', '西域酒业', '马经理', '2026-12-01', cp.code, 120, '2026-12-20', 98, null],
        [null, '合同', '西域酒业', null, '2026-12-01', cp.code, 80, '2026-12-28', 98, null],
      ]),
    });
    await page.getByText('已导入：新增 1，更新 0').waitFor();
    await waitText(page, 'order-list', '西域酒业');
    const check = await apiAs(e2e, 'plant.market');
    const after = await check.get<{ customer: string; totalQty: number; state: string }[]>('/production/orders');
    await check.close();
    expect(after.length).toBe(before.length + 1);
    expect(after.find((o) => o.customer === '西域酒业')).toMatchObject({ totalQty: 200, state: 'received' });
    // The phone list is cards, not a table squeezed sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});
