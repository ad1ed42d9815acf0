import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess, systemActor } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidState } from '#core/errors';
import { isOrganisationActive } from '#core/org';
import { getPolicy } from '#core/policy';
import { findTeacherOfUser, findRosterTeacherIds, findTeachers, type TeacherView } from '../teacher';
import { getSession, getSessionRow, type SessionRow, trainingSessions } from '../session';
import { countAttendance, rosterStatusOf } from './attendance.rules';
import type { RosterData } from './attendance.contract';
import { type AttendanceRow, trainingAttendance } from './attendance.schema';
import { type AttendanceView, findAttendanceRows, logAttendanceChange, markAttendance, viewOf } from './attendance.service';
import type { MarkInput } from './attendance.contract';

export type RosterRow = RosterData['rows'][number];

export type Roster = RosterData;

/** Who is expected: the teachers with a record, plus (until the roster closes) the current audience. */
export async function findExpectedTeacherIds(db: Db, session: SessionRow, records: AttendanceRow[]): Promise<Set<string>> {
  const ids = new Set(records.map((r) => r.teacherId));
  if (!session.rosterClosedAt) for (const id of await findRosterTeacherIds(db, session.orgId, session)) ids.add(id);
  return ids;
}

export async function getRoster(db: Db, actor: Actor, sessionId: string, now: Date): Promise<Roster> {
  const canRead = ['training.read', 'training.attendance.record', 'training.session.manage'] as const;
  if (!canRead.some((p) => hasPermission(actor, p))) throw new AppError('FORBIDDEN', '没有权限查看签到名单', 'Permission required to read the sign-in list');
  const session = await getSessionRow(db, actor.orgId, sessionId);
  const view = await getSession(db, actor, sessionId, now);
  const records = await findAttendanceRows(db, actor.orgId, [sessionId]);
  const expected = await findExpectedTeacherIds(db, session, records);
  const teachers = new Map<string, TeacherView>((await findTeachers(db, actor)).map((t) => [t.id, t]));
  const byTeacher = new Map(records.map((r) => [r.teacherId, r]));
  const rows: RosterRow[] = [...expected]
    .map((id) => {
      const t = teachers.get(id);
      const r = byTeacher.get(id) ?? null;
      return {
        teacherId: id,
        name: t?.name ?? '',
        staffNo: t?.staffNo ?? '',
        groupName: t?.groupName ?? null,
        status: rosterStatusOf(r?.status ?? null, view.phase),
        record: r ? viewOf(r) : null,
      };
    })
    .sort((a, b) => (a.groupName ?? '').localeCompare(b.groupName ?? '') || a.staffNo.localeCompare(b.staffNo));
  const policy = await getPolicy(db, actor.orgId);
  const canOverrideLock = view.isLocked && view.state === 'scheduled' && actor.roles.includes(policy.training.lockOverrideRole);
  return { session: view, rows, counts: countAttendance(rows.map((r) => r.status)), canOverrideLock };
}

/** The signed-in teacher's own record of a session, if any. */
export async function findMyAttendance(db: Db, actor: Actor, sessionIds: string[]): Promise<Map<string, AttendanceView>> {
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (!me || sessionIds.length === 0) return new Map();
  const rows = (await findAttendanceRows(db, actor.orgId, sessionIds)).filter((r) => r.teacherId === me.id);
  return new Map(rows.map((r) => [r.sessionId, viewOf(r)]));
}

/**
 * After the end, everyone expected without a record is recorded absent (source: system),
 * so the year's count of unexcused absences rests on stored records, not on who is in a
 * group today. Approved leave later still turns such a record into excused.
 */
export async function closeSessionRoster(tx: Db, actor: Actor, session: SessionRow, now: Date): Promise<number> {
  const records = await findAttendanceRows(tx, session.orgId, [session.id]);
  const expected = await findExpectedTeacherIds(tx, session, records);
  const have = new Set(records.map((r) => r.teacherId));
  const missing = [...expected].filter((id) => !have.has(id));
  for (const teacherId of missing) {
    const [row] = await tx
      .insert(trainingAttendance)
      .values({ orgId: session.orgId, sessionId: session.id, teacherId, status: 'absent', source: 'system', updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (row) await logAttendanceChange(tx, actor, null, row, '培训结束未签到，记为缺席', now);
  }
  await tx
    .update(trainingSessions)
    .set({ rosterClosedAt: now })
    .where(and(eq(trainingSessions.orgId, session.orgId), eq(trainingSessions.id, session.id)));
  await writeAudit(tx, actor, { action: 'training.session.close-roster', entity: 'training.session', entityId: session.id, after: { absent: missing.length } });
  return missing.length;
}

/** Closes the rosters of ended sessions (one organisation, or all for the scheduler); leased with SKIP LOCKED. */
export async function closeEndedSessions(db: Db, now: Date, options: { orgId?: string; limit?: number } = {}): Promise<number> {
  return db.transaction(async (tx) => {
    const where = [eq(trainingSessions.state, 'scheduled'), isNull(trainingSessions.rosterClosedAt), lt(trainingSessions.endsAt, now)];
    if (options.orgId) where.push(eq(trainingSessions.orgId, options.orgId));
    // A disabled school's lists stay open until it is enabled again (issue 12).
    else where.push(isOrganisationActive(trainingSessions.orgId));
    const due = await tx
      .select()
      .from(trainingSessions)
      .where(and(...where))
      .orderBy(trainingSessions.endsAt)
      .limit(options.limit ?? 200)
      .for('update', { skipLocked: true });
    const actors = new Map<string, Actor>();
    for (const s of due) {
      const actor = actors.get(s.orgId) ?? systemActor(s.orgId);
      actors.set(s.orgId, actor);
      await closeSessionRoster(tx, actor, s, now);
    }
    return due.length;
  });
}

/** Counts per session for lists (one query for all of them). */
export async function countSessionAttendance(db: Db, orgId: string, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, { present: number; absent: number; excused: number }>();
  const rows = await db
    .select({
      sessionId: trainingAttendance.sessionId,
      present: sql<number>`count(*) filter (where ${trainingAttendance.status} in ('on_time','late','left_early'))::int`,
      absent: sql<number>`count(*) filter (where ${trainingAttendance.status} = 'absent')::int`,
      excused: sql<number>`count(*) filter (where ${trainingAttendance.status} = 'excused')::int`,
    })
    .from(trainingAttendance)
    .where(and(eq(trainingAttendance.orgId, orgId), inArray(trainingAttendance.sessionId, sessionIds)))
    .groupBy(trainingAttendance.sessionId);
  return new Map(rows.map((r) => [r.sessionId, r]));
}

/** The recorder's entry point: the session, who is expected, then the record (see markAttendance). */
export async function recordAttendance(db: Db, actor: Actor, sessionId: string, input: MarkInput, now: Date): Promise<AttendanceView> {
  const session = await getSessionRow(db, actor.orgId, sessionId);
  const records = await findAttendanceRows(db, actor.orgId, [sessionId]);
  const expected = await findExpectedTeacherIds(db, session, records);
  return markAttendance(db, actor, session, input, expected, now);
}

/** The recorder closes the list once the session is over (the scheduler does it too). */
export async function closeRoster(db: Db, actor: Actor, sessionId: string, now: Date): Promise<Roster> {
  requireAccess(actor, 'training.attendance.record');
  const session = await getSessionRow(db, actor.orgId, sessionId);
  if (session.state !== 'scheduled') throw invalidState('该场次已取消或作废', 'This session was cancelled or voided');
  if (now <= session.endsAt) throw invalidState('培训结束后才能结束签到', 'The list can be closed once the session has ended');
  if (!session.rosterClosedAt) await db.transaction((tx) => closeSessionRoster(tx, actor, session, now));
  return getRoster(db, actor, sessionId, now);
}
