import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findInbox } from '#core/approval';
import { auditLog } from '#core/audit';
import type { Db } from '#core/db';
import { notifications } from '#core/notify';
import { getPolicyView, POLICY_PRESETS, PRESET_NAMES, updatePolicy } from '#core/policy';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { approvedWinePlan, confirmedFillingWeek, newRequisitionPlant, type RequisitionPlant } from '../testing/index';
import {
  approveRequisition,
  assignNormWorkshop,
  createRequisition,
  findMaterialNorms,
  findRequisitions,
  getPlanDays,
  getRequisitionView,
  proposeRequisition,
  rejectRequisition,
  withdrawRequisition,
} from './index';

// 2026-04-08 is a Wednesday; the plan makes 500 cases a working day (Mon–Sat) all April.
const NOW = new Date('2026-04-08T02:00:00Z');
const TUE = '2026-04-07';
const WED = '2026-04-08';
const workflows = testRegistry.workflows;

describe('material requisitions from the weekly plan (PP-17, T4 第二十八条)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: RequisitionPlant;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own: April's wine plan approved, the filling week of the 6th confirmed, cartons drawn by packing.
  beforeEach(async () => {
    p = await newRequisitionPlant(db, workflows, NOW);
    const plan = await approvedWinePlan(db, workflows, p, '2026-04', 500, NOW);
    await confirmedFillingWeek(db, workflows, p, plan.id, TUE, NOW);
    // Cartons are put on in packing (用料车间), not where the case is first made.
    const carton = (await findMaterialNorms(db, p.planner)).find((n) => n.materialId === p.carton)!;
    expect(carton.workshopId).toBe(p.workshops.fill);
    expect(await assignNormWorkshop(db, p.planner, carton.bomLineId, p.workshops.pack)).toMatchObject({
      workshopId: p.workshops.pack,
      isAssigned: true,
      perUnit: 1,
    });
  });
  afterAll(() => database.drop());

  /** The team leader's requisition for Tuesday: 3,000 bottles and 3,050 corks, waiting for the filling director. */
  const leadersTuesdayRequisition = () =>
    createRequisition(
      db,
      p.leader,
      {
        workshopId: p.workshops.fill,
        days: [TUE],
        lines: [
          { itemId: p.items.bottle, requestedQty: 3000 },
          { itemId: p.items.cork, requestedQty: 3050 },
        ],
      },
      NOW,
    );
  /** Tuesday's requisition approved by the filling director: it waits for the warehouse. */
  const approvedTuesdayRequisition = async () => {
    const r = await leadersTuesdayRequisition();
    await approveRequisition(db, p.fillDirector, r.id, { version: r.version, opinion: '同意' }, NOW);
    return r.id;
  };
  /** The week's requisitions: Tuesday's approved, Wednesday's above-norm bottles approved up to the production head,
   *  Thursday's corks waiting, Friday's base rejected and then withdrawn, and packing's cartons on the director's own word. */
  const aWeekOfRequisitions = async () => {
    await approvedTuesdayRequisition();
    const above = await createRequisition(
      db,
      p.leader,
      { workshopId: p.workshops.fill, days: [WED], lines: [{ itemId: p.items.bottle, requestedQty: 3200, reason: '换新瓶型，试机损耗' }] },
      NOW,
    );
    const escalated = await approveRequisition(db, p.fillDirector, above.id, { version: above.version }, NOW);
    await approveRequisition(db, p.head, above.id, { version: escalated.version, opinion: '同意，下月调整定额' }, NOW);
    await createRequisition(db, p.leader, { workshopId: p.workshops.fill, days: ['2026-04-09'], lines: [{ itemId: p.items.cork, requestedQty: 3000 }] }, NOW);
    const friday = { workshopId: p.workshops.fill, days: ['2026-04-10'], lines: [{ itemId: p.items.base, requestedQty: 2250 }] };
    const rejected = await createRequisition(db, p.leader, friday, NOW);
    await rejectRequisition(db, p.fillDirector, rejected.id, { version: rejected.version, opinion: '周五停线检修，改领周六' }, NOW);
    const withdrawn = await createRequisition(db, p.leader, friday, NOW);
    await withdrawRequisition(db, p.leader, withdrawn.id, { version: withdrawn.version }, NOW);
    await createRequisition(db, p.packDirector, { workshopId: p.workshops.pack, days: [WED], lines: [{ itemId: p.carton, requestedQty: 500 }] }, NOW);
  };

  it('PP-17 the week of the workshop shows its confirmed weekly plan per day', async () => {
    const week = await getPlanDays(db, p.leader, p.workshops.fill, WED, NOW);
    expect(week.weekStart).toBe('2026-04-06');
    const tuesday = week.days.find((d) => d.day === TUE)!;
    expect(tuesday).toMatchObject({ source: 'weekly', products: [expect.objectContaining({ itemId: p.items.wine, qty: 500 })] });
    await expect(getPlanDays(db, p.leader, p.workshops.pack, WED, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('PP-17 the proposal is the plan × BOM norm for the days; the workshop’s own materials only', async () => {
    const proposal = await proposeRequisition(db, p.leader, { workshopId: p.workshops.fill, days: [TUE] });
    expect(proposal.source).toBe('weekly');
    expect(proposal.tolerance).toBe(POLICY_PRESETS.T4.production.requisitionNormTolerance);
    const byItem = Object.fromEntries(proposal.lines.map((l) => [l.itemId, l]));
    expect(byItem[p.items.base]).toMatchObject({ normQty: 2250, priorQty: 0, proposedQty: 2250, onHand: 20000 });
    expect(byItem[p.items.bottle]).toMatchObject({ normQty: 3000, proposedQty: 3000 });
    expect(byItem[p.items.cork].proposedQty).toBe(3000);
    expect(byItem[p.carton]).toBeUndefined();
  });

  it('PP-17 a team leader’s daily requisition (第三十八条) is numbered and waits for the workshop director', async () => {
    const r = await leadersTuesdayRequisition();
    expect(r).toMatchObject({
      number: 'LL-2026-0001',
      state: 'submitted',
      stage: 'submitted',
      isAboveNorm: false,
      source: 'weekly',
      requestedByName: '吴班长',
      allowedActions: ['withdraw'],
    });
    expect(r.lines.map((l) => [l.requestedQty, l.normQty, l.isAboveNorm])).toEqual([
      [3000, 3000, false],
      [3050, 3000, false],
    ]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, p.orgId), eq(auditLog.entityId, r.id)));
    expect(audit.map((a) => a.action)).toEqual(['production.requisition.create']);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.userId, p.fillDirector.userId)));
    expect(told.map((n) => n.kind)).toContain('production.requisition.approve');
    const inbox = await findInbox(db, workflows, p.fillDirector);
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'approval.pending', id: r.id, link: `/production/requisitions/${r.id}` })]));
    expect((await findInbox(db, workflows, p.packDirector)).some((i) => i.id === r.id)).toBe(false);
  });

  it('PP-17 the director of another workshop may not approve; the director of this one does, and the warehouse is told', async () => {
    const first = (await leadersTuesdayRequisition()).id;
    const view = await getRequisitionView(db, p.packDirector, first);
    expect(view.allowedActions).toEqual([]);
    await expect(approveRequisition(db, p.packDirector, first, { version: view.version }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(approveRequisition(db, p.fillDirector, first, { version: view.version - 1 }, NOW)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await getRequisitionView(db, p.fillDirector, first)).allowedActions).toEqual(['approve', 'reject']);
    const approved = await approveRequisition(db, p.fillDirector, first, { version: view.version, opinion: '同意' }, NOW);
    expect(approved).toMatchObject({ state: 'approved', stage: 'to_issue', approvedByName: '周主任' });
    expect(approved.events.map((e) => [e.action, e.toState, e.actorName])).toEqual([
      ['submit', 'submitted', '吴班长'],
      ['approve', 'approved', '周主任'],
    ]);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.userId, p.keeper.userId)));
    expect(told.map((n) => n.link)).toContain(`/production/requisitions/${first}/issue`);
    expect((await findInbox(db, workflows, p.keeper)).find((i) => i.id === first)).toMatchObject({ kind: 'production.requisition.to_issue', due: TUE });
  });

  it('PP-17 what was already requisitioned for the day is taken off the next proposal', async () => {
    await approvedTuesdayRequisition();
    const proposal = await proposeRequisition(db, p.leader, { workshopId: p.workshops.fill, days: [TUE, WED] });
    const bottle = proposal.lines.find((l) => l.itemId === p.items.bottle)!;
    expect(bottle).toMatchObject({ normQty: 6000, priorQty: 3000, proposedQty: 3000 });
  });

  it('PP-17 a line above the norm needs a reason, then goes from the director to the production head (policy role)', async () => {
    const lines = [{ itemId: p.items.bottle, requestedQty: 3200 }];
    await expect(createRequisition(db, p.leader, { workshopId: p.workshops.fill, days: [WED], lines }, NOW)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'lines.0.reason' }],
    });
    const r = await createRequisition(db, p.leader, { workshopId: p.workshops.fill, days: [WED], lines: [{ ...lines[0], reason: '换新瓶型，试机损耗' }] }, NOW);
    expect(r).toMatchObject({
      isAboveNorm: true,
      aboveNormRole: 'production_head',
      aboveNormRoleName: '生产部负责人',
      lines: [{ isAboveNorm: true, reason: '换新瓶型，试机损耗' }],
    });
    const escalated = await approveRequisition(db, p.fillDirector, r.id, { version: r.version }, NOW);
    expect(escalated).toMatchObject({ state: 'escalated', stage: 'escalated' });
    await expect(approveRequisition(db, p.fillDirector, r.id, { version: escalated.version }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await findInbox(db, workflows, p.head)).find((i) => i.id === r.id)?.kind).toBe('approval.pending');
    const approved = await approveRequisition(db, p.head, r.id, { version: escalated.version, opinion: '同意，下月调整定额' }, NOW);
    expect(approved).toMatchObject({ state: 'approved', aboveNormApprovedByName: '张部长' });
    expect(approved.events.map((e) => e.action)).toEqual(['submit', 'approve', 'approve_above_norm']);
  });

  it('PP-17 the tolerance is the policy’s: at 10 % the same quantity is within the norm', async () => {
    const view = await getPolicyView(db, p.system);
    await updatePolicy(db, p.system, { baseVersion: view.version, values: { production: { requisitionNormTolerance: 0.1 } }, reason: '测试容差' });
    const r = await createRequisition(
      db,
      p.leader,
      { workshopId: p.workshops.fill, days: ['2026-04-09'], lines: [{ itemId: p.items.cork, requestedQty: 3200 }] },
      NOW,
    );
    expect(r.isAboveNorm).toBe(false);
    const again = await getPolicyView(db, p.system);
    await updatePolicy(db, p.system, {
      baseVersion: again.version,
      values: { production: { requisitionNormTolerance: POLICY_PRESETS.T4.production.requisitionNormTolerance } },
      reason: '恢复',
    });
  });

  it('PP-17 a rejection needs an opinion; the person who asked may withdraw while it waits', async () => {
    const r = await createRequisition(
      db,
      p.leader,
      { workshopId: p.workshops.fill, days: ['2026-04-10'], lines: [{ itemId: p.items.base, requestedQty: 2250 }] },
      NOW,
    );
    await expect(rejectRequisition(db, p.fillDirector, r.id, { version: r.version }, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const rejected = await rejectRequisition(db, p.fillDirector, r.id, { version: r.version, opinion: '周五停线检修，改领周六' }, NOW);
    expect(rejected).toMatchObject({ state: 'rejected', stage: 'rejected' });
    const other = await createRequisition(
      db,
      p.leader,
      { workshopId: p.workshops.fill, days: ['2026-04-10'], lines: [{ itemId: p.items.base, requestedQty: 2250 }] },
      NOW,
    );
    expect(other.lines[0].priorQty).toBe(0);
    await expect(withdrawRequisition(db, p.fillDirector, other.id, { version: other.version }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await withdrawRequisition(db, p.leader, other.id, { version: other.version }, NOW)).toMatchObject({ state: 'withdrawn' });
  });

  it('PP-17 without a confirmed weekly plan the monthly plan’s days are used; a director’s own requisition is approved as written', async () => {
    const r = await createRequisition(db, p.packDirector, { workshopId: p.workshops.pack, days: [WED], lines: [{ itemId: p.carton, requestedQty: 500 }] }, NOW);
    expect(r).toMatchObject({ source: 'monthly', state: 'approved', approvedByName: '郭主任', lines: [{ normQty: 500, isAboveNorm: false }] });
    expect(r.events.map((e) => e.action)).toEqual(['submit', 'approve']);
    await expect(
      createRequisition(db, p.leader, { workshopId: p.workshops.pack, days: [WED], lines: [{ itemId: p.carton, requestedQty: 1 }] }, NOW),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('PP-17 bad references are 400s naming the field; the list filters by workshop, stage and days', async () => {
    await aWeekOfRequisitions();
    await expect(
      createRequisition(db, p.leader, { workshopId: p.workshops.fill, days: [TUE], lines: [{ itemId: p.orgId, requestedQty: 1, reason: '测试' }] }, NOW),
    ).rejects.toMatchObject({ details: [{ field: 'lines.0.itemId' }] });
    await expect(proposeRequisition(db, p.leader, { workshopId: p.orgId, days: [TUE] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'workshopId' }],
    });
    const fill = await findRequisitions(db, p.keeper, { workshopId: p.workshops.fill });
    expect(fill.length).toBeGreaterThanOrEqual(5);
    expect((await findRequisitions(db, p.keeper, { stage: 'to_issue' })).map((r) => r.workshopId).sort()).toEqual(
      [p.workshops.fill, p.workshops.fill, p.workshops.pack].sort(),
    );
    expect((await findRequisitions(db, p.keeper, { from: WED, to: WED })).every((r) => r.days.includes(WED))).toBe(true);
  });

  it('PP-17 every preset carries the requisition policy (the regulations differ on none of it)', () => {
    for (const name of PRESET_NAMES) {
      const { production, assessment } = POLICY_PRESETS[name];
      expect([
        production.requisitionNormTolerance,
        production.requisitionAboveNormApproverRole,
        production.materialVarianceThreshold,
        assessment.materialVariancePenalty,
      ]).toEqual([0.02, 'production_head', 0.05, 0]);
    }
  });
});
