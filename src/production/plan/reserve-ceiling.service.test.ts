import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustDocument, approveDocument, getDocument } from '#core/approval';
import type { Db } from '#core/db';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { prodStock, updateStock } from '../master/index';
import { applyPlantPreset, newPlant, type TestPlant } from '../testing/index';
import { savePlanLines } from './plan-lines.service';
import { submitPlan } from './plan-submit.service';
import { prodPlans } from './plan.schema';
import { createPlan } from './plan.service';
import { getReserveCeilings } from './reserve-ceiling.service';

// PP-7 (T1 7) on the test plant: filling (20 h a day, 0.02 h a case) bounds the output at
// 1,000 cases a working day, whatever the quarter plans; a case takes 6 bottles, 6 corks, 4.5 L of base wine.

const { workflows } = testRegistry;
const NOW = new Date('2026-03-20T02:00:00Z');

describe('PP-7 T1 7 reserve ceilings of a quarterly and an annual plan', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let quarterId: string;
  let annualId: string;
  let annualDoc: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newPlant(db, workflows, NOW);
    const annual = await createPlan(db, workflows, p.planner, { kind: 'annual', year: 2026 }, NOW);
    annualId = annual.id;
    annualDoc = annual.documentId!;
    await savePlanLines(db, p.planner, annualId, { version: annual.version, lines: [{ itemId: p.items.wine, quantities: new Array(12).fill(10000) }] }, NOW);
    const quarter = await createPlan(db, workflows, p.planner, { kind: 'quarterly', year: 2026, quarter: 2 }, NOW);
    quarterId = quarter.id;
    await savePlanLines(db, p.planner, quarterId, { version: quarter.version, lines: [{ itemId: p.items.wine, quantities: [20000, 20000, 20000] }] }, NOW);
  });
  afterAll(() => database.drop());

  const setMax = async (itemId: string, maxQty: number) => {
    const [s] = await db
      .select({ v: prodStock.version })
      .from(prodStock)
      .where(and(eq(prodStock.orgId, p.orgId), eq(prodStock.itemId, itemId)));
    await updateStock(db, p.planner, itemId, { version: s.v, maxQty }, NOW);
  };
  const docVersion = async () => (await getDocument(db, workflows, p.planner, annualDoc)).version;
  const planVersion = async (id: string) =>
    (
      await db
        .select({ v: prodPlans.version })
        .from(prodPlans)
        .where(and(eq(prodPlans.orgId, p.orgId), eq(prodPlans.id, id)))
    )[0].v;

  it('PP-7 T1 7: the quarterly plan’s ceilings come from the BOM at the capacity-bound output, materials and WIP apart', async () => {
    const r = await getReserveCeilings(db, p.planner, quarterId);
    expect(r.bottleneck?.name).toBe('灌装车间');
    expect(r.products).toEqual([expect.objectContaining({ itemId: p.items.wine, plannedQty: 60000, maxPerDay: 1000 })]);
    const row = (itemId: string) => r.rows.find((x) => x.itemId === itemId);
    expect(row(p.items.bottle)).toMatchObject({ kind: 'material', needPerDay: 6000, reserveDays: 30, ceiling: 180000, currentMax: null, status: 'unset' });
    expect(row(p.items.cork)).toMatchObject({ kind: 'material', ceiling: 180000 });
    expect(row(p.items.base)).toMatchObject({ kind: 'wip', workshopName: '酿造车间', needPerDay: 4500, reserveDays: 5, ceiling: 22500 });
    // A draft annual plan without an earlier revision: the ceilings are being set for the first time.
    expect(r.annualPlan).toMatchObject({ id: annualId, total: 120000, previousTotal: null });
    expect(r.stability).toMatchObject({ annualChangePct: null, canChange: true, finding: null });
    expect(r.regulation.zh).toContain('物资准备和在制品最高储备量都应以满足最大生产量的需要来确定');
  });

  it('PP-7 T1 7: a quarterly plan not yet drafted takes the annual plan’s product mix', async () => {
    const empty = await createPlan(db, workflows, p.planner, { kind: 'quarterly', year: 2026, quarter: 3 }, NOW);
    const r = await getReserveCeilings(db, p.planner, empty.id);
    expect(r.mixFrom).toBe('annual');
    expect(r.rows.find((x) => x.itemId === p.items.bottle)).toMatchObject({ needPerDay: 6000, ceiling: 180000 });
    expect((await getReserveCeilings(db, p.planner, quarterId)).mixFrom).toBe('plan');
  });

  it('PP-7 T1 7: a maximum stock below the need at maximum output is flagged; one at the ceiling is fine', async () => {
    await setMax(p.items.bottle, 100000);
    await setMax(p.items.cork, 180000);
    await setMax(p.items.base, 40000);
    const r = await getReserveCeilings(db, p.planner, quarterId);
    const status = (itemId: string) => r.rows.find((x) => x.itemId === itemId)?.status;
    expect([status(p.items.bottle), status(p.items.cork), status(p.items.base)]).toEqual(['below', 'ok', 'adjust']);
  });

  it('PP-7 T1 7: an adjustment of the annual plan by 5% holds the ceilings back with the T1 7 warning; by 30% lets them move', async () => {
    await submitPlan(db, workflows, p.planner, annualId, { version: await docVersion() }, NOW);
    await approveDocument(db, workflows, p.vp, annualDoc, { version: await docVersion(), opinion: '同意' }, NOW);
    await approveDocument(db, workflows, p.gm, annualDoc, { version: await docVersion(), opinion: '同意' }, NOW);
    await adjustDocument(db, workflows, p.planner, annualDoc, { version: await docVersion(), opinion: '订货变化' }, NOW);
    await savePlanLines(
      db,
      p.planner,
      annualId,
      { version: await planVersion(annualId), lines: [{ itemId: p.items.wine, quantities: new Array(12).fill(10500) }] },
      NOW,
    );
    const small = await getReserveCeilings(db, p.planner, quarterId);
    expect(small.annualPlan).toMatchObject({ total: 126000, previousTotal: 120000 });
    expect(small.stability).toMatchObject({
      annualChangePct: 5,
      thresholdPct: 20,
      canChange: false,
      finding: { clause: 'T1 7', severity: 'warning', zh: expect.stringContaining('年度计划变化不大，不应调整') },
    });
    expect(small.rows.find((x) => x.itemId === p.items.base)?.status).toBe('hold');
    expect(small.rows.find((x) => x.itemId === p.items.bottle)?.status).toBe('below');
    // The annual plan itself answers the same way.
    expect((await getReserveCeilings(db, p.planner, annualId)).stability.canChange).toBe(false);
    await savePlanLines(
      db,
      p.planner,
      annualId,
      { version: await planVersion(annualId), lines: [{ itemId: p.items.wine, quantities: new Array(12).fill(13000) }] },
      NOW,
    );
    const large = await getReserveCeilings(db, p.planner, quarterId);
    expect(large.stability).toMatchObject({ annualChangePct: 30, canChange: true, finding: null });
    expect(large.rows.find((x) => x.itemId === p.items.base)?.status).toBe('adjust');
  });

  it.each(['T1', 'T2', 'T3', 'T4'] as const)('PP-7 T1 7 preset %s: the service reads the reserve days and threshold of the policy in force', async (preset) => {
    await applyPlantPreset(db, p, preset);
    const r = await getReserveCeilings(db, p.planner, quarterId);
    expect(r.policy).toEqual({ materialReserveDays: 30, wipReserveDays: 5, ceilingChangeThresholdPct: 20 });
    expect(r.rows.find((x) => x.itemId === p.items.bottle)?.ceiling).toBe(6000 * r.policy.materialReserveDays);
  });

  it('PP-7 T1 7: a monthly plan has no ceilings; another organisation’s plan is not found', async () => {
    const monthly = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-05' }, NOW);
    await expect(getReserveCeilings(db, p.planner, monthly.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const other = await newPlant(db, workflows, NOW);
    await expect(getReserveCeilings(db, other.planner, quarterId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
