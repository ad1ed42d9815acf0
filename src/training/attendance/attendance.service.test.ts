import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDocument, submitDocument } from '#core/approval';
import { auditLog } from '#core/audit';
import { addHoliday } from '#core/calendar';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase, testRegistry } from '#test-support';
import { newTrainingSchool, type TestSchool } from '../demo';
import { decideLeave, decideLeaves, requestLeave } from '../leave';
import { createPlan, getPlan } from '../plan';
import { createSession, findSessions, generatePlanSessions, getSession, writeOutline } from '../session';
import { attendanceChanges } from './attendance.schema';
import { closeEndedSessions, getRoster, recordAttendance } from './roster.service';
import { getScreenQr, signInWithQr } from './sign-in.service';

const { workflows } = testRegistry;

const at = (iso: string) => new Date(iso);
const tokenOf = async (db: TestDatabase['db'], school: TestSchool, sessionId: string, now: Date, mode: 'in' | 'out' = 'in') =>
  (await getScreenQr(db, school.recorder, sessionId, mode, 'http://school.test', now)).token;

describe('plans, sessions, sign-in and leave (ST-1 … ST-4)', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  let school: TestSchool;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    school = await newTrainingSchool(db, testRegistry, { teachers: 4, password: TEST_PASSWORD, now: at('2026-02-20T00:00:00Z') });
  });
  afterAll(() => database.drop());

  const adHoc = (date: string, startTime = '16:30', durationMinutes = 60) =>
    createSession(
      db,
      school.office,
      { title: '信息技术培训', category: 'informationTechnology', date, startTime, durationMinutes, audience: 'all' },
      at(`${date}T00:00:00Z`),
    );

  it('ST-1 ST-2 an approved semester plan generates the term from the standing schedule, skipping holidays, once', async () => {
    await addHoliday(db, school.system, { date: '2026-03-06', name: '校运会', isWorkday: false });
    const now = at('2026-02-20T02:00:00Z');
    const plan = await createPlan(
      db,
      workflows,
      school.office,
      {
        kind: 'semester',
        schoolYear: '2025-2026',
        term: 2,
        title: '2025-2026学年第二学期校本培训计划',
        goals: '落实新课标，提升课堂教学能力',
        startsOn: '2026-03-02',
        endsOn: '2026-03-08',
        items: [
          { category: 'newCurriculum', topic: '新课标解读', ownerTeacherId: school.teachers[0].teacherId, schedule: '每周五', month: '2026-03', hours: 6 },
        ],
      },
      now,
    );
    await expect(generatePlanSessions(db, workflows, school.office, plan.id, now)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await submitDocument(db, workflows, school.office, plan.id, { version: plan.documentVersion }, now);
    await approveDocument(db, workflows, school.principal, plan.id, { version: plan.documentVersion + 1, opinion: '同意' }, now);
    expect((await getPlan(db, workflows, school.office, plan.id)).state).toBe('approved');
    const first = await generatePlanSessions(db, workflows, school.office, plan.id, now);
    // Mon political (all), Wed Chinese, Thu maths; Friday research ×3 groups skipped for the holiday.
    expect(first.created).toBe(3);
    expect(first.skipped).toEqual([{ date: '2026-03-06', slotCode: 'research', reason: { zh: '节假日：校运会', en: 'Holiday: 校运会' } }]);
    const again = await generatePlanSessions(db, workflows, school.office, plan.id, now);
    expect(again).toMatchObject({ created: 0, existing: 3 });
    const sessions = await findSessions(db, school.office, { planId: plan.id }, now);
    expect(sessions.map((s) => `${s.sessionDate} ${s.title}`)).toEqual(['2026-03-02 政治学习', '2026-03-04 语文组业务学习', '2026-03-05 数学组业务学习']);
  });

  it('ST-1 refuses to submit a plan without goals (guard of the approval engine)', async () => {
    const now = at('2026-02-20T02:00:00Z');
    const plan = await createPlan(
      db,
      workflows,
      school.office,
      { kind: 'annual', schoolYear: '2025-2026', title: '年度计划', goals: '', startsOn: '2025-09-01', endsOn: '2026-07-10', items: [] },
      now,
    );
    await expect(submitDocument(db, workflows, school.office, plan.id, { version: plan.documentVersion }, now)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('培训目标'),
    });
  });

  it('ST-3 flags an outline written after the start as late and one written before as on time', async () => {
    const s = await createSession(
      db,
      school.office,
      {
        title: '论文写作',
        category: 'theory',
        date: '2026-03-10',
        startTime: '15:30',
        durationMinutes: 90,
        audience: 'all',
        trainerTeacherId: school.teachers[1].teacherId,
      },
      at('2026-03-01T00:00:00Z'),
    );
    expect(s.outlineStatus).toBe('due');
    await expect(writeOutline(db, school.teachers[2].actor, s.id, { outline: '提纲', version: s.version }, at('2026-03-09T00:00:00Z'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const written = await writeOutline(db, school.teachers[1].actor, s.id, { outline: '一、选题；二、结构', version: s.version }, at('2026-03-09T00:00:00Z'));
    expect(written.outlineStatus).toBe('written');
    const late = await adHoc('2026-03-11');
    const lateWritten = await writeOutline(db, school.office, late.id, { outline: '补写', version: late.version }, at('2026-03-11T09:00:00Z'));
    expect(lateWritten.outlineStatus).toBe('late');
  });

  it('ST-4 a QR scan signs the teacher in once; a second scan changes nothing; late after the allowance', async () => {
    const s = await adHoc('2026-03-12');
    const t0 = school.teachers[0];
    const onTime = await signInWithQr(
      db,
      t0.actor,
      { token: await tokenOf(db, school, s.id, at('2026-03-12T08:31:00Z')), deviceId: 'phone-0' },
      { ip: '10.0.0.1' },
      at('2026-03-12T08:31:05Z'),
    );
    expect(onTime).toMatchObject({ isNew: true, record: { status: 'on_time', source: 'self_qr', lateMinutes: 0 } });
    const twice = await signInWithQr(
      db,
      t0.actor,
      { token: await tokenOf(db, school, s.id, at('2026-03-12T08:33:00Z')), deviceId: 'phone-0' },
      { ip: '10.0.0.1' },
      at('2026-03-12T08:33:01Z'),
    );
    expect(twice).toMatchObject({ isNew: false, record: { id: onTime.record.id } });
    const late = await signInWithQr(
      db,
      school.teachers[1].actor,
      { token: await tokenOf(db, school, s.id, at('2026-03-12T08:42:00Z')), deviceId: 'phone-1' },
      { ip: null },
      at('2026-03-12T08:42:00Z'),
    );
    expect(late.record).toMatchObject({ status: 'late', lateMinutes: 12 });
    const roster = await getRoster(db, school.recorder, s.id, at('2026-03-12T08:45:00Z'));
    expect(roster.counts).toMatchObject({ present: 2, late: 1 });
  });

  it('ST-4 refuses an expired, a forged and another session’s token, and flags one phone signing in two teachers', async () => {
    const s = await adHoc('2026-03-13');
    const t = school.teachers[2].actor;
    const token = await tokenOf(db, school, s.id, at('2026-03-13T08:30:00Z'));
    await expect(signInWithQr(db, t, { token }, { ip: null }, at('2026-03-13T08:31:00Z'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('已过期'),
    });
    const forged = `${token.slice(0, -4)}abcd`;
    await expect(signInWithQr(db, t, { token: forged }, { ip: null }, at('2026-03-13T08:30:01Z'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'token' }],
    });
    await expect(signInWithQr(db, t, { token: 'not-a-token' }, { ip: null }, at('2026-03-13T08:30:01Z'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const now = at('2026-03-13T08:35:00Z');
    await signInWithQr(db, school.teachers[0].actor, { token: await tokenOf(db, school, s.id, now), deviceId: 'shared' }, { ip: null }, now);
    const second = await signInWithQr(db, t, { token: await tokenOf(db, school, s.id, now), deviceId: 'shared' }, { ip: null }, now);
    expect(second.record.flags).toContain('shared_device');
  });

  it('ST-4 signing out early records left early with the minutes', async () => {
    const s = await adHoc('2026-03-16');
    const t = school.teachers[3].actor;
    await signInWithQr(db, t, { token: await tokenOf(db, school, s.id, at('2026-03-16T08:25:00Z')) }, { ip: null }, at('2026-03-16T08:25:00Z'));
    const out = await signInWithQr(
      db,
      t,
      { token: await tokenOf(db, school, s.id, at('2026-03-16T09:10:00Z'), 'out') },
      { ip: null },
      at('2026-03-16T09:10:00Z'),
    );
    expect(out.record).toMatchObject({ status: 'left_early', leftEarlyMinutes: 20 });
  });

  it('ST-4 leave is asked before the start only; approval makes the record excused in the same step', async () => {
    const s = await adHoc('2026-03-17');
    const t = school.teachers[0];
    await expect(requestLeave(db, t.actor, { sessionId: s.id, kind: 'sick', reason: '发烧' }, at('2026-03-17T08:31:00Z'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'sessionId' }],
    });
    const leave = await requestLeave(db, t.actor, { sessionId: s.id, kind: 'sick', reason: '发烧就医' }, at('2026-03-17T01:00:00Z'));
    await expect(requestLeave(db, t.actor, { sessionId: s.id, kind: 'sick', reason: '再次' }, at('2026-03-17T01:00:00Z'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(decideLeave(db, t.actor, leave.id, { isApproved: true, version: leave.version }, at('2026-03-17T02:00:00Z'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const approved = await decideLeave(
      db,
      school.principal,
      leave.id,
      { isApproved: true, opinion: '同意', version: leave.version },
      at('2026-03-17T02:00:00Z'),
    );
    expect(approved.state).toBe('approved');
    const roster = await getRoster(db, school.office, s.id, at('2026-03-17T10:00:00Z'));
    expect(roster.rows.find((r) => r.teacherId === t.teacherId)).toMatchObject({ status: 'excused', record: { source: 'leave', leaveId: leave.id } });
  });

  it('ST-4 bulk approval decides every request or none', async () => {
    const s = await adHoc('2026-03-18');
    const a = await requestLeave(db, school.teachers[1].actor, { sessionId: s.id, kind: 'personal', reason: '家中有事' }, at('2026-03-18T00:00:00Z'));
    const b = await requestLeave(db, school.teachers[2].actor, { sessionId: s.id, kind: 'official', reason: '外出教研' }, at('2026-03-18T00:00:00Z'));
    await expect(
      decideLeaves(
        db,
        school.principal,
        [
          { id: a.id, version: a.version },
          { id: b.id, version: 99 },
        ],
        { isApproved: true },
        at('2026-03-18T01:00:00Z'),
      ),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const done = await decideLeaves(
      db,
      school.principal,
      [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version },
      ],
      { isApproved: true },
      at('2026-03-18T01:00:00Z'),
    );
    expect(done.map((d) => d.state)).toEqual(['approved', 'approved']);
  });

  it('ST-4 closing the roster records absentees; corrections need a reason, keep old and new, and lock after the policy days', async () => {
    const s = await adHoc('2026-03-19');
    const t = school.teachers[3];
    expect(await closeEndedSessions(db, at('2026-03-19T10:00:00Z'), { orgId: school.orgId })).toBeGreaterThan(0);
    const roster = await getRoster(db, school.recorder, s.id, at('2026-03-19T10:00:00Z'));
    const row = roster.rows.find((r) => r.teacherId === t.teacherId)!;
    expect(row.record).toMatchObject({ status: 'absent', source: 'system' });
    await expect(
      recordAttendance(db, school.recorder, s.id, { teacherId: t.teacherId, status: 'on_time', version: row.record!.version }, at('2026-03-19T11:00:00Z')),
    ).rejects.toMatchObject({
      details: [{ field: 'reason' }],
    });
    const fixed = await recordAttendance(
      db,
      school.recorder,
      s.id,
      { teacherId: t.teacherId, status: 'late', lateMinutes: 10, reason: '纸质签到表补录', version: row.record!.version },
      at('2026-03-19T11:00:00Z'),
    );
    expect(fixed).toMatchObject({ status: 'late', source: 'recorder', note: '纸质签到表补录' });
    const changes = await db
      .select()
      .from(attendanceChanges)
      .where(and(eq(attendanceChanges.orgId, school.orgId), eq(attendanceChanges.attendanceId, fixed.id)));
    expect(changes.map((c) => [(c.before as { status?: string } | null)?.status ?? null, (c.after as { status: string }).status])).toEqual([
      [null, 'absent'],
      ['absent', 'late'],
    ]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, school.orgId), eq(auditLog.entityId, fixed.id)));
    expect(audit.map((a) => a.action)).toContain('training.attendance.change');
    await expect(
      recordAttendance(
        db,
        school.recorder,
        s.id,
        { teacherId: t.teacherId, status: 'on_time', reason: '再改', version: fixed.version },
        at('2026-03-27T10:00:00Z'),
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('锁定'),
    });
  });

  it('ST-4 the session view hides the QR secret', async () => {
    const s = await adHoc('2026-03-20');
    const view = await getSession(db, school.office, s.id, at('2026-03-01T00:00:00Z'));
    expect(view).not.toHaveProperty('qrSecret');
  });
});
