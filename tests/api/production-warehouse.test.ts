import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function multipart(fileName: string, content: Buffer) {
  const boundary = `----zhidu${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function workbook(name: string, rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rowsOf(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

const NOW = '2026-03-20T02:00:00Z';

describe('the warehouse ledger over HTTP (PP-16, tenancy)', () => {
  let t: TestApp;
  let keeper: Client;
  let reader: Client;
  let stranger: Client;
  let itemId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
  });
  // Each test has an organisation of its own (a keeper, a reader, the bottle P1 with nothing on hand) and a stranger elsewhere.
  beforeEach(async () => {
    const { org } = await newOrg(t.ctx.db);
    const keeperA = await newPerson(t.ctx.db, org.id, ['production.read', 'production.stock.write', 'production.master.write', 'excel.import']);
    const readerA = await newPerson(t.ctx.db, org.id, ['production.read']);
    const other = await newOrg(t.ctx.db);
    const strangerA = await newPerson(t.ctx.db, other.org.id, 'all');
    [keeper, reader, stranger] = await Promise.all([keeperA, readerA, strangerA].map((a) => signIn(t.app, a.username, TEST_PASSWORD)));
    itemId = (await keeper.post('/api/production/items', { code: 'P1', name: '酒瓶', unit: '个', category: 'packaging', source: 'buy' })).json().id;
  });
  afterAll(() => t.close());

  const post = async (body: object) => {
    const r = await keeper.post('/api/production/stock-documents', body);
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  /** 1,200 bottles of lot A1 received, 200 issued: 1,000 on hand (RK-2026-0001, CK-2026-0001). */
  const stocked = async () => {
    await post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId, qty: 1200, lot: 'A1' }] });
    await post({ kind: 'issue', purpose: 'other', lines: [{ itemId, qty: 200, lot: 'A1' }] });
  };
  /** The ledger's first weeks: stocked, a receipt of 50 reversed as wrong, then receipts of 1 and 5 bottles: 1,006 on hand. */
  const ledgerHistory = async () => {
    await stocked();
    const wrong = await post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId, qty: 50 }] });
    expect((await keeper.post(`/api/production/stock-documents/${wrong.id}/reverse`, { reason: '重复入库' })).statusCode).toBe(201);
    await post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId, qty: 1 }] });
    await post({ kind: 'receipt', purpose: 'production', lines: [{ itemId, qty: 5 }] });
  };

  it('PP-16 a receipt and an issue post as numbered documents; stock is visible at once', async () => {
    const r = await keeper.post('/api/production/stock-documents', { kind: 'receipt', purpose: 'purchase', lines: [{ itemId, qty: 1200, lot: 'A1' }] });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ number: 'RK-2026-0001', lines: [{ qty: 1200, balanceAfter: 1200, lot: 'A1', code: 'P1' }] });
    const i = await keeper.post('/api/production/stock-documents', { kind: 'issue', purpose: 'other', lines: [{ itemId, qty: 200, lot: 'A1' }] });
    expect(i.json().number).toBe('CK-2026-0001');
    expect((await reader.get('/api/production/stock?q=P1')).json()).toEqual([
      expect.objectContaining({ code: 'P1', lot: 'A1', onHand: 1000, locationName: '主仓库' }),
    ]);
    expect((await reader.get('/api/production/items?q=P1')).json()[0].onHand).toBe(1000);
  });

  it('PP-16 an issue beyond stock is a 400 naming the line; a reader cannot post; on hand is never typed in', async () => {
    await stocked();
    const over = await keeper.post('/api/production/stock-documents', { kind: 'issue', purpose: 'other', lines: [{ itemId, qty: 5000, lot: 'A1' }] });
    expect(over.statusCode).toBe(400);
    expect(over.json().details[0].field).toBe('lines.0.qty');
    expect((await reader.post('/api/production/stock-documents', { kind: 'receipt', purpose: 'purchase', lines: [{ itemId, qty: 1 }] })).statusCode).toBe(403);
    const typed = await keeper.put(`/api/production/items/${itemId}/stock`, { version: 1, onHand: 99999 });
    expect(typed.statusCode).toBe(400);
    expect((await reader.get('/api/production/stock?q=P1')).json()[0].onHand).toBe(1000);
  });

  it('PP-16 a wrong document is reversed with a reason, and stays readable beside its reversal', async () => {
    const wrong = (await keeper.post('/api/production/stock-documents', { kind: 'receipt', purpose: 'purchase', lines: [{ itemId, qty: 50 }] })).json();
    expect((await keeper.post(`/api/production/stock-documents/${wrong.id}/reverse`, { reason: '' })).statusCode).toBe(400);
    const reversal = await keeper.post(`/api/production/stock-documents/${wrong.id}/reverse`, { reason: '重复入库' });
    expect(reversal.statusCode).toBe(201);
    expect(reversal.json()).toMatchObject({ kind: 'reversal', reversesId: wrong.id, note: '重复入库', lines: [{ qty: -50 }] });
    expect((await reader.get(`/api/production/stock-documents/${wrong.id}`)).json()).toMatchObject({ reversedById: reversal.json().id });
  });

  it('CORE-1 another organisation sees no stock and cannot read, post against or reverse our documents', async () => {
    const doc = (await keeper.post('/api/production/stock-documents', { kind: 'receipt', purpose: 'purchase', lines: [{ itemId, qty: 1 }] })).json();
    expect((await stranger.get('/api/production/stock')).json()).toEqual([]);
    expect((await stranger.get(`/api/production/stock-documents/${doc.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/production/stock-documents/${doc.id}/reverse`, { reason: '试试' })).statusCode).toBe(404);
    const foreign = await stranger.post('/api/production/stock-documents', { kind: 'receipt', purpose: 'purchase', lines: [{ itemId, qty: 1 }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0].field).toBe('lines.0.itemId');
  });

  it('PP-16 locations: added, renamed, and not retired while they hold stock; another organisation’s location is not found', async () => {
    const created = await keeper.post('/api/production/locations', { code: 'CP', name: '成品仓', kind: 'finished' });
    expect(created.statusCode).toBe(201);
    const loc = created.json();
    expect((await keeper.post('/api/production/locations', { code: 'CP', name: '重复' })).json().details[0].field).toBe('code');
    expect((await keeper.post('/api/production/locations', { code: '', name: 'x' })).statusCode).toBe(400);
    const renamed = await keeper.patch(`/api/production/locations/${loc.id}`, { version: loc.version, name: '成品库' });
    expect(renamed.json()).toMatchObject({ name: '成品库', version: loc.version + 1 });
    expect((await keeper.patch(`/api/production/locations/${loc.id}`, { version: loc.version, name: '过期' })).statusCode).toBe(409);
    await keeper.post('/api/production/stock-documents', { kind: 'receipt', purpose: 'production', lines: [{ itemId, qty: 5, locationId: loc.id }] });
    const refused = await keeper.post(`/api/production/locations/${loc.id}/retire`, { version: loc.version + 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('成品库还有 1 项库存');
    const list = (await reader.get('/api/production/locations')).json();
    expect(list.find((l: { id: string }) => l.id === loc.id)).toMatchObject({ stockLines: 1, isActive: true });
    expect((await reader.post('/api/production/locations', { code: 'R', name: 'r' })).statusCode).toBe(403);
    expect((await stranger.patch(`/api/production/locations/${loc.id}`, { version: loc.version + 1, name: '偷改' })).statusCode).toBe(404);
    expect((await stranger.get('/api/production/locations')).json()).toEqual([]);
  });

  it('PP-16 the document list filters and pages; a document’s context names its reversal; another organisation gets 404', async () => {
    await ledgerHistory();
    const page = (await reader.get('/api/production/stock-documents?kind=receipt&limit=2&offset=0')).json();
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect((await reader.get('/api/production/stock-documents?purpose=other')).json().rows.map((r: { number: string }) => r.number)).toEqual(['CK-2026-0001']);
    expect((await reader.get('/api/production/stock-documents?from=2026-03-21&to=2026-03-20')).statusCode).toBe(400);
    const reversed = (await reader.get('/api/production/stock-documents?kind=reversal')).json().rows[0];
    const ctx = (await reader.get(`/api/production/stock-documents/${reversed.id}/context`)).json();
    expect(ctx.reversesNumber).toMatch(/^RK-2026-/);
    expect((await stranger.get(`/api/production/stock-documents/${reversed.id}/context`)).statusCode).toBe(404);
    expect((await stranger.get('/api/production/stock-documents')).json()).toEqual({ rows: [], total: 0 });
  });

  it('PP-16 stock on hand per item with its standards, and the stock card; another organisation’s item is not found', async () => {
    await ledgerHistory();
    const summary = (await reader.get('/api/production/stock/summary?q=P1')).json();
    expect(summary.rows[0]).toMatchObject({ code: 'P1', onHand: 1006, safetyStock: 0, isBelowSafety: false });
    const card = (await reader.get(`/api/production/items/${itemId}/stock-card`)).json();
    expect(card.onHand).toBe(1006);
    expect(card.moves[0].postedAt).toBeTypeOf('string');
    expect((await stranger.get(`/api/production/items/${itemId}/stock-card`)).statusCode).toBe(404);
  });

  it('PP-16 a shipment issue names a line of the shipment plan: an unknown or foreign one is a 400', async () => {
    const r = await keeper.post('/api/production/shipment-issues', { shipmentId: '00000000-0000-4000-8000-000000000000', lines: [{ qty: 1 }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().details[0].field).toBe('shipmentId');
    expect((await reader.get('/api/production/shipment-issues/options?month=2026-4')).statusCode).toBe(400);
  });

  it('PP-16 an items file still carrying 现有库存 is refused and points to the stock count; on hand is never imported', async () => {
    await ledgerHistory();
    const file = multipart(
      'items.xlsx',
      await workbook('items', [
        ['编码', '品名', '单位', '类别', '来源', '现有库存'],
        ['P1', '酒瓶', '个', '包装材料', '外购', 99999],
      ]),
    );
    const r = await keeper.request('POST', '/api/excel/production-items/import', file.body, file.headers);
    expect(r.statusCode).toBe(400);
    expect(r.json().details[0]).toMatchObject({ column: '现有库存' });
    expect(r.json().details[0].reason).toContain('盘点');
    expect((await reader.get('/api/production/stock/summary?q=P1')).json().rows[0].onHand).toBe(1006);
  });

  it('PP-16 the count sheet exports what is on hand and imports the counted quantities as one count document', async () => {
    await ledgerHistory();
    const exported = await keeper.get('/api/excel/production-stock-count/export');
    expect(exported.statusCode).toBe(200);
    const rows = await rowsOf(exported.rawPayload);
    expect(rows[0]).toEqual(['库位编码', '库位', '物料编码', '品名', '规格', '单位', '批次', '账面数量', '实盘数量']);
    const counted = rows.slice(1).map((r) => [...r.slice(0, 8), r[2] === 'P1' && r[6] === 'A1' ? 990 : null]);
    const file = multipart('count.xlsx', await workbook('stock-count', [rows[0], ...counted]));
    const r = await keeper.request('POST', '/api/excel/production-stock-count/import', file.body, file.headers);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ inserted: 1, updated: 1 });
    const counts = (await reader.get('/api/production/stock-documents?kind=count')).json();
    expect(counts.total).toBe(1);
    expect((await reader.get('/api/production/stock/summary?q=P1')).json().rows[0].onHand).toBe(996);
    expect((await reader.get('/api/excel/production-stock-count/export')).statusCode).toBe(403);
  });
});
