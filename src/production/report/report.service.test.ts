import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '#core/audit';
import type { Db } from '#core/db';
import { notifications } from '#core/notify';
import { createMeeting } from '#core/meeting';
import { getPolicyView, updatePolicy } from '#core/policy';
import { countStatements, createTestDatabase, newPerson, type TestDatabase, testRegistry } from '#test-support';
import { type ExecutionPeople, issueMonthlyPlan, newExecutionPeople, newPlant, type TestPlant } from '../testing/index';
import { findOnHand, getStockDocument } from '../warehouse/index';
import {
  amendReport,
  findCoordinationInbox,
  findCoordinationItems,
  getMonthEnd,
  getProgress,
  getReport,
  getReportForm,
  loadPlanSeries,
  resolveCoordination,
  saveVarianceCause,
  slicePlanSeries,
  submitReport,
} from './index';

const NOW = new Date('2026-03-20T02:00:00Z');
const APRIL = new Date('2026-04-02T02:00:00Z');

describe('daily reports, completion by 进仓 and month-end statistics (PP-18, PP-22, PP-29)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let x: ExecutionPeople;
  const code = (e: unknown) => (e as { code?: string }).code;
  const reject = (promise: Promise<unknown>) => promise.then(() => 'resolved', code);
  const wineOnHand = async () => (await findOnHand(db, p.orgId, { itemIds: [p.items.wine] })).reduce((s, r) => s + r.onHand, 0);
  const packReport = { workshopId: '', reportDate: '2026-03-19', shift: 1, hoursWorked: 10, stoppages: [] };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own with March's plan (600 a day) issued.
  beforeEach(async () => {
    p = await newPlant(db, testRegistry.workflows, NOW);
    x = await newExecutionPeople(db, p);
    await issueMonthlyPlan(db, testRegistry.workflows, p, '2026-03', 600, NOW);
    packReport.workshopId = p.workshops.pack;
  });
  afterAll(() => database.drop());

  /** The amendment of packing's report: 580 put into the warehouse after all (补录漏记的进仓). */
  const amendedTo580 = (version: number) => ({
    version,
    reason: '补录漏记的进仓',
    hoursWorked: 10,
    lines: [{ itemId: p.items.wine, outputQty: 600, warehouseQty: 580, scrapQty: 5 }],
    stoppages: [],
  });
  /** Packing's report of shift 1 on 19 March: 600 made, 550 put into the warehouse, 5 scrapped; its id. */
  const submittedPackReport = () =>
    submitReport(db, x.head, { ...packReport, lines: [{ itemId: p.items.wine, outputQty: 600, warehouseQty: 550, scrapQty: 5 }] }, NOW);
  /** … amended: 580 put into the warehouse after all. */
  const amendedPackReport = async () => {
    const reportId = await submittedPackReport();
    const before = await getReport(db, x.head, reportId);
    await amendReport(db, x.head, reportId, amendedTo580(before.version), NOW);
    return reportId;
  };

  it('PP-18 the phone form is prefilled with the workshop’s plan of the day; a team leader reports only for their own workshop', async () => {
    const pack = await getReportForm(db, x.head, { workshopId: p.workshops.pack, date: '2026-03-19' }, NOW);
    expect(pack.lines).toEqual([expect.objectContaining({ itemId: p.items.wine, plannedQty: 600, reportedQty: 0, isFinalOperation: true })]);
    // Filling runs the working day before packing, and hands over to it rather than to the warehouse.
    const fill = await getReportForm(db, x.lead, { date: '2026-03-19' }, NOW);
    expect(fill.workshops.map((w) => w.id)).toEqual([p.workshops.fill]);
    expect(fill.lines).toEqual([expect.objectContaining({ itemId: p.items.wine, plannedQty: 600, isFinalOperation: false })]);
    expect(await reject(submitReport(db, x.lead, { ...packReport, lines: [{ itemId: p.items.wine, outputQty: 1, warehouseQty: 0, scrapQty: 0 }] }, NOW))).toBe(
      'FORBIDDEN',
    );
    expect(await reject(submitReport(db, x.reader, { ...packReport, lines: [] }, NOW))).toBe('FORBIDDEN');
  });

  it('PP-18 PP-22 the shift report’s 进仓 posts a production receipt in the same transaction: the warehouse sees it at once', async () => {
    const reportId = await submittedPackReport();
    const r = await getReport(db, x.head, reportId);
    expect(r).toMatchObject({ number: 'RB-2026-0001', shift: 1, amendment: 0, lines: [{ plannedQty: 600, outputQty: 600, warehouseQty: 550, scrapQty: 5 }] });
    const receipt = await getStockDocument(db, p.orgId, r.receipt!.id);
    expect(receipt).toMatchObject({
      kind: 'receipt',
      purpose: 'production',
      docDate: '2026-03-19',
      workshopId: p.workshops.pack,
      referenceType: 'daily_report',
      referenceId: reportId,
      referenceNumber: 'RB-2026-0001',
    });
    expect(await wineOnHand()).toBe(550);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, p.orgId), eq(auditLog.entityId, reportId)));
    expect(audit.action).toBe('production.report.submit');
  });

  it('PP-18 a second report of the same shift is refused; a future day or an unknown product is a 400 naming the field', async () => {
    await submittedPackReport();
    expect(await reject(submitReport(db, x.head, { ...packReport, lines: [{ itemId: p.items.wine, outputQty: 1, warehouseQty: 1, scrapQty: 0 }] }, NOW))).toBe(
      'CONFLICT',
    );
    const future = await submitReport(
      db,
      x.head,
      { ...packReport, reportDate: '2026-03-21', lines: [{ itemId: p.items.wine, outputQty: 1, warehouseQty: 0, scrapQty: 0 }] },
      NOW,
    ).catch((e) => e);
    expect(future).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'reportDate' }] });
    const unknown = await submitReport(
      db,
      x.head,
      { ...packReport, shift: 1, reportDate: '2026-03-18', lines: [{ itemId: p.workshops.fill, outputQty: 1, warehouseQty: 0, scrapQty: 0 }] },
      NOW,
    ).catch((e) => e);
    expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'lines.0.itemId' }] });
    expect(await wineOnHand()).toBe(550);
  });

  it('PP-18 an amendment keeps the old values, is audited with old and new, and replaces the receipt by a reversal and a new one', async () => {
    const reportId = await submittedPackReport();
    const before = await getReport(db, x.head, reportId);
    await amendReport(db, x.head, reportId, amendedTo580(before.version), NOW);
    const after = await getReport(db, x.head, reportId);
    expect(after).toMatchObject({
      amendment: 1,
      lines: [{ warehouseQty: 580 }],
      revisions: [{ amendment: 1, reason: '补录漏记的进仓', lines: [{ warehouseQty: 550 }] }],
    });
    expect(after.receipt!.id).not.toBe(before.receipt!.id);
    expect((await getStockDocument(db, p.orgId, before.receipt!.id)).reversedById).not.toBeNull();
    expect(await wineOnHand()).toBe(580);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, p.orgId), eq(auditLog.entityId, reportId), eq(auditLog.action, 'production.report.amend')));
    expect(audits[0].oldValue).toMatchObject({ lines: [{ warehouseQty: 550 }] });
    expect(audits[0].newValue).toMatchObject({ changes: [{ field: 'warehouseQty', before: 550, after: 580 }] });
    const stale = { version: before.version, reason: '再改', hoursWorked: 10, lines: [], stoppages: [{ reason: 'other' as const, minutes: 5 }] };
    expect(await reject(amendReport(db, x.head, reportId, stale, NOW))).toBe('VERSION_CONFLICT');
  });

  it('PP-18 a lag beyond the threshold notifies production and opens one coordination item that later reports update', async () => {
    await amendedPackReport();
    const open = await findCoordinationItems(db, x.head, { state: 'open' });
    expect(open).toHaveLength(1);
    // March 2 – 19: 16 working days of 600 planned; 580 put into the warehouse.
    expect(open[0]).toMatchObject({
      workshopId: p.workshops.pack,
      itemId: p.items.wine,
      asOf: '2026-03-19',
      planToDate: 9600,
      doneToDate: 580,
      lagQty: 9020,
      lagDays: 15,
      measure: 'warehouse_receipt',
      reportNumber: 'RB-2026-0001',
    });
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.kind, 'production.lag')));
    expect(new Set(told.map((n) => n.userId))).toEqual(new Set([p.planner.userId, x.head.userId]));
    expect((await findCoordinationInbox(db, x.head)).map((i) => i.id)).toEqual([open[0].id]);
    expect(await findCoordinationInbox(db, x.lead)).toEqual([]);
  });

  it('PP-18 the production head resolves the item with a note; a workshop cannot', async () => {
    await amendedPackReport();
    const [item] = await findCoordinationItems(db, x.head, { state: 'open' });
    expect(await reject(resolveCoordination(db, x.lead, item.id, { version: item.version, resolution: '加班' }, NOW))).toBe('FORBIDDEN');
    // Issue 9: the resolution may name the coordination meeting that took it up; only a meeting of this organisation.
    const unknown = await resolveCoordination(
      db,
      x.head,
      item.id,
      { version: item.version, resolution: '加班', meetingId: '00000000-0000-4000-8000-000000000000' },
      NOW,
    ).catch((e) => e);
    expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'meetingId' }] });
    const organiser = { ...x.head, permissions: new Set([...x.head.permissions, 'meeting.manage']) } as typeof x.head;
    const meeting = await createMeeting(db, organiser, {
      title: '生产协调会：包装车间落后',
      kind: 'coordination',
      chairUserId: x.head.userId,
      startsAt: '2026-03-20T01:00:00Z',
      endsAt: '2026-03-20T02:00:00Z',
      attendeeUserIds: [x.head.userId],
    });
    const done = await resolveCoordination(
      db,
      x.head,
      item.id,
      { version: item.version, resolution: '包装车间周六加班两班，下周赶上', meetingId: meeting.id },
      NOW,
    );
    expect(done).toMatchObject({
      state: 'resolved',
      resolution: '包装车间周六加班两班，下周赶上',
      meetingId: meeting.id,
      meetingTitle: '生产协调会：包装车间落后',
    });
    expect(await reject(resolveCoordination(db, x.head, item.id, { version: done.version, resolution: '再次' }, NOW))).toBe('INVALID_STATE');
  });

  it('PP-22 completion reads the policy: by 进仓 the receipts count, by reported output the output does', async () => {
    await amendedPackReport();
    const row = async () =>
      (await getProgress(db, x.head, { date: '2026-03-19', workshopId: p.workshops.pack }, NOW)).rows.find((r) => r.itemId === p.items.wine)!;
    expect((await row()).month).toMatchObject({ planToDate: 9600, doneToDate: 580 });
    expect((await row()).today).toMatchObject({ plan: 600, done: 580, output: 600, received: 580 });
    const admin = await newPerson(db, p.orgId, ['admin.policy']);
    const view = await getPolicyView(db, admin);
    await updatePolicy(db, admin, { baseVersion: view.version, values: { production: { completionMeasure: 'reported_output' } }, reason: '试行按报产量' });
    expect((await row()).month).toMatchObject({ doneToDate: 600 });
    expect((await getMonthEnd(db, x.head, '2026-03', APRIL)).rows.find((r) => r.workshopId === p.workshops.pack)).toMatchObject({
      received: 580,
      output: 600,
      completed: 600,
    });
    await updatePolicy(db, admin, { baseVersion: view.version + 1, values: { production: { completionMeasure: 'warehouse_receipt' } }, reason: '恢复按进仓' });
    expect((await row()).month).toMatchObject({ doneToDate: 580 });
  });

  it('PP-18 PP-29 month-end: plan against 进仓 per workshop and product; a large variance needs its cause and corrective action', async () => {
    await amendedPackReport();
    let view = await getMonthEnd(db, x.head, undefined, APRIL);
    expect(view.month).toBe('2026-03');
    expect(view.isClosed).toBe(true);
    const pack = view.rows.find((r) => r.workshopId === p.workshops.pack)!;
    // 26 working days of 600.
    expect(pack).toMatchObject({
      plan: 15600,
      received: 580,
      completed: 580,
      variance: -15020,
      isLarge: true,
      needsCause: true,
      cause: null,
      canEnterCause: true,
    });
    expect(view.workshops.find((w) => w.workshopId === p.workshops.pack)).toMatchObject({ lines: 1, completedLines: 0, missingCauses: 1 });
    const cause = {
      month: '2026-03',
      workshopId: p.workshops.pack,
      itemId: p.items.wine,
      causeKind: 'organisation' as const,
      cause: '包装线排班不足',
      correctiveAction: '增开夜班，4 月 10 日前补齐',
    };
    expect(await reject(saveVarianceCause(db, x.lead, cause, APRIL))).toBe('FORBIDDEN');
    await saveVarianceCause(db, x.head, cause, APRIL);
    view = await getMonthEnd(db, x.head, '2026-03', APRIL);
    expect(view.rows.find((r) => r.workshopId === p.workshops.pack)).toMatchObject({
      needsCause: false,
      cause: { causeKind: 'organisation', correctiveAction: '增开夜班，4 月 10 日前补齐', version: 1 },
    });
    expect(await reject(saveVarianceCause(db, x.head, { ...cause, cause: '改' }, APRIL))).toBe('VERSION_CONFLICT');
    await saveVarianceCause(db, x.head, { ...cause, cause: '包装线排班不足，夜班缺员', version: 1 }, APRIL);
    const bad = await saveVarianceCause(db, x.head, { ...cause, itemId: p.workshops.pack }, APRIL).catch((e) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'itemId' }] });
  });

  it('PP-18 one load of the plan serves the report’s day and the month to date: a day’s plan does not depend on the range it was loaded with', async () => {
    const month = await loadPlanSeries(db, p.orgId, '2026-03-01', '2026-03-20');
    for (const [from, to] of [
      ['2026-03-19', '2026-03-19'],
      ['2026-03-01', '2026-03-19'],
      ['2026-03-09', '2026-03-13'],
    ]) {
      const direct = await loadPlanSeries(db, p.orgId, from, to);
      const sliced = slicePlanSeries(month, from, to);
      expect(sliced.days).toEqual(direct.days);
      expect(sliced.plan).toEqual(direct.plan);
    }
    // Packing's wine on a working day is the plan's 600; a range the load does not hold is refused.
    expect(slicePlanSeries(month, '2026-03-19', '2026-03-19').plan.get(p.workshops.pack)?.get(p.items.wine)).toEqual([600]);
    expect(() => slicePlanSeries(month, '2026-02-28', '2026-03-02')).toThrow();
    // A report loads the plan once: 41 statements here (53 when the plan was loaded twice).
    await submittedPackReport();
    const statements = countStatements(db);
    await submitReport(
      db,
      x.head,
      { ...packReport, reportDate: '2026-03-18', lines: [{ itemId: p.items.wine, outputQty: 600, warehouseQty: 550, scrapQty: 5 }] },
      NOW,
    );
    statements.stop();
    expect(statements.count()).toBeLessThanOrEqual(45);
  });
});
