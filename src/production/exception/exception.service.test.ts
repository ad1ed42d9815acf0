import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addAction, addDecision, completeAction, getMeeting } from '#core/meeting';
import type { Db } from '#core/db';
import { notifications } from '#core/notify';
import { applyPreset } from '#core/policy';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { approvedMonthlyPlan, newFloor, type TestFloor } from '../testing/index';
import {
  callCoordinationMeeting,
  closeException,
  completeExceptionAction,
  draftCoordinationMeeting,
  escalateException,
  findExceptions,
  getException,
  getExceptionOptions,
  reportException,
  resolveException,
  settleCoordinatedExceptions,
} from './index';

const { workflows } = testRegistry;
// Wednesday 8 April 2026, 10:00 in Beijing.
const NOW = new Date('2026-04-08T02:00:00Z');
const STARTED = '2026-04-08T00:30:00Z';

describe('production exceptions (PP-19, T4 第三十二、三十五、五十四、五十五条)', () => {
  let database: TestDatabase;
  let db: Db;
  let f: TestFloor;
  let planId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a shop floor of its own with April's plan approved.
  beforeEach(async () => {
    f = await newFloor(db, workflows, NOW);
    // 800 cases a working day: 16 of filling's 20 hours, so 4 spare hours a day.
    planId = (await approvedMonthlyPlan(db, workflows, f, '2026-04', 800, NOW)).id;
  });
  afterAll(() => database.drop());

  const notified = async (userId: string, kind: string) =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, f.orgId), eq(notifications.userId, userId), eq(notifications.kind, kind)));

  /** The cork 断料 that stops packing too: 3 hours lost, 10 estimated, on the plan's wine line. */
  const shortageReport = () => ({
    kind: 'material' as const,
    workshopId: f.workshops.fill,
    description: '软木塞断料，灌装线停机',
    startedAt: STARTED,
    affectedWorkshopIds: [f.workshops.pack],
    lines: [{ planId, itemId: f.items.wine }],
    hoursLost: 3,
    hoursEstimated: 10,
  });
  /** The filler's burnt motor on GZ-01: 8 hours lost, 100 estimated. */
  const breakdownReport = () => ({
    kind: 'equipment' as const,
    workshopId: f.workshops.fill,
    description: '灌装机主电机烧毁',
    machineRef: 'GZ-01',
    startedAt: STARTED,
    lines: [{ planId, itemId: f.items.wine }],
    hoursLost: 8,
    hoursEstimated: 100,
  });
  /** The team leader reports the cork 断料 that stops packing too (YC-2026-0001); its id. */
  const reportedShortage = async () => (await reportException(db, f.leader, shortageReport(), NOW)).id;
  /** The filling director reports the filler's burnt motor, 100 hours estimated (the next number); its id. */
  const reportedBreakdown = async () => (await reportException(db, f.fillDirector, breakdownReport(), NOW)).id;
  /** The 断料 with production's coordination meeting called for 14:00; its id. */
  const shortageWithMeeting = async () => {
    const id = await reportedShortage();
    const e = await getException(db, f.head, id);
    await callCoordinationMeeting(db, f.head, id, { version: e.version, startsAt: '2026-04-08T06:00:00Z', location: '生产部会议室' }, NOW);
    return id;
  };
  /** … and escalated to the vice GM. */
  const escalatedShortage = async () => {
    const id = await shortageWithMeeting();
    const e = await getException(db, f.head, id);
    await escalateException(db, f.head, id, { version: e.version, note: '包装线全部停工' }, NOW);
    return id;
  };
  /** The 断料 resolved: the meeting's one action item done by the filling director. */
  const resolvedShortage = async () => {
    const id = await shortageWithMeeting();
    const meetingId = (await getException(db, f.head, id)).meetingId!;
    const action = await addAction(db, f.vpRole, meetingId, { title: '调拨软木塞 2 万只', ownerUserId: f.fillDirector.userId, dueOn: '2026-04-09' });
    await completeExceptionAction(db, f.fillDirector, id, action.id, { version: action.version }, NOW);
  };
  /** The breakdown with its meeting's one action item closed on the meeting page (not yet seen by the scheduler); its id. */
  const breakdownActionDoneOnMeetingPage = async () => {
    const id = await reportedBreakdown();
    const e = await getException(db, f.head, id);
    await callCoordinationMeeting(db, f.head, id, { version: e.version, startsAt: '2026-04-08T07:00:00Z' }, NOW);
    const meetingId = (await getException(db, f.head, id)).meetingId!;
    const action = await addAction(db, f.vpRole, meetingId, { title: '外协维修电机', ownerUserId: f.fillDirector.userId, dueOn: '2026-04-12' });
    await completeAction(db, f.fillDirector, meetingId, action.id, { version: action.version }, NOW);
    return id;
  };
  /** The breakdown resolved: its meeting's action item closed on the meeting page, then the scheduler's tick. */
  const resolvedBreakdown = async () => {
    await breakdownActionDoneOnMeetingPage();
    await settleCoordinatedExceptions(db, NOW);
  };
  /** A scratch on the bottle necks, picked out in the workshop: no meeting needed. */
  const reportedScratch = () =>
    reportException(
      db,
      f.leader,
      { kind: 'quality', workshopId: f.workshops.fill, description: '瓶口轻微划痕，已挑出', startedAt: STARTED, hoursLost: 0.5 },
      NOW,
    );

  it('PP-19 the report screen offers the workshops and the lines of the plan in force, with the reporter’s own workshop first', async () => {
    const o = await getExceptionOptions(db, f.leader, NOW);
    expect(o.myWorkshopId).toBe(f.workshops.fill);
    expect(o.plans.find((p) => p.id === planId)?.lines).toEqual([expect.objectContaining({ itemId: f.items.wine, code: 'W1' })]);
  });

  it('PP-19 a team leader reports a 断料 that hits packing: numbered, the production department told at once, a meeting needed', async () => {
    const row = await reportException(db, f.leader, shortageReport(), NOW);
    expect(row).toMatchObject({
      number: 'YC-2026-0001',
      state: 'reported',
      startedOn: '2026-04-08',
      needsCoordination: true,
      affectsOtherWorkshops: true,
      affectsSchedule: false,
      escalatedAt: null,
    });
    // 20 working days from the 8th to the 30th at 4 spare hours: 10 lost hours fit.
    expect(row.impactLines).toEqual([expect.objectContaining({ dueOn: '2026-04-30', slackHours: 80, isLate: false, itemCode: 'W1' })]);
    expect(await notified(f.head.userId, 'production.exception')).toHaveLength(1);
    // T4 第三十五条: the vice GM hears only when production escalates.
    expect(await notified(f.vpRole.userId, 'production.exception.escalated')).toHaveLength(0);
  });

  it('PP-19 hours lost beyond the spare hours before the line is due hit the total schedule', async () => {
    await reportedShortage();
    const row = await reportException(db, f.fillDirector, breakdownReport(), NOW);
    expect(row).toMatchObject({ number: 'YC-2026-0002', machineRef: 'GZ-01', affectsSchedule: true, needsCoordination: true });
    expect(row.judgement.reasons[0].zh).toContain('本车间届时仅余 80 小时富余产能，损失 100 小时将使其延误');
  });

  it('PP-19 a workshop reports for itself only; bad references are 400s naming the field and nothing is saved', async () => {
    await reportedShortage();
    await reportedBreakdown();
    const base = { kind: 'outage' as const, description: '停电', startedAt: STARTED };
    await expect(reportException(db, f.leader, { ...base, workshopId: f.workshops.pack }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      reportException(db, f.leader, { ...base, workshopId: f.workshops.fill, affectedWorkshopIds: ['00000000-0000-4000-8000-000000000001'] }, NOW),
    ).rejects.toMatchObject({
      details: [{ field: 'affectedWorkshopIds' }],
    });
    await expect(
      reportException(db, f.leader, { ...base, workshopId: f.workshops.fill, lines: [{ planId, itemId: f.items.cork }] }, NOW),
    ).rejects.toMatchObject({ details: [{ field: 'lines[0]' }] });
    await expect(reportException(db, f.leader, { ...base, workshopId: f.workshops.fill, startedAt: '2026-04-09T00:00:00Z' }, NOW)).rejects.toMatchObject({
      details: [{ field: 'startedAt' }],
    });
    expect(await findExceptions(db, f.head, {})).toHaveLength(2);
  });

  it('PP-19 the production department calls the coordination meeting: chaired by the vice GM, the workshops invited (T4 第五十五条)', async () => {
    const shortageId = await reportedShortage();
    const draft = await draftCoordinationMeeting(db, f.head, shortageId);
    expect(draft.chair?.id).toBe(f.vpRole.userId);
    expect(draft.attendees.map((a) => a.id)).toEqual(expect.arrayContaining([f.leader.userId, f.fillDirector.userId, f.packDirector.userId, f.head.userId]));
    const before = await getException(db, f.head, shortageId);
    expect(before.allowedActions).toEqual(['callMeeting', 'escalate', 'resolve', 'close']);
    expect((await getException(db, f.leader, shortageId)).allowedActions).toEqual([]);
    await expect(callCoordinationMeeting(db, f.leader, shortageId, { version: before.version, startsAt: '2026-04-08T06:00:00Z' }, NOW)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const after = await callCoordinationMeeting(
      db,
      f.head,
      shortageId,
      { version: before.version, startsAt: '2026-04-08T06:00:00Z', location: '生产部会议室' },
      NOW,
    );
    expect(after.state).toBe('coordinating');
    const meeting = await getMeeting(db, f.vpRole, after.meetingId!);
    expect(meeting).toMatchObject({ kind: 'coordination', clause: 'T4 第五十五条', requirementId: 'PP-19', chairUserId: f.vpRole.userId });
    expect(meeting.attendees.map((a) => a.userId)).toEqual(expect.arrayContaining([f.packDirector.userId, f.leader.userId]));
  });

  it('PP-19 escalation to the vice GM is recorded once with who and when, and the vice GM is told', async () => {
    const shortageId = await shortageWithMeeting();
    const e = await getException(db, f.head, shortageId);
    await expect(escalateException(db, f.head, shortageId, { version: e.version - 1, note: '包装线全部停工' }, NOW)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    await escalateException(db, f.head, shortageId, { version: e.version, note: '包装线全部停工' }, NOW);
    const after = await getException(db, f.head, shortageId);
    expect(after).toMatchObject({ isEscalated: true, escalatedByName: '张部长', escalationNote: '包装线全部停工', escalatedAt: NOW.toISOString() });
    expect(await notified(f.vpRole.userId, 'production.exception.escalated')).toHaveLength(1);
    await expect(escalateException(db, f.head, shortageId, { version: after.version, note: '再次' }, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('PP-19 the meeting’s decisions become action items; closing the last one resolves the exception', async () => {
    const shortageId = await escalatedShortage();
    const e = await getException(db, f.head, shortageId);
    const meetingId = e.meetingId!;
    const decision = await addDecision(db, f.vpRole, meetingId, { body: '采购部紧急调货，包装车间先做礼盒' });
    const a1 = await addAction(db, f.vpRole, meetingId, {
      title: '调拨软木塞 2 万只',
      ownerUserId: f.fillDirector.userId,
      dueOn: '2026-04-09',
      decisionId: decision.id,
    });
    const a2 = await addAction(db, f.vpRole, meetingId, {
      title: '包装车间调整排产',
      ownerUserId: f.packDirector.userId,
      dueOn: '2026-04-10',
      decisionId: decision.id,
    });
    await expect(resolveException(db, f.head, shortageId, { version: e.version, resolution: '已解决' }, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await completeExceptionAction(db, f.fillDirector, shortageId, a1.id, { version: a1.version }, NOW);
    expect((await getException(db, f.head, shortageId)).state).toBe('coordinating');
    await expect(completeExceptionAction(db, f.leader, shortageId, a2.id, { version: a2.version }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await completeExceptionAction(db, f.packDirector, shortageId, a2.id, { version: a2.version }, NOW);
    const done = await getException(db, f.head, shortageId);
    expect(done).toMatchObject({ state: 'resolved', resolvedByName: '陈主任', resolution: '协调会决定的事项已全部办结', allowedActions: [] });
    expect(done.timeline.map((t) => [t.kind, t.actorName, t.note])).toEqual([
      ['reported', '吴班长', ''],
      ['meeting', '张部长', expect.stringContaining('生产协调会')],
      ['escalated', '张部长', '包装线全部停工'],
      ['action_done', '周主任', '调拨软木塞 2 万只'],
      ['action_done', '陈主任', '包装车间调整排产'],
      ['resolved', '陈主任', '协调会决定的事项已全部办结'],
    ]);
    expect(done.meeting?.decisions.map((d) => d.body)).toEqual(['采购部紧急调货，包装车间先做礼盒']);
    expect(await notified(f.leader.userId, 'production.exception.closed')).toHaveLength(1);
  });

  it('PP-19 action items closed on the meeting page close the loop on the next scheduler tick', async () => {
    const id = await breakdownActionDoneOnMeetingPage();
    expect((await getException(db, f.head, id)).state).toBe('coordinating');
    expect(await settleCoordinatedExceptions(db, NOW)).toBe(1);
    expect(await getException(db, f.head, id)).toMatchObject({ state: 'resolved', resolvedByName: null, resolution: '协调会决定的事项已全部办结' });
    expect(await settleCoordinatedExceptions(db, NOW)).toBe(0);
  });

  it('PP-19 an exception that needs no meeting is closed by production with a note; the list filters by state, kind, workshop and month', async () => {
    await resolvedShortage();
    await resolvedBreakdown();
    const row = await reportedScratch();
    expect(row.needsCoordination).toBe(false);
    await expect(closeException(db, f.head, row.id, { version: row.version, note: '' }, NOW)).rejects.toMatchObject({ details: [{ field: 'note' }] });
    await closeException(db, f.head, row.id, { version: row.version, note: '车间自行处理' }, NOW);
    expect(await getException(db, f.head, row.id)).toMatchObject({ state: 'closed', closedByName: '张部长', closeNote: '车间自行处理' });
    expect((await findExceptions(db, f.head, { state: 'resolved' })).map((x) => x.number)).toEqual(['YC-2026-0002', 'YC-2026-0001']);
    expect((await findExceptions(db, f.head, { kind: 'quality', workshopId: f.workshops.fill, month: '2026-04' })).map((x) => x.number)).toEqual([
      'YC-2026-0003',
    ]);
    expect(await findExceptions(db, f.head, { month: '2026-05' })).toEqual([]);
    expect(await findExceptions(db, f.head, { workshopId: f.workshops.pack })).toEqual([]);
  });

  it('PP-19 T2 六.1.4): under T2 every exception goes to the vice GM at once, recorded as escalated', async () => {
    // Three exceptions reported before it.
    await reportedShortage();
    await reportedBreakdown();
    await reportedScratch();
    await applyPreset(db, f.system, { baseVersion: 0, preset: 'T2', reason: '改用 T2' });
    const row = await reportException(
      db,
      f.leader,
      { kind: 'outage', workshopId: f.workshops.fill, description: '停电 2 小时', startedAt: STARTED, hoursLost: 2 },
      NOW,
    );
    expect(row.escalatedAt).toEqual(NOW);
    expect(row.escalatedBy).toBe(f.leader.userId);
    expect((await notified(f.vpRole.userId, 'production.exception.escalated')).map((n) => n.titleZh)).toContain('生产异常 YC-2026-0004：灌装车间 停电/停水');
  });
});
