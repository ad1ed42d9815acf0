import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '#core/access';
import { approveDocument, getDocument, issueDocument, saveApprovalChain, submitDocument } from '#core/approval';
import { deadlines } from '#core/calendar';
import type { Db } from '#core/db';
import { updatePolicy } from '#core/policy';
import { createTestDatabase, newPerson, type TestDatabase, testRegistry } from '#test-support';
import { draftAprilWinePlan, newMachineOperator, newMaintenancePerson, newPlant, type TestPlant } from '../testing/index';
import {
  createMachine,
  createMaintenancePlan,
  ensureMaintenancePlanDeadline,
  findDueList,
  getMaintenanceBalance,
  getMaintenancePlan,
  getUpkeepCompliance,
  moveSlot,
  recordUpkeep,
  saveMaintenanceLines,
  saveUpkeepItems,
} from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-03-20T02:00:00Z');

describe('annual maintenance plan and its monthly balance (PP-25, T4 第四十八、四十九条)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let maint: Actor;
  let filler: string;
  let labeller: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own: the GM's chain, a filler and a labeller, April's production plan.
  beforeEach(async () => {
    p = await newPlant(db, workflows, NOW);
    maint = await newMaintenancePerson(db, p);
    await saveApprovalChain(
      db,
      workflows,
      p.system,
      'production.maintenance_plan',
      { steps: [{ key: 'gm', nameZh: '总经理审批', nameEn: 'GM', roleCode: p.gm.roles[0] }], allowSelfApproval: false },
      NOW,
    );
    filler = (await createMachine(db, maint, { code: 'GZ-01', name: '灌装机', workshopId: p.workshops.fill, capacityShare: 0.5 }, NOW)).id;
    labeller = (await createMachine(db, maint, { code: 'BZ-01', name: '贴标机', workshopId: p.workshops.pack }, NOW)).id;
    await draftAprilWinePlan(db, workflows, p, NOW);
  });
  afterAll(() => database.drop());

  /** The policy asks for the year's maintenance plan by the end of April: the deadline opens. */
  const dueInApril = async () => {
    await updatePolicy(db, p.system, { baseVersion: 0, values: { production: { maintenancePlanDueMonth: 4 } }, reason: '保养计划四月底前报批' });
    await ensureMaintenancePlanDeadline(db, p.system, '2026-03-20');
  };
  /** The 2026 plan in draft: the filler quarterly (16 h, week 2), the labeller half-yearly (4 h, week 1). */
  const draftMaintenancePlan = async () => {
    const plan = await createMaintenancePlan(db, workflows, maint, { year: 2026 }, NOW);
    await saveMaintenanceLines(db, maint, plan.id, {
      version: plan.version,
      lines: [
        { machineId: filler, cycle: 'quarterly', content: '灌装阀清洗、密封件更换', ownerUserId: maint.userId, hours: 16, months: [1, 4, 7, 10], week: 2 },
        { machineId: labeller, cycle: 'half_yearly', content: '贴标头校准', hours: 4, months: [4, 10], week: 1 },
      ],
    });
    return { planId: plan.id, documentId: plan.documentId };
  };
  /** The draft submitted, approved by the GM and issued to production and filling on 20 March. */
  const issuedMaintenancePlan = async () => {
    const { planId, documentId } = await draftMaintenancePlan();
    let doc = await getDocument(db, workflows, maint, documentId);
    await submitDocument(db, workflows, maint, documentId, { version: doc.version }, NOW);
    doc = await getDocument(db, workflows, p.gm, documentId);
    await approveDocument(db, workflows, p.gm, documentId, { version: doc.version, opinion: '同意' }, NOW);
    doc = await getDocument(db, workflows, maint, documentId);
    await issueDocument(
      db,
      workflows,
      maint,
      documentId,
      { version: doc.version, departmentIds: [p.departments.get('生产部')!, p.departments.get('灌装车间')!] },
      NOW,
    );
    return planId;
  };

  it('PP-25 the plan is due by the end of the policy’s month: a changed policy moves the deadline', async () => {
    // T4 presets: January; on 20 March it is past, and nothing is owed retroactively.
    await ensureMaintenancePlanDeadline(db, p.system, '2026-03-20');
    const none = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectType, 'production.maintenance_plan.submit')));
    expect(none).toHaveLength(0);
    await updatePolicy(db, p.system, { baseVersion: 0, values: { production: { maintenancePlanDueMonth: 4 } }, reason: '保养计划四月底前报批' });
    await ensureMaintenancePlanDeadline(db, p.system, '2026-03-20');
    const [due] = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectType, 'production.maintenance_plan.submit')));
    expect(due).toMatchObject({ subjectId: '2026', dueOn: '2026-04-30', ownerUserId: maint.userId, clause: 'T4 第四十八条', state: 'open' });
  });

  it('PP-25 maintenance makes the year’s plan: per machine the cycle, owner, hours and months that fit the cycle', async () => {
    await dueInApril();
    const plan = await createMaintenancePlan(db, workflows, maint, { year: 2026 }, NOW);
    const planId = plan.id;
    const documentId = plan.documentId;
    expect(plan).toMatchObject({ number: 'BYJH-2026-0001', title: '2026年度设备保养计划', state: 'draft', lineCount: 0 });
    await expect(createMaintenancePlan(db, workflows, maint, { year: 2026 }, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
    // An empty plan does not go up for approval.
    const doc = await getDocument(db, workflows, maint, documentId);
    await expect(submitDocument(db, workflows, maint, documentId, { version: doc.version }, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const bad = await saveMaintenanceLines(db, maint, planId, {
      version: plan.version,
      lines: [{ machineId: filler, cycle: 'yearly', content: '大修', hours: 24, months: [1, 7] }],
    }).catch((e) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'lines[0].months' }] });
    const saved = await saveMaintenanceLines(db, maint, planId, {
      version: plan.version,
      lines: [
        { machineId: filler, cycle: 'quarterly', content: '灌装阀清洗、密封件更换', ownerUserId: maint.userId, hours: 16, months: [1, 4, 7, 10], week: 2 },
        { machineId: labeller, cycle: 'half_yearly', content: '贴标头校准', hours: 4, months: [4, 10], week: 1 },
      ],
    });
    expect(saved).toEqual({ version: plan.version + 1, lines: 2 });
    const view = await getMaintenancePlan(db, workflows, maint, planId);
    expect(view.lines.map((l) => [l.machineCode, l.cycle, l.months, l.ownerName])).toEqual([
      ['GZ-01', 'quarterly', [1, 4, 7, 10], maint.displayName],
      ['BZ-01', 'half_yearly', [4, 10], null],
    ]);
    expect(view.monthHours.find((w) => w.workshopName === '灌装车间')?.hours.slice(0, 4)).toEqual([16, 0, 0, 16]);
    expect(view.dueOn).toBe('2026-04-30');
  });

  it('PP-25 approved by the GM through the engine, then issued: issuing splits it into monthly slots and ends the deadline', async () => {
    await dueInApril();
    const { planId, documentId } = await draftMaintenancePlan();
    let doc = await getDocument(db, workflows, maint, documentId);
    await submitDocument(db, workflows, maint, documentId, { version: doc.version }, NOW);
    const [due] = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectType, 'production.maintenance_plan.submit')));
    expect(due.state).toBe('done');
    doc = await getDocument(db, workflows, p.gm, documentId);
    await expect(approveDocument(db, workflows, p.vp, documentId, { version: doc.version }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await approveDocument(db, workflows, p.gm, documentId, { version: doc.version, opinion: '同意' }, NOW);
    doc = await getDocument(db, workflows, maint, documentId);
    await issueDocument(
      db,
      workflows,
      maint,
      documentId,
      { version: doc.version, departmentIds: [p.departments.get('生产部')!, p.departments.get('灌装车间')!] },
      NOW,
    );
    expect((await getMaintenancePlan(db, workflows, maint, planId)).state).toBe('issued');
  });

  it('PP-25 April’s maintenance shows per week against the load of April’s production plan; the planner moves it to a lighter week', async () => {
    await dueInApril();
    await issuedMaintenancePlan();
    const balance = await getMaintenanceBalance(db, p.planner, { month: '2026-04' }, NOW);
    expect(balance).toMatchObject({ period: 'month', key: '2026-04', isSplit: true, productionPlan: { title: '2026年4月生产计划' } });
    expect(balance.groups.map((g) => g.start)).toEqual(['2026-04-01', '2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27']);
    const fill = balance.rows.find((r) => r.workshopName === '灌装车间')!;
    // Week 2 (6–11 April): 6 working days × 20 h, load 8 h a day; 16 h of maintenance at half the workshop take 8 h.
    expect(fill.cells[1]).toMatchObject({ capacity: 120, load: 48, maintenanceHours: 16, maintenanceCapacity: 8, headroom: 64 });
    expect(fill.cells[0].maintenanceHours).toBe(0);
    const slot = balance.slots.find((s) => s.machineCode === 'GZ-01')!;
    expect(slot).toMatchObject({ plannedOn: '2026-04-06', hours: 16, share: 0.5, content: '灌装阀清洗、密封件更换' });
    await expect(moveSlot(db, p.planner, slot.id!, { version: slot.version, plannedOn: '2026-05-04' }, NOW)).rejects.toMatchObject({
      details: [{ field: 'plannedOn' }],
    });
    const reader = await newPerson(db, p.orgId, ['production.read']);
    await expect(moveSlot(db, reader, slot.id!, { version: slot.version, plannedOn: '2026-04-20' }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await moveSlot(db, p.planner, slot.id!, { version: slot.version, plannedOn: '2026-04-20' }, NOW);
    await expect(moveSlot(db, p.planner, slot.id!, { version: slot.version, plannedOn: '2026-04-13' }, NOW)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    const after = (await getMaintenanceBalance(db, p.planner, { month: '2026-04' }, NOW)).rows.find((r) => r.workshopName === '灌装车间')!;
    expect(after.cells.map((c) => c.maintenanceHours)).toEqual([0, 0, 0, 16, 0]);
    const year = await getMaintenanceBalance(db, p.planner, { year: 2026 }, NOW);
    expect(year.groups).toHaveLength(12);
    // Issued on 20 March: the months still ahead were split (April, July, October for the filler).
    expect(year.rows.find((r) => r.workshopName === '灌装车间')!.cells.map((c) => c.maintenanceHours)).toEqual([0, 0, 0, 16, 0, 0, 16, 0, 0, 16, 0, 0]);
  });
});

describe('daily upkeep: due list, records and compliance (PP-24, T4 第四十七条)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let maint: Actor;
  let operator: Actor;
  let filler: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own with the filler GZ-01.
  beforeEach(async () => {
    p = await newPlant(db, workflows, NOW);
    maint = await newMaintenancePerson(db, p);
    operator = await newMachineOperator(db, p);
    filler = (await createMachine(db, maint, { code: 'GZ-01', name: '灌装机', workshopId: p.workshops.fill }, NOW)).id;
  });
  afterAll(() => database.drop());

  /** The filler's three upkeep items, a shift's, a day's and a week's, saved on Monday 16 March. */
  const savedUpkeepItems = () =>
    saveUpkeepItems(
      db,
      maint,
      filler,
      {
        items: [
          { content: '外部清洁', method: '抹布擦拭', frequency: 'shift' },
          { content: '导轨加油', frequency: 'daily' },
          { content: '皮带张紧检查', frequency: 'weekly' },
        ],
      },
      new Date('2026-03-16T01:00:00Z'),
    );
  /** The items all done at 10:00 on the 20th, a problem noted with the first at 19:00. */
  const keepUpkeepToday = async (items: { id: string }[]) => {
    await recordUpkeep(db, operator, { machineId: filler, entries: items.map((i) => ({ itemId: i.id, result: 'done' as const })) }, NOW);
    await recordUpkeep(
      db,
      operator,
      { machineId: filler, entries: [{ itemId: items[0].id, result: 'problem', note: '护罩松动' }] },
      new Date('2026-03-20T11:00:00Z'),
    );
  };
  /** Three upkeep items since Monday 16 March, all done at 10:00 on the 20th, a problem noted with the first at 19:00. */
  const keptUpkeepToday = async () => keepUpkeepToday(await savedUpkeepItems());

  it('PP-24 each machine has upkeep items with content and frequency; what is due shows per workshop and goes once recorded', async () => {
    const items = await savedUpkeepItems();
    let due = await findDueList(db, operator, {}, NOW);
    const fill = due.workshops.find((w) => w.workshopName === '灌装车间')!;
    expect(fill.isWorkingDay).toBe(true);
    // Nothing recorded since Monday: yesterday's shift and daily items were missed too.
    expect(fill.items.map((i) => [i.content, i.status])).toEqual([
      ['外部清洁', 'overdue'],
      ['导轨加油', 'overdue'],
      ['皮带张紧检查', 'due'],
    ]);
    await expect(recordUpkeep(db, operator, { machineId: filler, entries: [{ itemId: p.items.wine, result: 'done' }] }, NOW)).rejects.toMatchObject({
      details: [{ field: 'entries[0].itemId' }],
    });
    await keepUpkeepToday(items);
    due = await findDueList(db, operator, {}, new Date('2026-03-20T12:00:00Z'));
    expect(due.workshops.find((w) => w.workshopName === '灌装车间')!.items).toEqual([]);
  });

  it('PP-24 定期检查设备日常保养状况: per machine and month, what was owed and kept, problems and spot checks', async () => {
    await keptUpkeepToday();
    const view = await getUpkeepCompliance(db, maint, { month: '2026-03' }, new Date('2026-03-20T12:00:00Z'));
    const row = view.rows.find((r) => r.code === 'GZ-01')!;
    // Since the 16th: 4 working days over (16–19) are owed and missed; today is kept (2 shifts + daily); the week began on the 16th and was kept.
    expect(row).toMatchObject({ required: 4 * 3 + 3 + 1, done: 4, problems: 1, spotChecks: 0, anomalies: 0 });
    expect(row.rate).toBe(0.25);
  });
});
