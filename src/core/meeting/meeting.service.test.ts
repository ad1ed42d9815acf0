import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, newOrg, newPerson, type TestDatabase } from '#test-support';
import type { Actor } from '../access';
import { deadlines, runDueDeadlines } from '../calendar';
import { meetingAttendees, meetingLeaveRequests, meetings } from './meeting.schema';
import { addAction, completeAction } from './meeting-action.service';
import { decideLeave, recordAttendance, requestLeave } from './meeting-leave.service';
import { createSeries, extendSeries } from './meeting-series.service';
import { getMeeting, updateMeeting } from './meeting.service';

describe('meetings (CORE-7)', () => {
  let database: TestDatabase;
  let vp: Actor;
  let head: Actor;
  let brew: Actor;
  let fill: Actor;
  const now = new Date('2026-03-02T02:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  // Each test has an organisation of its own: the VP who organises, the production head and two workshop directors.
  beforeEach(async () => {
    const { org } = await newOrg(database.db, { template: 'T4' });
    vp = await newPerson(database.db, org.id, ['meeting.read', 'meeting.manage']);
    head = await newPerson(database.db, org.id, ['meeting.read']);
    brew = await newPerson(database.db, org.id, ['meeting.read']);
    fill = await newPerson(database.db, org.id, ['meeting.read']);
  });
  afterAll(() => database.drop());
  const db = () => database.db;

  /** The monthly dispatch series (T4 第五十六条): day from the policy, chaired by the VP, leave approved by the head, the head and both directors invited. */
  const dispatchSeries = () => ({
    title: '生产调度例会',
    kind: 'dispatch' as const,
    recurrence: { kind: 'monthly' as const },
    policyDayPath: 'production.dispatchMeetingDay',
    startTime: '09:00',
    durationMinutes: 120,
    chairUserId: vp.userId,
    leaveApproverUserId: head.userId,
    audience: 'listed' as const,
    attendeeUserIds: [head.userId, brew.userId, fill.userId],
    agendaTemplate: '本月生产完成情况、下月生产计划',
    clause: 'T4 第五十六条',
    requirementId: 'PP-21',
  });
  /** The monthly dispatch series, chaired by the VP, leave approved by the head: its first meeting (Friday 27 March). */
  const firstDispatchMeeting = async () => {
    const series = await createSeries(db(), vp, dispatchSeries(), now);
    const [first] = await db().select().from(meetings).where(eq(meetings.seriesId, series.id)).orderBy(meetings.startsAt).limit(1);
    return first.id;
  };
  /** The brewing director's leave for the meeting, approved by the head: excused. */
  const brewExcused = async (meetingId: string) => {
    const req = await requestLeave(db(), brew, meetingId, { reason: '外出验收设备', substituteUserId: fill.userId }, now);
    await decideLeave(db(), head, req.id, { approve: true, note: '同意', version: req.version }, now);
  };

  it('PP-21 a monthly dispatch series takes its day from the policy and generates the coming meetings', async () => {
    const series = await createSeries(db(), vp, dispatchSeries(), now);
    expect(series.recurrence).toEqual({ kind: 'monthly', day: 28 });
    const rows = await db().select().from(meetings).where(eq(meetings.seriesId, series.id)).orderBy(meetings.startsAt);
    // T4 moves a rest-day meeting to the working day before: 2026-03-28 is a Saturday.
    expect(rows.map((r) => r.occursOn)).toEqual(['2026-03-27', '2026-04-28', '2026-05-28', '2026-06-26']);
    expect(rows[1].startsAt.toISOString()).toBe('2026-04-28T01:00:00.000Z');
    expect(rows[0].agenda).toContain('下月生产计划');
    const firstMeetingId = rows[0].id;
    const detail = await getMeeting(db(), brew, firstMeetingId);
    expect(detail.attendees.map((a) => a.userId).sort()).toEqual([head.userId, brew.userId, fill.userId].sort());
    expect(detail.leaveApproverUserId).toBe(head.userId);
    expect(await extendSeries(db(), vp, series.id, now)).toBe(0);
  });

  it('PP-21 an approved leave request sets the attendee to excused in the same transaction', async () => {
    const firstMeetingId = await firstDispatchMeeting();
    const req = await requestLeave(db(), brew, firstMeetingId, { reason: '外出验收设备', substituteUserId: fill.userId }, now);
    expect(req.state).toBe('pending');
    await expect(decideLeave(db(), fill, req.id, { approve: true, version: req.version }, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const decided = await decideLeave(db(), head, req.id, { approve: true, note: '同意', version: req.version }, now);
    expect(decided.state).toBe('approved');
    const [att] = await db()
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, firstMeetingId), eq(meetingAttendees.userId, brew.userId)));
    expect(att.status).toBe('excused');
    await expect(decideLeave(db(), head, req.id, { approve: false, version: decided.version }, now)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('CORE-7 a rejected request leaves the attendee invited, and a stale decision is refused', async () => {
    const firstMeetingId = await firstDispatchMeeting();
    const req = await requestLeave(db(), fill, firstMeetingId, { reason: '私事' }, now);
    await expect(decideLeave(db(), head, req.id, { approve: false, version: req.version + 1 }, now)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    await decideLeave(db(), head, req.id, { approve: false, version: req.version }, now);
    const [att] = await db()
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, firstMeetingId), eq(meetingAttendees.userId, fill.userId)));
    expect(att.status).toBe('invited');
  });

  it('PP-21 leave asked after the meeting has started is refused with a clear error', async () => {
    const firstMeetingId = await firstDispatchMeeting();
    const m = await getMeeting(db(), vp, firstMeetingId);
    const after = new Date(m.startsAt.getTime() + 60_000);
    await expect(requestLeave(db(), fill, firstMeetingId, { reason: '迟到了' }, after)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: '会议已经开始，不能再请假：请假须在会前提出',
    });
    const rows = await db()
      .select()
      .from(meetingLeaveRequests)
      .where(and(eq(meetingLeaveRequests.meetingId, firstMeetingId), eq(meetingLeaveRequests.userId, fill.userId)));
    // The refused request is not stored.
    expect(rows.length).toBe(0);
  });

  it('CORE-7 attendance is recorded in bulk once the meeting has started, and only by the chair or an organiser', async () => {
    const firstMeetingId = await firstDispatchMeeting();
    await brewExcused(firstMeetingId);
    const m = await getMeeting(db(), vp, firstMeetingId);
    await expect(recordAttendance(db(), vp, firstMeetingId, [{ userId: head.userId, status: 'present' }], now)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    const during = new Date(m.startsAt.getTime() + 10 * 60_000);
    await expect(recordAttendance(db(), head, firstMeetingId, [{ userId: fill.userId, status: 'present' }], during)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const r = await recordAttendance(
      db(),
      vp,
      firstMeetingId,
      [
        { userId: head.userId, status: 'present' },
        { userId: fill.userId, status: 'late', note: '迟到 10 分钟' },
      ],
      during,
    );
    expect(r.changed).toBe(2);
    const detail = await getMeeting(db(), vp, firstMeetingId);
    expect(Object.fromEntries(detail.attendees.map((a) => [a.userId, a.status]))).toEqual({
      [head.userId]: 'present',
      [fill.userId]: 'late',
      [brew.userId]: 'excused',
    });
  });

  it('CORE-7 minutes are saved with optimistic concurrency (a stale version gets 409)', async () => {
    const firstMeetingId = await firstDispatchMeeting();
    const m = await getMeeting(db(), vp, firstMeetingId);
    const saved = await updateMeeting(db(), vp, firstMeetingId, { version: m.version, minutes: '本月完成计划 98%。', state: 'held' });
    expect(saved.version).toBe(m.version + 1);
    await expect(updateMeeting(db(), vp, firstMeetingId, { version: m.version, minutes: '覆盖' })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await getMeeting(db(), vp, firstMeetingId)).minutes).toBe('本月完成计划 98%。');
  });

  it('CORE-6 CORE-7 an action item creates a deadline that reminds its owner and closes when the item is done', async () => {
    const firstMeetingId = await firstDispatchMeeting();
    const action = await addAction(db(), vp, firstMeetingId, { title: '落实灌装线检修', ownerUserId: fill.userId, dueOn: '2026-04-03' });
    const [d] = await db().select().from(deadlines).where(eq(deadlines.id, action.deadlineId!));
    expect(d).toMatchObject({
      subjectType: 'meeting.action',
      subjectId: action.id,
      ownerUserId: fill.userId,
      dueOn: '2026-04-03',
      clause: 'T4 第五十六条',
      state: 'open',
    });
    expect(d.escalateTo).toEqual([vp.userId]);
    const run = await runDueDeadlines({ db: db(), clock: () => new Date('2026-04-01T01:00:00Z') });
    expect(run.reminded).toBe(1);
    await expect(completeAction(db(), brew, firstMeetingId, action.id, { version: action.version }, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await completeAction(db(), fill, firstMeetingId, action.id, { version: action.version }, new Date('2026-04-02T01:00:00Z'));
    const [closed] = await db().select().from(deadlines).where(eq(deadlines.id, action.deadlineId!));
    expect(closed.state).toBe('done');
    expect(closed.findingId).toBeNull();
  });
});
