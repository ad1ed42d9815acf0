import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, versionConflict } from '#core/errors';
import { getPolicy } from '#core/policy';
import { requireAnyAccess } from '../common';
import { trainingTeachers } from '../teacher';
import { assertManagesSession, getSessionRow, isAttendanceLocked, SIGN_IN_OPENS_MINUTES_BEFORE, type SessionRow } from '../session';
import { type AttendanceRow, type AttendanceSource, attendanceChanges, trainingAttendance } from './attendance.schema';
import { presenceStatusOf } from './attendance.rules';
import type { AttendanceChange, AttendanceSnapshot, AttendanceViewData, MarkInput } from './attendance.contract';

type Text = { zh: string; en: string };

export type AttendanceView = AttendanceViewData;

export const viewOf = ({ clientIp: _ip, ...r }: AttendanceRow): AttendanceView => r;

/** The values a change log entry keeps (old and new, ANCHORS). */
export const snapshotOf = (r: AttendanceRow) => ({
  status: r.status,
  lateMinutes: r.lateMinutes,
  leftEarlyMinutes: r.leftEarlyMinutes,
  signedInAt: r.signedInAt,
  signedOutAt: r.signedOutAt,
  source: r.source,
  flags: r.flags,
  note: r.note,
});

/** One append-only change entry plus the audit trail, inside the caller's transaction. */
export async function logAttendanceChange(
  tx: Db,
  actor: Actor,
  before: AttendanceRow | null,
  after: AttendanceRow,
  reason: string,
  now: Date,
  action?: string,
): Promise<void> {
  await tx.insert(attendanceChanges).values({
    orgId: actor.orgId,
    attendanceId: after.id,
    sessionId: after.sessionId,
    changedAt: now,
    changedBy: actor.userId,
    changedByName: actor.displayName,
    reason,
    before: before ? snapshotOf(before) : null,
    after: snapshotOf(after),
  });
  await writeAudit(tx, actor, {
    action: action ?? (before ? 'training.attendance.change' : 'training.attendance.create'),
    entity: 'training.attendance',
    entityId: after.id,
    before: before ? { sessionId: before.sessionId, teacherId: before.teacherId, ...snapshotOf(before) } : undefined,
    after: { sessionId: after.sessionId, teacherId: after.teacherId, ...snapshotOf(after), reason },
  });
}

export async function findAttendance(db: Db, orgId: string, sessionId: string, teacherId: string, options: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(trainingAttendance)
    .where(and(eq(trainingAttendance.orgId, orgId), eq(trainingAttendance.sessionId, sessionId), eq(trainingAttendance.teacherId, teacherId)));
  const [row] = options.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function assertNotLocked(db: Db, orgId: string, session: SessionRow, now: Date): Promise<void> {
  const policy = await getPolicy(db, orgId);
  if (isAttendanceLocked(session, now, policy.training.attendanceLockDays)) {
    throw invalidState(
      `考勤记录已于培训结束 ${policy.training.attendanceLockDays} 天后锁定，不能再修改`,
      `Attendance records locked ${policy.training.attendanceLockDays} days after the session; they can no longer change`,
    );
  }
}

export function checkMinutes(input: MarkInput, durationMinutes: number): { late: number; early: number } {
  const late = input.status === 'late' || input.status === 'left_early' ? (input.lateMinutes ?? 0) : 0;
  const early = input.status === 'left_early' ? (input.leftEarlyMinutes ?? 0) : 0;
  if (input.status === 'late' && late <= 0) throw invalidField('lateMinutes', '迟到须填写迟到分钟数', 'give the minutes late');
  if (input.status === 'left_early' && early <= 0) throw invalidField('leftEarlyMinutes', '早退须填写早退分钟数', 'give the minutes left early');
  if (late + early > durationMinutes) throw invalidField('lateMinutes', '迟到与早退分钟数超过了培训时长', 'late and early minutes exceed the session');
  return { late, early };
}

/**
 * ST-4: the recorder records a teacher (paper sign-in, someone without a phone) or
 * corrects a record with a reason. A correction of a self sign-in or of approved leave is
 * an override; the old and new values are kept.
 */
export async function markAttendance(db: Db, actor: Actor, session: SessionRow, input: MarkInput, rosterIds: Set<string>, now: Date): Promise<AttendanceView> {
  requireAnyAccess(actor, ['training.attendance.record']);
  // A group leader records and corrects their own group's sessions only (issue 13 item 3).
  await assertManagesSession(db, actor, session);
  if (session.state !== 'scheduled') throw invalidState('该场次已取消或作废', 'This session was cancelled or voided');
  if (now.getTime() < session.startsAt.getTime() - SIGN_IN_OPENS_MINUTES_BEFORE * 60_000)
    throw invalidState('签到尚未开放，不能记录考勤', 'Sign-in has not opened yet');
  if (input.status === 'excused') throw invalidField('status', '请假须经领导组组长批准，不能直接标记', 'excused comes only from approved leave');
  await assertNotLocked(db, actor.orgId, session, now);
  const duration = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  const { late, early } = checkMinutes(input, duration);
  return db.transaction(async (tx) => {
    const before = await findAttendance(tx, actor.orgId, session.id, input.teacherId, { forUpdate: true });
    if (!before && !rosterIds.has(input.teacherId))
      throw invalidField('teacherId', '该教师不在本场培训的参训名单中', 'the teacher is not expected at this session');
    const reason = input.reason?.trim() ?? '';
    const values = { status: input.status, lateMinutes: late, leftEarlyMinutes: early, updatedAt: now, updatedBy: actor.userId };
    if (!before) {
      const [row] = await tx
        .insert(trainingAttendance)
        .values({ orgId: actor.orgId, sessionId: session.id, teacherId: input.teacherId, source: 'recorder', ...values, note: reason || null })
        .returning();
      await logAttendanceChange(tx, actor, null, row, reason || '记录员登记', now);
      return viewOf(row);
    }
    if (reason.length < 2) throw invalidField('reason', '更正考勤须写明原因', 'a correction needs a reason');
    if (input.version !== before.version) throw versionConflict();
    const source: AttendanceSource = before.source === 'recorder' || before.source === 'system' ? 'recorder' : 'override';
    const [after] = await tx
      .update(trainingAttendance)
      .set({ ...values, source, note: reason, leaveId: null, version: sql`${trainingAttendance.version} + 1` })
      .where(and(eq(trainingAttendance.orgId, actor.orgId), eq(trainingAttendance.id, before.id), eq(trainingAttendance.version, before.version)))
      .returning();
    if (!after) throw versionConflict();
    await logAttendanceChange(tx, actor, before, after, reason, now);
    return viewOf(after);
  });
}

/** Approved leave turns the record into excused, in the approval's own transaction (ANCHORS). */
export async function applyExcused(tx: Db, actor: Actor, session: SessionRow, teacherId: string, leaveId: string, now: Date): Promise<void> {
  const before = await findAttendance(tx, actor.orgId, session.id, teacherId, { forUpdate: true });
  const values = {
    status: 'excused' as const,
    lateMinutes: 0,
    leftEarlyMinutes: 0,
    source: 'leave' as const,
    leaveId,
    updatedAt: now,
    updatedBy: actor.userId,
  };
  if (!before) {
    const [row] = await tx
      .insert(trainingAttendance)
      .values({ orgId: actor.orgId, sessionId: session.id, teacherId, ...values })
      .returning();
    await logAttendanceChange(tx, actor, null, row, '请假已批准', now);
    return;
  }
  const [after] = await tx
    .update(trainingAttendance)
    .set({ ...values, version: sql`${trainingAttendance.version} + 1` })
    .where(and(eq(trainingAttendance.orgId, actor.orgId), eq(trainingAttendance.id, before.id)))
    .returning();
  await logAttendanceChange(tx, actor, before, after, '请假已批准', now);
}

export interface SignInOutcome {
  record: AttendanceView;
  isNew: boolean;
  message: Text;
}

export interface SelfSignIn {
  session: SessionRow;
  teacherId: string;
  mode: 'in' | 'out';
  isGrace: boolean;
  deviceId: string | null;
  clientIp: string | null;
  /** The school's training policy, read once by the caller. */
  policy?: { lateAfterMinutes: number; leftEarlyMinutes: number };
}

/** The write of a verified QR scan: one record per teacher and session, whatever the number of scans. */
export async function recordSelfSignIn(db: Db, actor: Actor, s: SelfSignIn, now: Date): Promise<SignInOutcome> {
  const policy = s.policy ?? (await getPolicy(db, actor.orgId)).training;
  return db.transaction(async (tx) => {
    if (s.mode === 'in') return signIn(tx, actor, s, s.isGrace ? ['grace_token'] : [], policy, now);
    return signOut(tx, actor, s, policy, now);
  });
}

/**
 * A sign-in's flags, with 'shared_device' when this phone has already signed in another
 * teacher at this session (one phone signing in several teachers: recorded and shown, never
 * silently trusted). Decided inside the statement that writes the record, not by a read
 * before it: a full hall's scans queue on one embedded connection (issue 10).
 */
function signInFlags(orgId: string, s: SelfSignIn, flags: readonly string[]): SQL<string[]> {
  const own = flags.length
    ? sql`array[${sql.join(
        flags.map((f) => sql`${f}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;
  if (!s.deviceId) return sql<string[]>`${own}`;
  return sql<
    string[]
  >`${own} || case when exists (select 1 from ${trainingAttendance} as other where other.org_id = ${orgId} and other.session_id = ${s.session.id} and other.device_id = ${s.deviceId} and other.teacher_id <> ${s.teacherId}) then array['shared_device']::text[] else '{}'::text[] end`;
}

async function signIn(
  tx: Db,
  actor: Actor,
  s: SelfSignIn,
  flags: readonly string[],
  policy: { lateAfterMinutes: number; leftEarlyMinutes: number },
  now: Date,
): Promise<SignInOutcome> {
  const late = Math.max(0, Math.floor((now.getTime() - s.session.startsAt.getTime()) / 60_000));
  const lateMinutes = late > policy.lateAfterMinutes ? late : 0;
  const values = {
    status: presenceStatusOf(lateMinutes, 0),
    lateMinutes,
    signedInAt: now,
    source: 'self_qr' as const,
    flags: signInFlags(actor.orgId, s, flags),
    deviceId: s.deviceId,
    clientIp: s.clientIp,
    updatedAt: now,
    updatedBy: actor.userId,
  };
  const [created] = await tx
    .insert(trainingAttendance)
    .values({ orgId: actor.orgId, sessionId: s.session.id, teacherId: s.teacherId, ...values })
    .onConflictDoNothing()
    .returning();
  if (created) {
    await logAttendanceChange(tx, actor, null, created, '扫码签到', now);
    return {
      record: viewOf(created),
      isNew: true,
      message: lateMinutes
        ? { zh: `签到成功（迟到 ${lateMinutes} 分钟）`, en: `Signed in (${lateMinutes} minutes late)` }
        : { zh: '签到成功', en: 'Signed in' },
    };
  }
  const existing = (await findAttendance(tx, actor.orgId, s.session.id, s.teacherId, { forUpdate: true }))!;
  if (existing.status !== 'excused')
    return { record: viewOf(existing), isNew: false, message: { zh: '您已签到，无需重复扫码', en: 'You are already signed in' } };
  // Excused by leave but here after all: present, with the leave kept on the record.
  const [after] = await tx
    .update(trainingAttendance)
    .set({ ...values, flags: signInFlags(actor.orgId, s, [...flags, 'came_despite_leave']), version: sql`${trainingAttendance.version} + 1` })
    .where(and(eq(trainingAttendance.orgId, actor.orgId), eq(trainingAttendance.id, existing.id)))
    .returning();
  await logAttendanceChange(tx, actor, existing, after, '请假后仍到场签到', now);
  return { record: viewOf(after), isNew: false, message: { zh: '签到成功（原已请假）', en: 'Signed in (leave had been granted)' } };
}

async function signOut(tx: Db, actor: Actor, s: SelfSignIn, policy: { lateAfterMinutes: number; leftEarlyMinutes: number }, now: Date): Promise<SignInOutcome> {
  const before = await findAttendance(tx, actor.orgId, s.session.id, s.teacherId, { forUpdate: true });
  if (!before || before.signedInAt === null) throw invalidState('请先扫码签到，再签退', 'Sign in first, then sign out');
  if (before.signedOutAt) return { record: viewOf(before), isNew: false, message: { zh: '您已签退', en: 'You have signed out already' } };
  const early = Math.max(0, Math.floor((s.session.endsAt.getTime() - now.getTime()) / 60_000));
  const leftEarlyMinutes = early > policy.leftEarlyMinutes ? early : 0;
  const [after] = await tx
    .update(trainingAttendance)
    .set({
      signedOutAt: now,
      leftEarlyMinutes,
      status: presenceStatusOf(before.lateMinutes, leftEarlyMinutes),
      updatedAt: now,
      updatedBy: actor.userId,
      version: sql`${trainingAttendance.version} + 1`,
    })
    .where(and(eq(trainingAttendance.orgId, actor.orgId), eq(trainingAttendance.id, before.id)))
    .returning();
  await logAttendanceChange(tx, actor, before, after, '扫码签退', now);
  return {
    record: viewOf(after),
    isNew: false,
    message: leftEarlyMinutes
      ? { zh: `签退成功（早退 ${leftEarlyMinutes} 分钟）`, en: `Signed out (${leftEarlyMinutes} minutes early)` }
      : { zh: '签退成功', en: 'Signed out' },
  };
}

export async function findAttendanceRows(db: Db, orgId: string, sessionIds: string[]): Promise<AttendanceRow[]> {
  if (sessionIds.length === 0) return [];
  const rows: AttendanceRow[] = [];
  // Bounded IN lists: a school year is a few hundred sessions.
  for (let i = 0; i < sessionIds.length; i += 500) {
    rows.push(
      ...(await db
        .select()
        .from(trainingAttendance)
        .where(and(eq(trainingAttendance.orgId, orgId), inArray(trainingAttendance.sessionId, sessionIds.slice(i, i + 500))))),
    );
  }
  return rows;
}

export async function findAttendanceChanges(db: Db, actor: Actor, sessionId: string): Promise<AttendanceChange[]> {
  if (!hasPermission(actor, 'training.attendance.record') && !hasPermission(actor, 'training.read')) {
    throw new AppError('FORBIDDEN', '没有权限查看考勤更正记录', 'Permission required to read attendance changes');
  }
  await getSessionRow(db, actor.orgId, sessionId);
  // Whose record changed, not only who changed it (issue 13 item 9).
  const rows = await db
    .select({ c: attendanceChanges, teacherName: trainingTeachers.name })
    .from(attendanceChanges)
    .innerJoin(trainingAttendance, and(eq(trainingAttendance.orgId, attendanceChanges.orgId), eq(trainingAttendance.id, attendanceChanges.attendanceId)))
    .innerJoin(trainingTeachers, and(eq(trainingTeachers.orgId, trainingAttendance.orgId), eq(trainingTeachers.id, trainingAttendance.teacherId)))
    .where(and(eq(attendanceChanges.orgId, actor.orgId), eq(attendanceChanges.sessionId, sessionId)))
    .orderBy(attendanceChanges.changedAt);
  // The snapshots are what snapshotOf wrote (jsonb).
  return rows.map((r) => ({ ...r.c, before: r.c.before as AttendanceSnapshot | null, after: r.c.after as AttendanceSnapshot, teacherName: r.teacherName }));
}
