import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustDocument, approveDocument, getDocument } from '#core/approval';
import type { Db } from '#core/db';
import { notifications } from '#core/notify';
import { POLICY_PRESETS } from '#core/policy';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { applyCustomerChange, getOrder, requestCustomerChange } from '../demand/index';
import { createPlanFromRequest, createPlanRequest, getPlanView, submitPlan } from '../plan/index';
import { applyPlantPreset, approvedMonthlyPlan, approvedWineOrder, approveThrough, newFloor, setMonthlyPlanChain, type TestFloor } from '../testing/index';
import { advanceUnmetPlan, findCustomerChangeCauses, findUnmetRoutes, markCustomerChangeCause, recheckAfterCustomerChange, reportUnmetPlan } from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-04-08T02:00:00Z');

describe('T3 第十四条 and 第十五条 (PP-28)', () => {
  let database: TestDatabase;
  let db: Db;
  let f: TestFloor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    f = await newFloor(db, workflows, NOW);
  });
  afterAll(() => database.drop());

  const usePreset = (preset: string) => applyPlantPreset(db, f, preset);

  const told = async (userId: string) =>
    (
      await db
        .select({ title: notifications.titleZh })
        .from(notifications)
        .where(and(eq(notifications.orgId, f.orgId), eq(notifications.userId, userId), eq(notifications.kind, 'production.unmet-plan')))
    ).map((n) => n.title);

  it('PP-28 a temporary plan the workshop cannot meet goes workshop → production → market → contract change, each step with who and when', async () => {
    const request = await createPlanRequest(
      db,
      f.market,
      { kind: 'temporary', title: '酒店集团加急', lines: [{ itemId: f.items.wine, qty: 500, dueOn: '2026-04-10' }] },
      NOW,
    );
    await expect(reportUnmetPlan(db, f.leader, request.id, { workshopId: f.workshops.fill, reason: '软木塞不足' }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    await createPlanFromRequest(db, workflows, f.planner, request.id, request.version, NOW);
    await expect(reportUnmetPlan(db, f.leader, request.id, { workshopId: f.workshops.pack, reason: '人手不足' }, NOW)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const route = await reportUnmetPlan(db, f.leader, request.id, { workshopId: f.workshops.fill, reason: '软木塞不足，只能完成 300 箱' }, NOW);
    expect(route).toMatchObject({ state: 'reported', reportedBy: f.leader.userId });
    await expect(reportUnmetPlan(db, f.fillDirector, request.id, { workshopId: f.workshops.fill, reason: '重复上报' }, NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await told(f.head.userId)).toEqual([expect.stringContaining('灌装车间无法完成临时计划')]);

    await expect(advanceUnmetPlan(db, f.market, route.id, 'forward', { version: route.version }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(advanceUnmetPlan(db, f.market, route.id, 'changeContract', { version: route.version, note: '改为 300 箱' }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    const forwarded = await advanceUnmetPlan(db, f.head, route.id, 'forward', { version: route.version, note: '情况属实' }, NOW);
    expect(forwarded).toMatchObject({ state: 'forwarded', forwardedBy: f.head.userId, forwardedAt: NOW });
    expect(await told(f.market.userId)).toEqual([expect.stringContaining('生产部已确认，请与客户联系修改合同')]);

    await expect(advanceUnmetPlan(db, f.market, route.id, 'changeContract', { version: forwarded.version, note: '' }, NOW)).rejects.toMatchObject({
      details: [{ field: 'note' }],
    });
    const changed = await advanceUnmetPlan(
      db,
      f.market,
      route.id,
      'changeContract',
      { version: forwarded.version, note: '客户同意改为 300 箱，余量下周交' },
      NOW,
    );
    expect(changed).toMatchObject({ state: 'contract_changed', marketBy: f.market.userId, marketNote: '客户同意改为 300 箱，余量下周交' });
    expect(await told(f.leader.userId)).toEqual([expect.stringContaining('市场部已与客户修改合同')]);

    const view = await findUnmetRoutes(db, f.leader, request.id);
    expect(view.canReport).toBe(true);
    expect(view.routes).toEqual([
      expect.objectContaining({ workshopName: '灌装车间', reportedByName: '吴班长', forwardedByName: '张部长', state: 'contract_changed', allowedActions: [] }),
    ]);
  });

  it('PP-28 production may decline the workshop’s claim with a reason; the workshop hears of it', async () => {
    const request = await createPlanRequest(
      db,
      f.market,
      { kind: 'temporary', title: '团购加急', lines: [{ itemId: f.items.wine, qty: 100, dueOn: '2026-04-11' }] },
      NOW,
    );
    await createPlanFromRequest(db, workflows, f.planner, request.id, request.version, NOW);
    const route = await reportUnmetPlan(db, f.packDirector, request.id, { workshopId: f.workshops.pack, reason: '包装线检修' }, NOW);
    const declined = await advanceUnmetPlan(db, f.head, route.id, 'decline', { version: route.version, note: '检修改期，仍按计划完成' }, NOW);
    expect(declined.state).toBe('declined');
    expect(await told(f.packDirector.userId)).toEqual([expect.stringContaining('生产部未予确认')]);
  });

  it.each(['T1', 'T2', 'T3', 'T4'] as const)('PP-28 %s: a monthly plan adjusted for a customer change is approved by the policy’s role', async (preset) => {
    const policy = POLICY_PRESETS[preset].production;
    await usePreset(preset);
    // The organisation's monthly chain is the preset's monthly approver alone.
    await setMonthlyPlanChain(db, workflows, f, [{ key: 'm', nameZh: '审批', nameEn: 'Approval', roleCode: policy.monthlyPlanApproverRole }], NOW);
    const month = { T1: '2026-06', T2: '2026-07', T3: '2026-08', T4: '2026-09' }[preset];
    const plan = await approvedMonthlyPlan(db, workflows, f, month, 500, NOW);
    let doc = await getDocument(db, workflows, f.planner, plan.documentId!);
    await expect(markCustomerChangeCause(db, f.planner, plan.id, { note: '客户改单' }, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    doc = await adjustDocument(db, workflows, f.planner, plan.documentId!, { version: doc.version, opinion: '客户要求提前交货' }, NOW);
    await expect(markCustomerChangeCause(db, f.planner, plan.id, { note: '' }, NOW)).rejects.toMatchObject({ details: [{ field: 'note' }] });
    await markCustomerChangeCause(db, f.planner, plan.id, { note: '金城酒店来函提前交货' }, NOW);
    expect(await findCustomerChangeCauses(db, f.planner, plan.id)).toMatchObject({
      approverRole: policy.customerChangeApproverRole,
      revision: 2,
      isMarked: true,
      canMark: true,
    });
    await submitPlan(db, workflows, f.planner, plan.id, { version: doc.version, opinion: '因客户变更调整' }, NOW);
    doc = await getDocument(db, workflows, f.planner, plan.documentId!);
    const expected = preset === 'T3' || preset === 'T4' ? ['vp_production', 'gm'] : [policy.monthlyPlanApproverRole];
    expect(doc.steps.map((s) => s.roleCode)).toEqual(expected);
    await approveThrough(db, workflows, f, plan.documentId!, NOW);
    expect(
      (await getDocument(db, workflows, f.planner, plan.documentId!)).timeline
        .filter((t) => t.action === 'approve' && t.revision === 2)
        .map((t) => t.actorName),
    ).toEqual(expected.map((r) => (r === 'gm' ? '王总经理' : '李副总')));
  });

  it('PP-28 an adjustment not caused by a customer change keeps the usual chain', async () => {
    const plan = await approvedMonthlyPlan(db, workflows, f, '2026-10', 500, NOW);
    let doc = await getDocument(db, workflows, f.planner, plan.documentId!);
    doc = await adjustDocument(db, workflows, f.planner, plan.documentId!, { version: doc.version, opinion: '设备检修' }, NOW);
    await submitPlan(db, workflows, f.planner, plan.id, { version: doc.version }, NOW);
    expect((await getDocument(db, workflows, f.planner, plan.documentId!)).steps.map((s) => s.roleCode)).toEqual(['vp_production']);
  });

  it('PP-28 a customer change that re-opens the plan marks the adjustment itself, and the GM must approve it (T4)', async () => {
    await usePreset('T4');
    await setMonthlyPlanChain(db, workflows, f, [{ key: 'vp', nameZh: '副总经理审批', nameEn: 'VP', roleCode: 'vp_production' }], NOW);
    // November 2026: 800 cases a working day, 20,800 forecast; an order of 500 is absorbed.
    const plan = await approvedMonthlyPlan(db, workflows, f, '2026-11', 800, NOW);
    const orderId = await approvedWineOrder(db, workflows, f, { kind: 'contract', customer: '金城酒店', qty: 500, shipOn: '2026-11-18' }, NOW, '可以');
    const o = await getOrder(db, f.market, orderId);
    // The customer asks for 21,000 cases: above the forecast, the plan must be adjusted.
    const change = await requestCustomerChange(
      db,
      f.market,
      orderId,
      {
        orderLineId: o.lines[0].id,
        kind: 'quantity',
        newQty: 21000,
        reason: '客户追加至 21000 箱',
        receivedOn: '2026-04-08',
        hasWrittenConfirmation: true,
        confirmationRef: '函 2026-18',
      },
      NOW,
    );
    await applyCustomerChange(db, f.planner, orderId, change.id, { version: change.version }, NOW);
    const results = await recheckAfterCustomerChange(db, workflows, f.planner, o.lines[0].id, NOW);
    expect(results).toEqual([expect.objectContaining({ decision: 'adjusted', revision: 2 })]);
    const causes = await findCustomerChangeCauses(db, f.planner, plan.id);
    expect(causes.causes).toEqual([
      expect.objectContaining({ revision: 2, orderChangeId: change.id, changeLabel: expect.stringContaining('客户追加至 21000 箱') }),
    ]);
    const view = await getPlanView(db, workflows, f.planner, plan.id);
    await submitPlan(db, workflows, f.planner, plan.id, { version: (await getDocument(db, workflows, f.planner, plan.documentId!)).version }, NOW);
    const doc = await getDocument(db, workflows, f.planner, plan.documentId!);
    expect(view.state).toBe('draft');
    expect(doc.steps.map((s) => [s.roleCode, s.nameZh])).toEqual([
      ['vp_production', '副总经理审批'],
      ['gm', '总经理批准（客户变更调整，T3 第十五条）'],
    ]);
    await approveDocument(db, workflows, f.vpRole, doc.id, { version: doc.version, opinion: '同意' }, NOW);
    const waiting = await getDocument(db, workflows, f.planner, doc.id);
    expect(waiting).toMatchObject({ state: 'submitted', waitingRole: 'gm' });
    const gmTold = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, f.orgId), eq(notifications.userId, f.gmRole.userId), eq(notifications.kind, 'approval.pending')));
    expect(gmTold.length).toBeGreaterThan(0);
  });
});
