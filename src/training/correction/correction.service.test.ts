import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#core/access';
import { auditLog } from '#core/audit';
import { loadActor } from '#core/auth';
import { findMyNotifications } from '#core/notify';
import { addPerson } from '#core/org';
import { getPolicyView, updatePolicy } from '#core/policy';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase, testRegistry } from '#test-support';
import { computeAssessments, findAssessments } from '../assessment';
import { closeEndedSessions, findAttendanceChanges, getRoster, recordAttendance } from '../attendance';
import { getTeacherCredits } from '../credit';
import { newTrainingSchool, type TestSchool } from '../demo';
import { cancelSession, createSession, findSessions, updateSession } from '../session';
import { addTeacher } from '../teacher';
import { overrideLockedRecord } from './lock-override.service';
import { voidSession } from './session-void.service';

const at = (iso: string) => new Date(iso);

describe('corrections after the fact (issue 13 items 1, 2, 3, 9)', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  let school: TestSchool;
  let leader: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    school = await newTrainingSchool(db, testRegistry, { teachers: 4, password: TEST_PASSWORD, now: at('2026-03-01T00:00:00Z') });
    const p = await addPerson(db, school.system, {
      username: `leader.${school.orgId.slice(0, 6)}`,
      displayName: '黄组长',
      password: TEST_PASSWORD,
      roles: ['group_leader'],
      departmentId: school.groups.get('语文教研组'),
    });
    await addTeacher(db, school.system, { staffNo: 'L001', name: '黄组长', userId: p.id, groupId: school.groups.get('语文教研组') });
    leader = (await loadActor(db, school.orgId, p.id))!;
  });
  afterAll(() => database.drop());

  it('issue 13 item 1: a back-dated session that marked everyone absent is voided by the office; its records leave credits and verdicts, audited, teachers told', async () => {
    const now = at('2026-03-20T02:00:00Z');
    // The typo: 2026-03-02 instead of 2026-04-02, so it ended long ago and locks at once.
    const wrong = await createSession(
      db,
      school.office,
      { title: '信息技术培训', category: 'informationTechnology', date: '2026-03-02', startTime: '16:30', durationMinutes: 90, audience: 'all' },
      now,
    );
    await closeEndedSessions(db, now, { orgId: school.orgId });
    const t = school.teachers[0];
    const roster = await getRoster(db, school.office, wrong.id, now);
    expect(roster.rows.find((r) => r.teacherId === t.teacherId)?.status).toBe('absent');
    await computeAssessments(db, school.office, '2025-2026', now);
    expect((await findAssessments(db, school.office, '2025-2026')).find((a) => a.teacherId === t.teacherId)?.unexcusedAbsences).toBe(1);
    const record = roster.rows.find((r) => r.teacherId === t.teacherId)!.record!;
    // The recorder cannot fix it: the records are locked.
    await expect(
      recordAttendance(db, school.recorder, wrong.id, { teacherId: t.teacherId, status: 'on_time', reason: '日期填错', version: record.version }, now),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    // Neither the recorder nor a group leader may void; a reason is required.
    await expect(voidSession(db, school.recorder, wrong.id, { reason: '日期填错', version: wrong.version }, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(voidSession(db, leader, wrong.id, { reason: '日期填错', version: wrong.version }, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(voidSession(db, school.office, wrong.id, { reason: ' ', version: wrong.version }, now)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const out = await voidSession(db, school.office, wrong.id, { reason: '日期填错，应为 4 月 2 日', version: wrong.version }, now);
    expect(out.session.state).toBe('void');
    expect(out.session.voidReason).toBe('日期填错，应为 4 月 2 日');
    expect(out.teachersAffected).toBeGreaterThanOrEqual(4);
    expect(out.isRecomputed).toBe(true);
    const verdict = (await findAssessments(db, school.office, '2025-2026')).find((a) => a.teacherId === t.teacherId)!;
    expect(verdict.unexcusedAbsences).toBe(0);
    const credits = await getTeacherCredits(db, school.office, t.teacherId, '2025-2026', now);
    expect(credits.lines.map((l) => l.refId)).not.toContain(wrong.id);
    expect((await findSessions(db, school.office, { from: '2026-03-01', to: '2026-03-31' }, now)).map((s) => s.id)).not.toContain(wrong.id);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, school.orgId), eq(auditLog.entityId, wrong.id), eq(auditLog.action, 'training.session.void')));
    expect(audit).toHaveLength(1);
    expect(audit[0].newValue).toMatchObject({ reason: '日期填错，应为 4 月 2 日' });
    const told = await findMyNotifications(db, t.actor);
    expect(told.some((n) => n.kind === 'training.session.void' && n.titleZh.includes('2026-03-02'))).toBe(true);
    // No hard delete, and no second void.
    await expect(voidSession(db, school.office, wrong.id, { reason: '再次', version: out.session.version }, now)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('issue 13 item 2: the policy role (principal by default) corrects one locked record with a reason; recorder and office refused; the audit names the override', async () => {
    const held = await createSession(
      db,
      school.office,
      { title: '政治学习', category: 'moralEducation', date: '2026-03-09', startTime: '16:30', durationMinutes: 60, audience: 'all' },
      at('2026-03-01T00:00:00Z'),
    );
    const now = at('2026-03-30T02:00:00Z');
    await closeEndedSessions(db, now, { orgId: school.orgId });
    const t = school.teachers[1];
    const rec = (await getRoster(db, school.office, held.id, now)).rows.find((r) => r.teacherId === t.teacherId)!.record!;
    const input = { teacherId: t.teacherId, status: 'on_time' as const, reason: '纸质签到表上有本人签名', version: rec.version };
    await expect(overrideLockedRecord(db, school.recorder, held.id, input, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(overrideLockedRecord(db, school.office, held.id, input, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(overrideLockedRecord(db, school.principal, held.id, { ...input, reason: '' }, now)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const after = await overrideLockedRecord(db, school.principal, held.id, input, now);
    expect(after).toMatchObject({ status: 'on_time', source: 'override' });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, school.orgId), eq(auditLog.entityId, after.id)));
    const entry = audit.find((a) => a.action === 'training.attendance.lock-override')!;
    expect(entry.newValue).toMatchObject({ status: 'on_time', reason: '锁定后更正：纸质签到表上有本人签名' });
    // Other records stay locked for everyone else.
    const other = (await getRoster(db, school.office, held.id, now)).rows.find((r) => r.teacherId === school.teachers[2].teacherId)!.record!;
    await expect(
      recordAttendance(db, school.office, held.id, { teacherId: school.teachers[2].teacherId, status: 'on_time', reason: '补签', version: other.version }, now),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    // The policy decides the role: moved to the office's role, the principal is refused.
    const policy = await getPolicyView(db, school.office);
    await updatePolicy(db, school.system, {
      baseVersion: policy.version,
      values: { training: { lockOverrideRole: 'academic_director' } },
      reason: '由教导处主任更正',
    });
    await expect(overrideLockedRecord(db, school.principal, held.id, { ...input, version: after.version }, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const byOffice = await overrideLockedRecord(db, school.office, held.id, { ...input, status: 'late', lateMinutes: 10, version: after.version }, now);
    expect(byOffice.status).toBe('late');
    // Issue 13 item 9: the change log names whose record changed, with the minutes.
    const log = await findAttendanceChanges(db, school.office, held.id);
    // The closing run and both corrections share one clock: find the office's correction by what it changed.
    const last = log.find((c) => (c.after as { status?: string } | null)?.status === 'late' && c.reason.includes('纸质签到表'))!;
    expect(last.teacherName).toBe('教师2');
    expect(last.after).toMatchObject({ status: 'late', lateMinutes: 10 });
  });

  it('issue 13 item 3: a group leader manages their own group’s sessions and records only; all-staff sessions belong to the office', async () => {
    const now = at('2026-04-01T00:00:00Z');
    const chinese = school.groups.get('语文教研组')!;
    const maths = school.groups.get('数学教研组')!;
    const base = { title: '教研活动', category: 'subjectSkills' as const, date: '2026-04-08', startTime: '07:40', durationMinutes: 60 };
    const own = await createSession(db, leader, { ...base, audience: 'group', groupId: chinese }, now);
    expect(own.groupId).toBe(chinese);
    await expect(createSession(db, leader, { ...base, audience: 'group', groupId: maths }, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createSession(db, leader, { ...base, audience: 'all' }, now)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('教导处'),
    });
    const all = await createSession(db, school.office, { ...base, title: '全体政治学习', audience: 'all' }, now);
    await expect(updateSession(db, leader, all.id, { version: all.version, title: '改名' }, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cancelSession(db, leader, all.id, { version: all.version, reason: '改期' }, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const mathsSession = await createSession(db, school.office, { ...base, title: '数学组教研', audience: 'group', groupId: maths }, now);
    const during = at('2026-04-07T23:50:00Z');
    const mathsTeacher = school.teachers[1];
    await expect(recordAttendance(db, leader, mathsSession.id, { teacherId: mathsTeacher.teacherId, status: 'absent' }, during)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Their own group's record, and the school's recorder everywhere, still work.
    const mine = await recordAttendance(db, leader, own.id, { teacherId: school.teachers[0].teacherId, status: 'on_time' }, during);
    expect(mine.source).toBe('recorder');
    expect((await recordAttendance(db, school.recorder, mathsSession.id, { teacherId: mathsTeacher.teacherId, status: 'on_time' }, during)).status).toBe(
      'on_time',
    );
  });
});
