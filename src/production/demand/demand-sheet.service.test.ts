import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument, submitDocument } from '#core/approval';
import type { Db } from '#core/db';
import { exportExcelTable, importExcelTable } from '#core/excel';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { approvedWineOrder, concludeWineOrder, newPlant, newWineOrder, reviewByAllParties, type TestPlant } from '../testing/index';
import { createSalesPlan, findShipmentPlan, getOrder, getSalesPlan, recordReviewOpinion } from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-03-20T02:00:00Z');

async function workbook(headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows of an exported workbook as header → cell text. */
async function readBack(body: Buffer | Uint8Array): Promise<Record<string, string>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(headers.map((h, i) => [h, v[i] instanceof Date ? (v[i] as Date).toISOString().slice(0, 10) : String(v[i] ?? '')])));
  });
  return out;
}

const ORDER_HEADERS = ['订单号（新订单留空）', '订单类型', '客户', '联系人', '接单日期', '产品编码', '数量', '要求发货日期', '单价（元）', '备注'];

describe('sales plans, orders and shipments go to Excel and come back (CORE-11, PP-1, PP-3, PP-5)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  const load = (name: string, buffer: Buffer) =>
    importExcelTable(db, testRegistry.excelTables, p.planner, { name, fileName: `${name}.xlsx`, buffer, locale: 'zh-CN', now: NOW });
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newPlant(db, workflows, NOW);
  });
  afterAll(() => database.drop());

  it('CORE-11 PP-3 a file of order lines makes one order per customer and date; a bad row refuses the whole file and names every error', async () => {
    const bad = await workbook(ORDER_HEADERS, [
      [null, '合同', '华北糖酒', '王经理', '2026-03-20', 'W1', 300, '2026-04-10', 120, null],
      [null, '合同', '华北糖酒', null, '2026-03-20', 'NOPE', 0, '2026-04-10', null, null],
      ['DD-2026-9999', '口头订单', '某商贸', null, '2026-03-20', 'W1', 10, '2026-03-01', null, null],
    ]);
    const err = await load('production-orders', bad).catch((e) => e);
    expect(err).toMatchObject({ code: 'IMPORT_FAILED' });
    const reasons = (err.details as { row: number; column?: string; reason: string }[]).map((d) => `${d.row}:${d.column}:${d.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3:产品编码:产品不存在：NOPE/),
        expect.stringMatching(/^3:数量:.*须大于 0/),
        expect.stringMatching(/^4:订单号.*:订单号不存在：DD-2026-9999/),
        expect.stringMatching(/^4:要求发货日期:要求发货日期早于接单日期/),
      ]),
    );
    expect(await findShipmentPlan(db, p.planner, '2026-04')).toHaveLength(0);

    const good = await workbook(ORDER_HEADERS, [
      [null, '合同', '华北糖酒', '王经理', '2026-03-20', 'W1', 300, '2026-04-10', 120, '两批发货'],
      [null, '合同', '华北糖酒', null, '2026-03-20', 'W1', 200, '2026-04-20', 120, null],
      [null, '书面订单', '金城酒店', null, '2026-03-21', 'W1', 50, '2026-04-12', null, null],
    ]);
    expect(await load('production-orders', good)).toEqual({ inserted: 2, updated: 0 });
    const file = await exportExcelTable(db, testRegistry.excelTables, p.planner, 'production-orders', 'zh-CN', NOW);
    const rows = await readBack(file.body);
    expect(rows).toHaveLength(3);
    const huabei = rows.filter((r) => r['客户'] === '华北糖酒');
    expect(huabei.map((r) => [r['订单号（新订单留空）'], r['数量'], r['要求发货日期'], r['状态（仅导出）']])).toEqual([
      [huabei[0]['订单号（新订单留空）'], '300', '2026-04-10', '待汇审'],
      [huabei[0]['订单号（新订单留空）'], '200', '2026-04-20', '待汇审'],
    ]);
    expect(huabei[0]['联系人']).toBe('王经理');
    expect(huabei[0]['订单号（新订单留空）']).toMatch(/^DD-2026-\d{4}$/);
  });

  it('CORE-11 PP-3 a row with an order number corrects the order while it is in review, and is refused once the order is submitted', async () => {
    const order = await newWineOrder(db, p, { kind: 'contract', customer: '西北商贸', qty: 100, shipOn: '2026-04-15' }, NOW);
    await recordReviewOpinion(db, p.planner, order.id, { party: 'production', opinion: '可以排产', isAgreed: true }, NOW);
    const fix = await workbook(ORDER_HEADERS, [[order.number, '合同', '西北商贸', null, '2026-03-20', 'W1', 120, '2026-04-16', 118, null]]);
    expect(await load('production-orders', fix)).toEqual({ inserted: 0, updated: 1 });
    const after = await getOrder(db, p.market, order.id);
    expect(after.lines.map((l) => [l.qty, l.requestedShipOn, l.unitPrice])).toEqual([[120, '2026-04-16', 118]]);
    expect(after.version).toBeGreaterThan(order.version);
    // Opinions were given on the old figures (as when the page corrects the order).
    expect(after.reviews).toHaveLength(0);

    await reviewByAllParties(db, p, order.id, NOW, '同意');
    await concludeWineOrder(db, workflows, p, order.id, NOW);
    const err = await load('production-orders', fix).catch((e) => e);
    expect(err).toMatchObject({ code: 'IMPORT_FAILED', details: [{ row: 2, reason: expect.stringContaining('已提交或已批准') }] });
  });

  it('CORE-11 PP-1 a draft sales plan is filled from a file; a plan sent for approval is refused', async () => {
    const plan = await createSalesPlan(db, workflows, p.market, { kind: 'quarterly', year: 2026, quarter: 2 }, NOW);
    const number = (await getSalesPlan(db, workflows, p.market, plan.id)).number!;
    const headers = ['计划编号', '产品编码', '日期（年、季计划填当月任一天）', '数量', '单价（元）'];
    const outside = await workbook(headers, [[number, 'W1', '2026-07-01', 10, null]]);
    await expect(load('production-sales-plans', outside)).rejects.toMatchObject({ details: [{ row: 2, reason: expect.stringContaining('不在计划期间') }] });
    const twice = await workbook(headers, [
      [number, 'W1', '2026-04-03', 10, null],
      [number, 'W1', '2026-04-28', 10, null],
    ]);
    await expect(load('production-sales-plans', twice)).rejects.toMatchObject({ details: [{ row: 3, reason: expect.stringContaining('与第 2 行重复') }] });
    const good = await workbook(headers, [
      [number, 'W1', '2026-04-15', 3000, 120],
      [number, 'W1', '2026-05-15', 3200, 120],
      [number, 'W1', '2026-06-15', 2800, null],
    ]);
    expect(await load('production-sales-plans', good)).toEqual({ inserted: 3, updated: 0 });
    const filled = await getSalesPlan(db, workflows, p.market, plan.id);
    // A quarterly plan keeps one figure a month, dated the 1st.
    expect(filled.lines.map((l) => [l.onDate, l.qty])).toEqual([
      ['2026-04-01', 3000],
      ['2026-05-01', 3200],
      ['2026-06-01', 2800],
    ]);
    expect(filled.version).toBe(plan.version + 1);
    const exported = await readBack((await exportExcelTable(db, testRegistry.excelTables, p.planner, 'production-sales-plans', 'zh-CN', NOW)).body);
    expect(exported.filter((r) => r['计划编号'] === number).map((r) => [r['数量'], r['状态（仅导出）']])).toEqual([
      ['3000', '编制中'],
      ['3200', '编制中'],
      ['2800', '编制中'],
    ]);

    const unknown = await workbook(headers, [['XSJH-0000', 'W1', '2026-04-15', 1, null]]);
    await expect(load('production-sales-plans', unknown)).rejects.toMatchObject({ details: [{ reason: expect.stringContaining('销售计划不存在') }] });

    // Sent to the general manager, the plan changes through its document, never from a file.
    const doc = await getDocument(db, workflows, p.market, plan.documentId);
    await submitDocument(db, workflows, p.market, plan.documentId, { version: doc.version }, NOW);
    await expect(load('production-sales-plans', good)).rejects.toMatchObject({
      details: expect.arrayContaining([expect.objectContaining({ row: 2, reason: expect.stringContaining('已不在编制中') })]),
    });
    expect((await getSalesPlan(db, workflows, p.market, plan.id)).lines).toHaveLength(3);
  });

  it('CORE-11 PP-5 shipped quantities, invoices and collection come back from a file; collection above the invoice is refused', async () => {
    const orderId = await approvedWineOrder(db, workflows, p, { kind: 'written', customer: '金城酒店', qty: 600, shipOn: '2026-04-16' }, NOW, '同意');
    const sheet = (await getOrder(db, p.market, orderId)).salesSheetNumber!;

    const exported = await readBack((await exportExcelTable(db, testRegistry.excelTables, p.planner, 'production-shipments', 'zh-CN', NOW)).body);
    expect(exported).toEqual([
      expect.objectContaining({ 销售计划单号: sheet, '客户（仅导出）': '金城酒店', 产品编码: 'W1', 计划出货日期: '2026-04-16', '计划数量（仅导出）': '600' }),
    ]);

    const headers = ['销售计划单号', '产品编码', '计划出货日期', '实际出货日期', '实发数量', '开票金额（元）', '回款金额（元）'];
    const over = await workbook(headers, [[sheet, 'W1', '2026-04-16', '2026-04-16', 600, 1000, 1500]]);
    await expect(load('production-shipments', over)).rejects.toMatchObject({ details: [{ row: 2, column: '回款金额（元）', reason: '回款不能超过开票金额' }] });
    const missing = await workbook(headers, [[sheet, 'W1', '2026-04-17', null, 1, null, null]]);
    await expect(load('production-shipments', missing)).rejects.toMatchObject({ details: [{ reason: expect.stringContaining('找不到') }] });
    const good = await workbook(headers, [[sheet, 'W1', '2026-04-16', '2026-04-16', 600, 72000, 50000]]);
    expect(await load('production-shipments', good)).toEqual({ inserted: 0, updated: 1 });
    expect((await findShipmentPlan(db, p.planner, '2026-04')).find((s) => s.salesSheetNumber === sheet)).toMatchObject({
      shippedOn: '2026-04-16',
      shippedQty: 600,
      invoicedAmount: 72000,
      collectedAmount: 50000,
    });
    // The same file again changes nothing.
    expect(await load('production-shipments', good)).toEqual({ inserted: 0, updated: 0 });
  });

  it('CORE-11 the market department without the import right may export but not import', async () => {
    const file = await exportExcelTable(db, testRegistry.excelTables, p.market, 'production-orders', 'zh-CN', NOW);
    expect(file.fileName).toMatch(/^客户订单-/);
    const buffer = await workbook(ORDER_HEADERS, []);
    await expect(
      importExcelTable(db, testRegistry.excelTables, p.market, { name: 'production-orders', fileName: 'x.xlsx', buffer, locale: 'zh-CN', now: NOW }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
