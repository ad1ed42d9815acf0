import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findings } from '#core/assessment';
import type { Db } from '#core/db';
import { createTestDatabase, newPerson, type TestDatabase, testRegistry } from '#test-support';
import { runPlantDailyDuties } from '../production.jobs';
import { approvedWinePlan, confirmedFillingWeek, newRequisitionPlant, type RequisitionPlant } from '../testing/index';
import { postStockDocument } from '../warehouse/index';
import { approveRequisition, assessMaterialUsage, createRequisition, getMaterialUsage, issueRequisition, returnRequisition } from './index';

const NOW = new Date('2026-04-08T02:00:00Z');
const workflows = testRegistry.workflows;

describe('material usage against the norm per workshop and month (PP-17, T4 第二十九、三十条)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: RequisitionPlant;
  let number: string;
  let receipt: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newRequisitionPlant(db, workflows, NOW);
    const plan = await approvedWinePlan(db, workflows, p, '2026-04', 500, NOW);
    await confirmedFillingWeek(db, workflows, p, plan.id, '2026-04-07', NOW);
    // Filling drew 3,300 bottles for 500 cases (norm 3,000), returned 60: 8 % over.
    const r = await createRequisition(
      db,
      p.leader,
      {
        workshopId: p.workshops.fill,
        days: ['2026-04-07'],
        lines: [
          { itemId: p.items.bottle, requestedQty: 3300, reason: '新瓶型试机' },
          { itemId: p.items.base, requestedQty: 2250 },
        ],
      },
      NOW,
    );
    number = r.number;
    const escalated = await approveRequisition(db, p.fillDirector, r.id, { version: r.version }, NOW);
    await approveRequisition(db, p.head, r.id, { version: escalated.version }, NOW);
    await issueRequisition(
      db,
      p.keeper,
      r.id,
      {
        lines: [
          { itemId: p.items.bottle, qty: 3300 },
          { itemId: p.items.base, qty: 2250 },
        ],
      },
      NOW,
    );
    await returnRequisition(db, p.keeper, r.id, { lines: [{ itemId: p.items.bottle, qty: 60 }] }, NOW);
    // 500 cases went into the warehouse (进仓), as the daily report posts it.
    const posted = await db.transaction((tx) =>
      postStockDocument(
        tx,
        p.system,
        { kind: 'receipt', purpose: 'production', workshopId: p.workshops.pack, docDate: '2026-04-08', lines: [{ itemId: p.items.wine, qty: 500 }] },
        NOW,
      ),
    );
    receipt = posted.doc.number;
  });
  afterAll(() => database.drop());

  it('PP-17 issued net of returns against the norm for the 进仓 and for the plan, per material', async () => {
    const view = await getMaterialUsage(db, p.planner, { month: '2026-04' });
    expect(view.threshold).toBe(0.05);
    const fill = view.workshops.find((w) => w.workshopId === p.workshops.fill)!;
    expect(fill.requisitions.map((r) => r.number)).toEqual([number]);
    expect(fill.receipts.map((r) => r.number)).toEqual([receipt]);
    expect(fill.produced).toEqual([expect.objectContaining({ itemId: p.items.wine, qty: 500 })]);
    const bottle = fill.rows.find((r) => r.itemId === p.items.bottle)!;
    // April 2026 has 26 working days (Mon–Sat) of 500 cases: 13,000 cases × 6 bottles planned.
    expect(bottle).toMatchObject({ issuedQty: 3240, normActualQty: 3000, normPlannedQty: 78000, varianceQty: 240, varianceRate: 0.08, isOverThreshold: true });
    expect(fill.rows.find((r) => r.itemId === p.items.base)).toMatchObject({ issuedQty: 2250, normActualQty: 2250, varianceQty: 0, isOverThreshold: false });
    expect(fill.findingId).toBeNull();
  });

  it('PP-17 the daily duties turn last month’s over-use into a finding citing T4 第三十条 with its evidence; once only', async () => {
    await runPlantDailyDuties(db, p.orgId, new Date('2026-05-02T02:00:00Z'));
    const [f] = await db
      .select()
      .from(findings)
      .where(and(eq(findings.orgId, p.orgId), eq(findings.ruleCode, 'production.material.variance')));
    expect(f).toMatchObject({
      clause: 'T4 第三十条',
      requirementId: 'PP-17',
      period: '2026-04',
      subjectDepartmentId: p.departments.get('灌装车间'),
      subjectLabel: '灌装车间',
      verdict: 'unqualified',
      amount: null,
    });
    expect(f.summaryZh).toContain('超 8%');
    expect(f.evidence.map((e) => e.label)).toEqual([`领料单 ${number}`, `进仓单 ${receipt}`]);
    const manager = await newPerson(db, p.orgId, ['production.read', 'assessment.manage']);
    expect(await assessMaterialUsage(db, manager, '2026-04')).toEqual({ created: [], unchanged: 1 });
    expect((await getMaterialUsage(db, p.planner, { month: '2026-04', workshopId: p.workshops.fill })).workshops[0].findingId).toBe(f.id);
    await expect(assessMaterialUsage(db, p.planner, '2026-04')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
