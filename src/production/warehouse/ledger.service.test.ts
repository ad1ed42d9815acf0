import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#core/audit';
import { type Db, migrate, migrationsDir } from '#core/db';
import { notifications } from '#core/notify';
import { getPolicyView, updatePolicy } from '#core/policy';
import { createTestDatabase, newPerson, type TestDatabase, testRegistry } from '#test-support';
import { findItems, loadPlanningFacts, loadPlanningMaster, prodLocations } from '../master/index';
import { newPlant, type TestPlant } from '../testing/index';
import { findItemMoves, findOnHand, postStockDocument, reverseStockDocument } from './index';

const NOW = new Date('2026-03-20T02:00:00Z');

describe('warehouse ledger (PP-16)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newPlant(db, testRegistry.workflows, NOW);
  });
  afterAll(() => database.drop());

  const post = (input: Parameters<typeof postStockDocument>[2]) => db.transaction((tx) => postStockDocument(tx, p.system, input, NOW));
  const onHand = async (itemId: string) => (await findOnHand(db, p.orgId, { itemIds: [itemId] })).reduce((s, r) => s + r.onHand, 0);

  it('PP-16 the opening stock of the plant is in the ledger, and MRP nets against it', async () => {
    expect(await onHand(p.items.bottle)).toBe(60000);
    const master = await loadPlanningMaster(db, p.orgId);
    expect(master.stock.get(p.items.cork)?.onHand).toBe(1000);
    expect((await findItems(db, p.planner, {})).find((i) => i.id === p.items.base)?.onHand).toBe(20000);
  });

  it('issue 11 PP-9 PP-14: the kernels’ lean read of the master gives the same facts as the whole rows', async () => {
    const master = await loadPlanningMaster(db, p.orgId);
    const facts = await loadPlanningFacts(db, p.orgId);
    const pick = <T extends object, K extends keyof T>(rows: readonly T[], keys: K[]) =>
      rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]]))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const sorted = <T>(rows: readonly T[]) => [...rows].map((r) => ({ ...r })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(facts.items)).toEqual(pick(master.items, ['id', 'source', 'leadTimeDays', 'lotRule', 'lotQty', 'lotMin']));
    expect(sorted(facts.bom)).toEqual(pick(master.bom, ['parentItemId', 'childItemId', 'qtyPer', 'scrapRate', 'yieldRate']));
    expect(sorted(facts.routings)).toEqual(pick(master.routings, ['itemId', 'workshopId', 'hoursPerUnit', 'offsetDays']));
    expect(facts.items.length).toBeGreaterThan(0);
    expect(facts.bom.length).toBeGreaterThan(0);
    expect(facts.routings.length).toBeGreaterThan(0);
    expect(new Map([...facts.stock].map(([id, s]) => [id, { onHand: s.onHand, safetyStock: s.safetyStock }]))).toEqual(
      new Map([...master.stock].map(([id, s]) => [id, { onHand: s.onHand, safetyStock: s.safetyStock }])),
    );
    expect(facts.stock.get(p.items.cork)?.onHand).toBe(1000);
  });

  it('PP-16 a receipt and an issue are numbered documents per organisation and year; each write is audited', async () => {
    const r = await post({
      kind: 'receipt',
      purpose: 'purchase',
      reference: { type: 'purchase_plan', number: 'CG-1' },
      lines: [{ itemId: p.items.cork, qty: 500, lot: '260320' }],
    });
    expect(r.doc.number).toMatch(/^RK-2026-\d{4}$/);
    const i = await post({ kind: 'issue', purpose: 'requisition', workshopId: p.workshops.fill, lines: [{ itemId: p.items.cork, qty: 200, lot: '260320' }] });
    expect(i.doc.number).toMatch(/^CK-2026-\d{4}$/);
    expect(await onHand(p.items.cork)).toBe(1300);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, p.orgId), eq(auditLog.entityId, i.doc.id)));
    expect(audit[0].action).toBe('production.stock.post');
    const card = await findItemMoves(db, p.orgId, p.items.cork);
    expect(card.slice(0, 2).map((m) => [m.number, m.qty, m.balanceAfter])).toEqual([
      [i.doc.number, -200, 300],
      [r.doc.number, 500, 500],
    ]);
  });

  it('PP-16 an issue beyond stock is refused by default and nothing is written', async () => {
    const before = await onHand(p.items.cork);
    await expect(
      post({
        kind: 'issue',
        purpose: 'requisition',
        lines: [
          { itemId: p.items.cork, qty: 5, lot: '260320' },
          { itemId: p.items.cork, qty: 99999 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'lines.1.qty' }] });
    expect(await onHand(p.items.cork)).toBe(before);
  });

  it('PP-16 with the record-shortage policy the rest is a shortage (欠料) and purchasing and planning are told', async () => {
    const buyer = await newPerson(db, p.orgId, ['production.read', 'production.purchase.write']);
    const view = await getPolicyView(db, p.system);
    await updatePolicy(db, p.system, { baseVersion: view.version, values: { production: { negativeStock: 'record_shortage' } }, reason: '测试欠料' });
    const r = await post({ kind: 'issue', purpose: 'requisition', lines: [{ itemId: p.items.bottle, qty: 60500 }] });
    expect(r.shortages).toEqual([{ itemId: p.items.bottle, qty: 500 }]);
    expect(await onHand(p.items.bottle)).toBe(0);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.userId, buyer.userId)));
    expect(told.map((n) => n.kind)).toContain('production.stock.shortage');
    const again = await getPolicyView(db, p.system);
    await updatePolicy(db, p.system, { baseVersion: again.version, values: { production: { negativeStock: 'refuse' } }, reason: '恢复' });
  });

  it('PP-16 two issues at the same moment cannot both take the last stock', async () => {
    await post({ kind: 'count', purpose: 'count', lines: [{ itemId: p.items.base, qty: 100 }] });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => post({ kind: 'issue', purpose: 'requisition', lines: [{ itemId: p.items.base, qty: 30 }] })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await onHand(p.items.base)).toBe(10);
  });

  it('PP-16 a wrong document is reversed, never edited or deleted; a reversal is not reversed again', async () => {
    const wrong = await post({ kind: 'receipt', purpose: 'production', workshopId: p.workshops.pack, lines: [{ itemId: p.items.wine, qty: 70 }] });
    await expect(db.execute(sql`delete from prod_stock_moves where doc_id = ${wrong.doc.id}`)).rejects.toThrow();
    const reversal = await db.transaction((tx) => reverseStockDocument(tx, p.system, wrong.doc.id, '数量录错', NOW));
    expect(reversal.doc.number).toMatch(/^CX-2026-/);
    expect(await onHand(p.items.wine)).toBe(0);
    await expect(db.transaction((tx) => reverseStockDocument(tx, p.system, wrong.doc.id, '再冲一次', NOW))).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(db.transaction((tx) => reverseStockDocument(tx, p.system, reversal.doc.id, '冲销冲销', NOW))).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('PP-16 a receipt whose goods were issued since cannot be reversed below zero', async () => {
    const r = await post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId: p.items.wine, qty: 10 }] });
    await post({ kind: 'issue', purpose: 'shipment', lines: [{ itemId: p.items.wine, qty: 8 }] });
    await expect(db.transaction((tx) => reverseStockDocument(tx, p.system, r.doc.id, '退回供应商', NOW))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('PP-16 transfers between locations keep the item total; unknown items and locations are 400s naming the line', async () => {
    const [loc] = await db.insert(prodLocations).values({ orgId: p.orgId, code: 'B2', name: '成品库', kind: 'finished' }).returning();
    const before = await onHand(p.items.bottle);
    await post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId: p.items.bottle, qty: 100 }] });
    await post({ kind: 'transfer', purpose: 'transfer', lines: [{ itemId: p.items.bottle, qty: 40, toLocationId: loc.id }] });
    expect(await onHand(p.items.bottle)).toBe(before + 100);
    expect((await findOnHand(db, p.orgId, { locationId: loc.id })).map((r) => r.onHand)).toEqual([40]);
    await expect(post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId: '00000000-0000-0000-0000-000000000000', qty: 1 }] })).rejects.toMatchObject({
      details: [{ field: 'lines.0.itemId' }],
    });
    await expect(
      post({ kind: 'receipt', purpose: 'purchase', lines: [{ itemId: p.items.bottle, qty: 1, locationId: '00000000-0000-0000-0000-000000000000' }] }),
    ).rejects.toMatchObject({ details: [{ field: 'lines.0.locationId' }] });
  });
});

describe('the migration to the ledger (PP-16)', () => {
  it('PP-16 today’s editable on-hand numbers become each plant’s opening balance; nothing is lost', async () => {
    const database = await createTestDatabase();
    try {
      // A database as it was before the ledger: every migration up to 0030.
      const before = mkdtempSync(join(tmpdir(), 'zhidu-mig-'));
      for (const f of readdirSync(migrationsDir).filter((f) => f < '0030')) cpSync(join(migrationsDir, f), join(before, f));
      await database.db.execute(sql`drop schema public cascade`);
      await database.db.execute(sql`create schema public`);
      await migrate(database, before);
      const org = (
        await database.query<{ id: string }>(`insert into organisations (code, name, kind, template) values ('m', 'M', 'enterprise', 'T4') returning id`)
      )[0].id;
      const item = (
        await database.query<{ id: string }>(
          `insert into prod_items (org_id, code, name, unit, category, source) values ('${org}', 'P1', '瓶', '个', 'packaging', 'buy') returning id`,
        )
      )[0].id;
      const empty = (
        await database.query<{ id: string }>(
          `insert into prod_items (org_id, code, name, unit, category, source) values ('${org}', 'P2', '盖', '个', 'packaging', 'buy') returning id`,
        )
      )[0].id;
      await database.query(
        `insert into prod_stock (org_id, item_id, on_hand, safety_stock) values ('${org}', '${item}', 1234.5, 100), ('${org}', '${empty}', 0, 0)`,
      );
      await migrate(database);
      const rows = await database.query<{ item_id: string; on_hand: number; code: string }>(
        `select b.item_id, b.on_hand, l.code from prod_stock_balances b join prod_locations l on l.org_id = b.org_id and l.id = b.location_id where b.org_id = '${org}'`,
      );
      expect(rows).toEqual([{ item_id: item, on_hand: 1234.5, code: 'MAIN' }]);
      const docs = await database.query<{ number: string; kind: string }>(`select number, kind from prod_stock_docs where org_id = '${org}'`);
      expect(docs).toEqual([{ number: expect.stringMatching(/^QC-\d{4}-0001$/), kind: 'opening' }]);
      // A safety stock never approved waits for approval (0031, T4 第二十四条): kept, not in force.
      expect(
        (
          await database.query<{ safety_stock: number; safety_pending: number }>(
            `select safety_stock, safety_pending from prod_stock where item_id = '${item}'`,
          )
        )[0],
      ).toEqual({ safety_stock: 0, safety_pending: 100 });
    } finally {
      await database.drop();
    }
  });
});
