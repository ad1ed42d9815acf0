import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#core/db';
import { getPolicyView, updatePolicy } from '#core/policy';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { approvedWinePlan, confirmedFillingWeek, countStock, newRequisitionPlant, type RequisitionPlant } from '../testing/index';
import { findOnHand, getStockDocument, reverseStockDocument } from '../warehouse/index';
import {
  approveRequisition,
  checkRequisitionPosting,
  createRequisition,
  getRequisitionView,
  issueRequisition,
  rejectRequisition,
  returnRequisition,
} from './index';

const NOW = new Date('2026-04-08T02:00:00Z');
const workflows = testRegistry.workflows;

describe('the warehouse issues only against an approved requisition (PP-17, T4 第二十八条)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: RequisitionPlant;
  let id: string;
  const onHand = async (itemId: string) => (await findOnHand(db, p.orgId, { itemIds: [itemId] })).reduce((s, r) => s + r.onHand, 0);
  const requisition = async (day: string, lines: { itemId: string; requestedQty: number; reason?: string }[]) => {
    const r = await createRequisition(db, p.leader, { workshopId: p.workshops.fill, days: [day], lines }, NOW);
    return r;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newRequisitionPlant(db, workflows, NOW);
    const plan = await approvedWinePlan(db, workflows, p, '2026-04', 500, NOW);
    await confirmedFillingWeek(db, workflows, p, plan.id, '2026-04-07', NOW);
    const r = await requisition('2026-04-07', [
      { itemId: p.items.bottle, requestedQty: 3000 },
      { itemId: p.items.base, requestedQty: 2250 },
    ]);
    id = r.id;
  });
  afterAll(() => database.drop());

  it('PP-17 a requisition not yet approved cannot be issued (409 with the reason)', async () => {
    await expect(issueRequisition(db, p.keeper, id, { lines: [{ itemId: p.items.bottle, qty: 1 }] }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('尚未经车间主任批准'),
    });
    const view = await getRequisitionView(db, p.keeper, id);
    expect(view.allowedActions).toEqual([]);
    await approveRequisition(db, p.fillDirector, id, { version: view.version }, NOW);
    expect((await getRequisitionView(db, p.keeper, id)).allowedActions).toEqual(['issue']);
  });

  it('PP-17 a partial issue posts a ledger issue that references the requisition; stock drops; the rest stays outstanding', async () => {
    const before = await onHand(p.items.bottle);
    const r = await issueRequisition(db, p.keeper, id, { lines: [{ itemId: p.items.bottle, qty: 2000 }] }, NOW);
    expect(r.documentNumber).toMatch(/^CK-2026-\d{4}$/);
    expect(await onHand(p.items.bottle)).toBe(before - 2000);
    const doc = await getStockDocument(db, p.orgId, r.documentId);
    expect(doc).toMatchObject({
      kind: 'issue',
      purpose: 'requisition',
      workshopId: p.workshops.fill,
      referenceType: 'requisition',
      referenceId: id,
      referenceNumber: r.requisition.number,
    });
    expect(r.requisition.stage).toBe('partial');
    expect(r.requisition.lines.map((l) => [l.requestedQty, l.issuedQty, l.outstandingQty])).toEqual([
      [3000, 2000, 1000],
      [2250, 0, 2250],
    ]);
    await expect(issueRequisition(db, p.keeper, id, { lines: [{ itemId: p.items.bottle, qty: 1001 }] }, NOW)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'lines.0.qty' }],
    });
    await expect(issueRequisition(db, p.keeper, id, { lines: [{ itemId: p.items.cork, qty: 1 }] }, NOW)).rejects.toMatchObject({
      details: [{ field: 'lines.0.itemId' }],
    });
    await expect(issueRequisition(db, p.leader, id, { lines: [{ itemId: p.items.bottle, qty: 1 }] }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('PP-17 under the record-shortage policy what is missing stays outstanding; a reversed issue is outstanding again', async () => {
    const view = await getPolicyView(db, p.system);
    await updatePolicy(db, p.system, { baseVersion: view.version, values: { production: { negativeStock: 'record_shortage' } }, reason: '测试欠料' });
    await countStock(db, p.keeper, p.items.base, 2000, NOW);
    const r = await issueRequisition(db, p.keeper, id, { lines: [{ itemId: p.items.base, qty: 2250 }] }, NOW);
    expect(r.shortages).toEqual([{ itemId: p.items.base, qty: 250 }]);
    expect(r.requisition.lines[1]).toMatchObject({ issuedQty: 2000, outstandingQty: 250 });
    expect(r.requisition.stage).toBe('partial');
    await db.transaction((tx) => reverseStockDocument(tx, p.keeper, r.documentId, '发错批次', NOW));
    expect((await getRequisitionView(db, p.keeper, id)).lines[1]).toMatchObject({ issuedQty: 0, outstandingQty: 2250 });
    const again = await getPolicyView(db, p.system);
    await updatePolicy(db, p.system, { baseVersion: again.version, values: { production: { negativeStock: 'refuse' } }, reason: '恢复' });
  });

  it('PP-17 once everything is issued it cannot be issued again; unused material comes back as a return against it', async () => {
    const done = await issueRequisition(
      db,
      p.keeper,
      id,
      {
        lines: [
          { itemId: p.items.bottle, qty: 1000 },
          { itemId: p.items.base, qty: 1500 },
          { itemId: p.items.base, qty: 500 },
        ],
      },
      NOW,
    );
    expect(done.requisition.lines[1].outstandingQty).toBe(250);
    await countStock(db, p.keeper, p.items.base, 1000, NOW);
    const full = await issueRequisition(db, p.keeper, id, { lines: [{ itemId: p.items.base, qty: 250 }] }, NOW);
    expect(full.requisition).toMatchObject({ stage: 'issued', allowedActions: ['return'] });
    await expect(issueRequisition(db, p.keeper, id, { lines: [{ itemId: p.items.base, qty: 1 }] }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('已全部发料'),
    });
    const before = await onHand(p.items.bottle);
    const back = await returnRequisition(db, p.keeper, id, { lines: [{ itemId: p.items.bottle, qty: 120 }] }, NOW);
    expect(await onHand(p.items.bottle)).toBe(before + 120);
    expect(await getStockDocument(db, p.orgId, back.documentId)).toMatchObject({
      kind: 'receipt',
      purpose: 'return',
      referenceId: id,
      workshopId: p.workshops.fill,
    });
    expect(back.requisition.lines[0]).toMatchObject({ issuedQty: 3000, returnedQty: 120, outstandingQty: 0 });
    expect(back.requisition.documents.map((d) => d.purpose)).toEqual(['requisition', 'requisition', 'requisition', 'requisition', 'return']);
    await expect(returnRequisition(db, p.keeper, id, { lines: [{ itemId: p.items.bottle, qty: 2881 }] }, NOW)).rejects.toMatchObject({
      details: [{ field: 'lines.0.qty' }],
    });
  });

  it('PP-17 the documents API refuses a requisition issue that does not reference an approved requisition of the organisation', async () => {
    const line = { itemId: p.items.cork, qty: 10 };
    const check = (input: Parameters<typeof checkRequisitionPosting>[2]) => db.transaction((tx) => checkRequisitionPosting(tx, p.keeper, input));
    await expect(check({ kind: 'issue', purpose: 'requisition', lines: [line] })).rejects.toMatchObject({ details: [{ field: 'reference' }] });
    await expect(check({ kind: 'issue', purpose: 'requisition', reference: { type: 'requisition', id: p.orgId }, lines: [line] })).rejects.toMatchObject({
      details: [{ field: 'reference.id' }],
    });
    const pending = await requisition('2026-04-09', [{ itemId: p.items.cork, requestedQty: 3000 }]);
    await expect(check({ kind: 'issue', purpose: 'requisition', reference: { type: 'requisition', id: pending.id }, lines: [line] })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    const rejected = await rejectRequisition(db, p.fillDirector, pending.id, { version: pending.version, opinion: '重复领料' }, NOW);
    await expect(issueRequisition(db, p.keeper, rejected.id, { lines: [line] }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('已被退回'),
    });
    const ok = await requisition('2026-04-10', [{ itemId: p.items.cork, requestedQty: 3000 }]);
    await approveRequisition(db, p.fillDirector, ok.id, { version: ok.version }, NOW);
    const input = await check({ kind: 'issue', purpose: 'requisition', reference: { type: 'requisition', id: ok.id }, lines: [line] });
    expect(input).toMatchObject({ workshopId: p.workshops.fill, reference: { type: 'requisition', id: ok.id, number: ok.number } });
    await expect(check({ kind: 'receipt', purpose: 'purchase', reference: { type: 'requisition', id: ok.id }, lines: [line] })).rejects.toMatchObject({
      details: [{ field: 'purpose' }],
    });
    const other = { kind: 'receipt' as const, purpose: 'purchase' as const, lines: [line] };
    expect(await check(other)).toBe(other);
  });
});
