import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '#core/db';
import { importExcelTable } from '#core/excel';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { approveSafetyStock, findItems, updateStock } from '../master/index';
import { approvedWineOrder, newPlant, newRolePerson, type TestPlant } from '../testing/index';
import {
  createLocation,
  findLocations,
  findShipmentOptions,
  findStockDocuments,
  findStockSummary,
  getDocumentContext,
  getStockCard,
  postShipmentIssue,
  postStockDocument,
  retireLocation,
  reverseStockDocument,
  updateLocation,
} from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-03-20T02:00:00Z');

async function countWorkbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('stock-count');
  ws.addRow(['库位编码', '库位', '物料编码', '品名', '批次', '账面数量', '实盘数量']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the warehouse desk (PP-16, T4 第二十五条)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let keeper: Awaited<ReturnType<typeof newRolePerson>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own and its warehouse keeper.
  beforeEach(async () => {
    p = await newPlant(db, workflows, NOW);
    keeper = await newRolePerson(db, p.orgId, 'warehouse', ['production.read', 'production.stock.write', 'excel.import']);
  });
  afterAll(() => database.drop());

  const post = (input: Parameters<typeof postStockDocument>[2], now = NOW) => db.transaction((tx) => postStockDocument(tx, keeper, input, now));
  /** The raw-material store 原料库 (YL), empty. */
  const rawStore = () => createLocation(db, keeper, { code: 'YL', name: '原料库', kind: 'raw' });
  /** The corks' moves: 300 in lot L1 into the raw store and on to the main warehouse, 5 issued to filling on 22 March, 7 returned by mistake and reversed. */
  const corkMoves = async () => {
    const raw = await rawStore();
    const main = (await findLocations(db, keeper)).find((l) => l.code === 'MAIN')!;
    await post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId: p.items.cork, qty: 300, locationId: raw.id, lot: 'L1' }] });
    await post({ kind: 'transfer', purpose: 'transfer', lines: [{ itemId: p.items.cork, qty: 300, locationId: raw.id, lot: 'L1', toLocationId: main.id }] });
    await post(
      { kind: 'issue', purpose: 'requisition', workshopId: p.workshops.fill, lines: [{ itemId: p.items.cork, qty: 5 }] },
      new Date('2026-03-22T02:00:00Z'),
    );
    const wrong = await post({ kind: 'receipt', purpose: 'return', workshopId: p.workshops.fill, lines: [{ itemId: p.items.cork, qty: 7 }] });
    await db.transaction((tx) => reverseStockDocument(tx, keeper, wrong.doc.id, '退料数量录错', NOW));
  };
  /** The books before the count sheet: 110 bottles received on 21 March (60,110), the base counted at 19,990. */
  const booksBeforeCount = async () => {
    await post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId: p.items.bottle, qty: 110 }] }, new Date('2026-03-21T02:00:00Z'));
    await post({ kind: 'count', purpose: 'count', lines: [{ itemId: p.items.base, qty: 19990 }] });
  };

  it('PP-16 locations are master data: added, renamed with a version, a code used once', async () => {
    const row = await createLocation(db, keeper, { code: 'YL', name: '原料仓', kind: 'raw' });
    await expect(createLocation(db, keeper, { code: 'YL', name: '又一个' })).rejects.toMatchObject({ details: [{ field: 'code' }] });
    const renamed = await updateLocation(db, keeper, row.id, { version: row.version, name: '原料库' });
    expect(renamed).toMatchObject({ name: '原料库', kind: 'raw', version: row.version + 1 });
    await expect(updateLocation(db, keeper, row.id, { version: row.version, name: '旧名' })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    await expect(createLocation(db, p.market, { code: 'X', name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('PP-16 a location with stock cannot be retired; emptied, it can, and then takes no documents; the main warehouse stays', async () => {
    const raw = await rawStore();
    await post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId: p.items.cork, qty: 300, locationId: raw.id, lot: 'L1' }] });
    const err = await retireLocation(db, keeper, raw.id, raw.version).catch((e) => e);
    expect(err).toMatchObject({ code: 'INVALID_STATE' });
    expect(err.message).toContain('原料库还有 1 项库存');
    const main = (await findLocations(db, keeper)).find((l) => l.code === 'MAIN')!;
    await post({ kind: 'transfer', purpose: 'transfer', lines: [{ itemId: p.items.cork, qty: 300, locationId: raw.id, lot: 'L1', toLocationId: main.id }] });
    const retired = await retireLocation(db, keeper, raw.id, raw.version);
    expect(retired.isActive).toBe(false);
    await expect(post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId: p.items.cork, qty: 1, locationId: raw.id }] })).rejects.toMatchObject({
      details: [{ field: 'lines.0.locationId' }],
    });
    await expect(retireLocation(db, keeper, main.id, main.version)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await findLocations(db, keeper)).find((l) => l.id === main.id)?.stockLines).toBeGreaterThan(0);
  });

  it('PP-16 documents are found by kind, purpose, date, item, workshop, reference and number, paged past 100 rows', async () => {
    // The month's first purchase receipt: 300 corks on 20 March; then 110 bottle receipts on the 21st.
    await post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId: p.items.cork, qty: 300, lot: 'L1' }] });
    for (let i = 0; i < 110; i++)
      await post(
        {
          kind: 'receipt',
          purpose: 'purchase',
          reference: { type: 'purchase_plan', number: `CGJH-2026-${i % 2 ? '0007' : '0008'}` },
          lines: [{ itemId: p.items.bottle, qty: 1 }],
        },
        new Date('2026-03-21T02:00:00Z'),
      );
    await post(
      { kind: 'issue', purpose: 'requisition', workshopId: p.workshops.fill, lines: [{ itemId: p.items.cork, qty: 5 }] },
      new Date('2026-03-22T02:00:00Z'),
    );
    const page = await findStockDocuments(db, keeper, { kind: 'receipt', purpose: 'purchase', limit: 50, offset: 100 });
    expect(page.total).toBeGreaterThanOrEqual(111);
    expect(page.rows.length).toBe(page.total - 100);
    expect((await findStockDocuments(db, keeper, { reference: '0007' })).total).toBe(55);
    const issues = await findStockDocuments(db, keeper, { workshopId: p.workshops.fill, itemId: p.items.cork, from: '2026-03-22', to: '2026-03-22' });
    expect(issues.rows).toMatchObject([{ kind: 'issue', workshopName: '灌装车间', lines: 1, qty: 5, isReversed: false }]);
    expect((await findStockDocuments(db, keeper, { q: issues.rows[0].number })).rows.map((r) => r.id)).toEqual([issues.rows[0].id]);
    expect((await findStockDocuments(db, keeper, { itemId: p.items.wine })).total).toBe(0);
  });

  it('PP-16 a document’s page knows who posted it and its reversal both ways; a count shows what the books said', async () => {
    const wrong = await post({ kind: 'receipt', purpose: 'return', workshopId: p.workshops.fill, lines: [{ itemId: p.items.cork, qty: 7 }] });
    const reversal = await db.transaction((tx) => reverseStockDocument(tx, keeper, wrong.doc.id, '退料数量录错', NOW));
    expect(await getDocumentContext(db, keeper, wrong.doc.id)).toMatchObject({
      postedByName: '测试 warehouse',
      workshopName: '灌装车间',
      reversedByNumber: reversal.doc.number,
      reversedByNote: '退料数量录错',
    });
    expect(await getDocumentContext(db, keeper, reversal.doc.id)).toMatchObject({ reversesNumber: wrong.doc.number });
    const count = await post({ kind: 'count', purpose: 'count', lines: [{ itemId: p.items.base, qty: 19990 }] });
    expect((await getDocumentContext(db, keeper, count.doc.id)).bookQty).toEqual([20000]);
  });

  it('PP-16 stock on hand per item shows its minimum, maximum and safety stock and flags what is below', async () => {
    const cork = (await findItems(db, p.planner, {})).find((i) => i.id === p.items.cork)!;
    const asked = await updateStock(db, p.planner, p.items.cork, { version: cork.stockVersion!, minQty: 5000, maxQty: 20000, safetyStock: 2000 }, NOW);
    await approveSafetyStock(db, p.system, p.items.cork, asked.version, NOW);
    const all = await findStockSummary(db, keeper, { q: 'C1' });
    expect(all.rows).toEqual([expect.objectContaining({ code: 'C1', minQty: 5000, maxQty: 20000, safetyStock: 2000, isBelowSafety: true, isBelowMin: true })]);
    const low = await findStockSummary(db, keeper, { low: 'true' });
    expect(low.rows.map((r) => r.code)).toEqual(['C1']);
    expect(low.low).toBe(1);
    const main = (await findLocations(db, keeper)).find((l) => l.code === 'MAIN')!;
    expect((await findStockSummary(db, keeper, { locationId: main.id })).rows.map((r) => r.code)).toEqual(['B1', 'C1', 'P1']);
  });

  it('PP-16 the stock card lists every move of an item, newest first, with the balance after it', async () => {
    await corkMoves();
    const card = await getStockCard(db, keeper, p.items.cork);
    expect(card.item.code).toBe('C1');
    // 1,000 opening + 300 in lot L1 − 5 issued; the reversal of the 7 returned is the latest move.
    expect(card.onHand).toBe(1295);
    expect(card.moves[0]).toMatchObject({ kind: 'reversal', qty: -7, balanceAfter: 995 });
    expect(card.moves.at(-1)).toMatchObject({ kind: 'opening', qty: 1000 });
  });

  it('PP-16 the count sheet comes back from Excel as ONE count document; blank counts change nothing, a bad row writes nothing', async () => {
    await booksBeforeCount();
    const before = await findStockDocuments(db, keeper, { kind: 'count' });
    const bad = await countWorkbook([
      ['MAIN', '主仓库', 'P1', '', null, 60110, 60000],
      ['MAIN', '主仓库', 'NOPE', '', null, 1, 1],
    ]);
    const err = await importExcelTable(db, testRegistry.excelTables, keeper, {
      name: 'production-stock-count',
      fileName: 'count.xlsx',
      buffer: bad,
      locale: 'zh-CN',
      now: NOW,
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'IMPORT_FAILED', details: [{ row: 3, column: '物料编码' }] });
    expect((await findStockDocuments(db, keeper, { kind: 'count' })).total).toBe(before.total);
    const good = await countWorkbook([
      ['MAIN', '主仓库', 'P1', '', null, 60110, 60100],
      ['MAIN', '主仓库', 'C1', '', null, 1000, null],
      ['MAIN', '主仓库', 'B1', '', null, 19990, 19990],
    ]);
    const summary = await importExcelTable(db, testRegistry.excelTables, keeper, {
      name: 'production-stock-count',
      fileName: 'count.xlsx',
      buffer: good,
      locale: 'zh-CN',
      now: NOW,
    });
    expect(summary).toEqual({ inserted: 2, updated: 1 });
    const after = await findStockDocuments(db, keeper, { kind: 'count' });
    expect(after.total).toBe(before.total + 1);
    expect(after.rows[0]).toMatchObject({ lines: 2, note: '按 Excel 盘点表导入实盘数量' });
    expect((await findStockSummary(db, keeper, { q: 'P1' })).rows[0].onHand).toBe(60100);
  });

  it('PP-16 finished goods go out against a line of the shipment plan; the line shows what the warehouse issued', async () => {
    await post({ kind: 'receipt', purpose: 'production', workshopId: p.workshops.pack, lines: [{ itemId: p.items.wine, qty: 400 }] });
    await approvedWineOrder(db, workflows, p, { kind: 'contract', customer: '华北糖酒', qty: 300, shipOn: '2026-04-10' }, NOW, '同意');
    const [shipment] = await findShipmentOptions(db, keeper, '2026-04');
    expect(shipment).toMatchObject({ customer: '华北糖酒', qty: 300, issued: 0 });
    const issued = await postShipmentIssue(db, keeper, { shipmentId: shipment.id, lines: [{ qty: 300 }] }, NOW);
    expect(issued.doc).toMatchObject({ kind: 'issue', purpose: 'shipment', referenceType: 'shipment', referenceId: shipment.id });
    expect((await findShipmentOptions(db, keeper, '2026-04'))[0].issued).toBe(300);
    await expect(postShipmentIssue(db, keeper, { shipmentId: '00000000-0000-4000-8000-000000000000', lines: [{ qty: 1 }] }, NOW)).rejects.toMatchObject({
      details: [{ field: 'shipmentId' }],
    });
    await db.transaction((tx) => reverseStockDocument(tx, keeper, issued.doc.id, '发错客户', NOW));
    expect((await findShipmentOptions(db, keeper, '2026-04'))[0].issued).toBe(0);
  });
});
