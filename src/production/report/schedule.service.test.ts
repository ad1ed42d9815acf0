import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveDocument, findDistribution, getDocument, issueDocument, saveApprovalChain, submitDocument } from '#core/approval';
import { deadlines } from '#core/calendar';
import type { Db } from '#core/db';
import { applyPreset, getPolicyView } from '#core/policy';
import { createTestDatabase, newPerson, type TestDatabase, testRegistry } from '#test-support';
import { type ExecutionPeople, issueMonthlyPlan, newExecutionPeople, newPlant, type TestPlant } from '../testing/index';
import {
  createDailySchedule,
  DAILY_SCHEDULE_DOC,
  ensureDailyScheduleDeadlines,
  findDailySchedules,
  getDailySchedule,
  getReportForm,
  saveScheduleLines,
} from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-03-20T02:00:00Z');

describe('the daily schedule for next month (PP-29, T2 (2011) 3.(1))', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let x: ExecutionPeople;
  const code = (e: unknown) => (e as { code?: string }).code;
  const reject = (promise: Promise<unknown>) => promise.then(() => 'resolved', code);
  const dueOf = async (subjectId: string) =>
    (
      await db
        .select()
        .from(deadlines)
        .where(and(eq(deadlines.orgId, p.orgId), eq(deadlines.subjectType, 'production.daily_schedule'), eq(deadlines.subjectId, subjectId)))
    )[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own: the execution people and the production head's chain for the schedule.
  beforeEach(async () => {
    p = await newPlant(db, workflows, NOW);
    x = await newExecutionPeople(db, p);
    await saveApprovalChain(
      db,
      workflows,
      p.system,
      DAILY_SCHEDULE_DOC,
      { steps: [{ key: 'head', nameZh: '生产部审核', nameEn: 'Production review', roleCode: x.head.roles[0] }], allowSelfApproval: false },
      NOW,
    );
  });
  afterAll(() => database.drop());

  /** April's plan issued at 500 cases a day and the filling workshop's schedule drawn from it (a draft). */
  const draftSchedule = async () => {
    await issueMonthlyPlan(db, workflows, p, '2026-04', 500, NOW);
    return (await createDailySchedule(db, workflows, x.director, { month: '2026-04', workshopId: p.workshops.fill }, NOW)).id;
  };
  /** The draft edited by the director: 300 on 1 April, 700 on the 2nd. */
  const editedSchedule = async () => {
    const scheduleId = await draftSchedule();
    const view = await getDailySchedule(db, x.director, scheduleId);
    const quantities = [...view.lines[0].quantities];
    quantities[0] = 300;
    quantities[1] = 700;
    await saveScheduleLines(db, workflows, x.director, scheduleId, { version: view.version, lines: [{ itemId: p.items.wine, quantities }] }, NOW);
    return scheduleId;
  };

  it('PP-29 each workshop owes next month’s schedule by the policy’s day: month end in T4, the 20th in T1', async () => {
    await db.transaction((tx) => ensureDailyScheduleDeadlines(tx, p.system, '2026-03-20'));
    const due = await dueOf(`2026-04:${p.workshops.fill}`);
    expect(due).toMatchObject({ dueOn: '2026-03-31', ownerUserId: x.director.userId, state: 'open' });
    // Workshops without a department of their own have no director to owe it.
    expect(await dueOf(`2026-04:${p.workshops.pack}`)).toBeUndefined();
    const admin = await newPerson(db, p.orgId, ['admin.policy']);
    await applyPreset(db, admin, { baseVersion: (await getPolicyView(db, admin)).version, preset: 'T1', reason: '采用篇二所附制度' });
    await db.transaction((tx) => ensureDailyScheduleDeadlines(tx, p.system, '2026-04-10'));
    expect((await dueOf(`2026-05:${p.workshops.fill}`)).dueOn).toBe('2026-04-20');
  });

  it('PP-29 a schedule is drawn only from an issued monthly plan, by the workshop itself', async () => {
    expect(await reject(createDailySchedule(db, workflows, x.director, { month: '2026-04', workshopId: p.workshops.fill }, NOW))).toBe('INVALID_STATE');
    await issueMonthlyPlan(db, workflows, p, '2026-04', 500, NOW);
    expect(await reject(createDailySchedule(db, workflows, x.lead, { month: '2026-04', workshopId: p.workshops.fill }, NOW))).toBe('FORBIDDEN');
    expect(await reject(createDailySchedule(db, workflows, x.director, { month: '2026-04', workshopId: p.workshops.pack }, NOW))).toBe('FORBIDDEN');
  });

  it('PP-29 the issued plan is split over the workshop’s working days of the month', async () => {
    const scheduleId = await draftSchedule();
    const view = await getDailySchedule(db, x.head, scheduleId);
    // April 2026: 26 working days (Monday to Saturday) of 500 cases.
    expect(view.lines).toEqual([expect.objectContaining({ itemId: p.items.wine, total: 13000, planTotal: 13000 })]);
    expect(view.lines[0].quantities.filter((q) => q > 0)).toHaveLength(26);
    expect(view.working.filter(Boolean)).toHaveLength(26);
    expect(view.document).toMatchObject({ state: 'draft' });
    expect(view.canEdit).toBe(true);
    expect(await reject(createDailySchedule(db, workflows, x.director, { month: '2026-04', workshopId: p.workshops.fill }, NOW))).toBe('CONFLICT');
    const list = await findDailySchedules(db, x.director, '2026-04', NOW);
    expect(list.planIssued).toBe(true);
    expect(list.workshops.find((w) => w.workshopId === p.workshops.fill)).toMatchObject({ id: scheduleId, state: 'draft', canCreate: false });
  });

  it('PP-29 the director edits the draft day by day; a stale edit or a wrong length is refused', async () => {
    const scheduleId = await draftSchedule();
    const view = await getDailySchedule(db, x.director, scheduleId);
    const quantities = [...view.lines[0].quantities];
    quantities[0] = 300;
    quantities[1] = 700;
    const bad = await saveScheduleLines(
      db,
      workflows,
      x.director,
      scheduleId,
      { version: view.version, lines: [{ itemId: p.items.wine, quantities: [1, 2] }] },
      NOW,
    ).catch((e) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'lines.0.quantities' }] });
    await saveScheduleLines(db, workflows, x.director, scheduleId, { version: view.version, lines: [{ itemId: p.items.wine, quantities }] }, NOW);
    expect(
      await reject(saveScheduleLines(db, workflows, x.director, scheduleId, { version: view.version, lines: [{ itemId: p.items.wine, quantities }] }, NOW)),
    ).toBe('VERSION_CONFLICT');
    expect((await getDailySchedule(db, x.director, scheduleId)).lines[0]).toMatchObject({ total: 13000, quantities: expect.arrayContaining([300, 700]) });
  });

  it('PP-29 approved and issued to the VP and the departments with acknowledgement; the duty is done and the schedule becomes the workshop’s plan', async () => {
    // The schedule is owed by 31 March; the director drew and edited it.
    await db.transaction((tx) => ensureDailyScheduleDeadlines(tx, p.system, '2026-03-20'));
    const scheduleId = await editedSchedule();
    const s = await getDailySchedule(db, x.director, scheduleId);
    let doc = await submitDocument(db, workflows, x.director, s.document.id, { version: s.document.version }, NOW);
    expect(await reject(saveScheduleLines(db, workflows, x.director, scheduleId, { version: s.version, lines: [] }, NOW))).toBe('INVALID_STATE');
    doc = await approveDocument(db, workflows, x.head, doc.id, { version: doc.version, opinion: '同意' }, NOW);
    doc = await issueDocument(
      db,
      workflows,
      x.director,
      doc.id,
      { version: doc.version, departmentIds: [p.departments.get('生产部')!], userIds: [p.vp.userId] },
      NOW,
    );
    expect(doc.state).toBe('issued');
    expect((await findDistribution(db, x.director, doc.id)).pending.length).toBe(2);
    expect((await dueOf(`2026-04:${p.workshops.fill}`)).state).toBe('done');
    expect((await getDocument(db, workflows, x.director, doc.id)).link).toBe(`/production/daily-schedules/${doc.id}`);
    // Day 1 of April: the schedule's 300, not the monthly plan's 500.
    const form = await getReportForm(db, x.lead, { date: '2026-04-01' }, NOW);
    expect(form.lines).toEqual([expect.objectContaining({ itemId: p.items.wine, plannedQty: 300 })]);
  });
});
