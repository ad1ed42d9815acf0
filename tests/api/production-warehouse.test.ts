import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

const NOW = '2026-03-20T02:00:00Z';

describe('the warehouse ledger over HTTP (PP-16, tenancy)', () => {
  let t: TestApp;
  let keeper: Client;
  let reader: Client;
  let stranger: Client;
  let itemId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    const { org } = await newOrg(t.ctx.db);
    const keeperA = await newPerson(t.ctx.db, org.id, ['production.read', 'production.stock.write', 'production.master.write']);
    const readerA = await newPerson(t.ctx.db, org.id, ['production.read']);
    const other = await newOrg(t.ctx.db);
    const strangerA = await newPerson(t.ctx.db, other.org.id, 'all');
    [keeper, reader, stranger] = await Promise.all([keeperA, readerA, strangerA].map((a) => signIn(t.app, a.username, TEST_PASSWORD)));
    itemId = (await keeper.post('/api/production/items', { code: 'P1', name: '酒瓶', unit: '个', category: 'packaging', source: 'buy' })).json().id;
  });
  afterAll(() => t.close());

  it('PP-16 a receipt and an issue post as numbered documents; stock is visible at once', async () => {
    const r = await keeper.post('/api/production/stock-documents', { kind: 'receipt', purpose: 'purchase', lines: [{ itemId, qty: 1200, lot: 'A1' }] });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ number: 'RK-2026-0001', lines: [{ qty: 1200, balanceAfter: 1200, lot: 'A1', code: 'P1' }] });
    const i = await keeper.post('/api/production/stock-documents', { kind: 'issue', purpose: 'other', lines: [{ itemId, qty: 200, lot: 'A1' }] });
    expect(i.json().number).toBe('CK-2026-0001');
    expect((await reader.get('/api/production/stock?q=P1')).json()).toEqual([expect.objectContaining({ code: 'P1', lot: 'A1', onHand: 1000, locationName: '主仓库' })]);
    expect((await reader.get('/api/production/items?q=P1')).json()[0].onHand).toBe(1000);
  });

  it('PP-16 an issue beyond stock is a 400 naming the line; a reader cannot post; on hand is never typed in', async () => {
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
});
