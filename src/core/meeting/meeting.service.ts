import { and, asc, desc, eq, gte, inArray, isNotNull, lte, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, hasPermission, requireAccess, userIdOf } from '../access';
import { writeAudit } from '../audit';
import { localDateOf } from '../calendar';
import type { Db } from '../db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '../errors';
import { notifyUsers } from '../notify';
import { getOrganisation, users } from '../org';
import { getPolicy } from '../policy';
import { meetingActions, meetingAttendees, meetingDecisions, meetingLeaveRequests, type MeetingRow, meetingSeries, meetings } from './meeting.schema';
import { formatLocal } from './meeting.rules';
import type { InvitablePerson, MeetingChange, MeetingDetail, MeetingItem, MeetingQuery, NewMeeting } from './meeting.contract';

export type { MeetingChange, MeetingQuery, NewMeeting };

/** created_by / recorded_by: the scheduler's system actor is nobody in the users table. */

export async function getMeetingRow(db: Db, orgId: string, id: string): Promise<MeetingRow> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.id, id)));
  if (!row) throw notFound('会议', 'Meeting');
  return row;
}

/** The chair runs the meeting; people with meeting.manage may act for them. */
export const canManageMeeting = (actor: Actor, m: MeetingRow): boolean => actor.userId === m.chairUserId || hasPermission(actor, 'meeting.manage');

export function requireManage(actor: Actor, m: MeetingRow): void {
  if (!canManageMeeting(actor, m)) throw new AppError('FORBIDDEN', '只有会议主持人或会议组织者可以操作', 'Only the chair or a meeting organiser can do this');
}

/** Leave is decided by the series' leave approver, or else by the chair (T4 第五十六条: 生产部部长). */
export const leaveApproverOf = (m: MeetingRow): string => m.leaveApproverUserId ?? m.chairUserId;

export async function assertUsersExist(db: Db, orgId: string, ids: string[], field: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, unique)));
  if (found.length !== unique.length) throw invalidField(field, '人员不存在', 'unknown person');
}

/** Active people of the organisation, for choosing attendees, owners and substitutes. */
export async function findInvitablePeople(db: Db, actor: Actor): Promise<InvitablePerson[]> {
  requireAccess(actor, 'meeting.read');
  return db
    .select({ id: users.id, displayName: users.displayName, departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.isActive, true)))
    .orderBy(asc(users.displayName));
}

/** An ad-hoc meeting, e.g. a coordination meeting called over a material shortage (PP-19). */
export async function createMeeting(db: Db, actor: Actor, input: NewMeeting): Promise<MeetingRow> {
  requireAccess(actor, 'meeting.manage');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!(endsAt > startsAt)) throw invalidField('endsAt', '结束时间须晚于开始时间', 'must be after the start');
  const attendees = [...new Set(input.attendeeUserIds)].filter((id) => id !== input.chairUserId);
  await assertUsersExist(db, actor.orgId, [input.chairUserId], 'chairUserId');
  await assertUsersExist(db, actor.orgId, input.leaveApproverUserId ? [input.leaveApproverUserId] : [], 'leaveApproverUserId');
  await assertUsersExist(db, actor.orgId, attendees, 'attendeeUserIds');
  const policy = await getPolicy(db, actor.orgId);
  // A plant's coordination meeting is the one T4 第五十四–五十五条 describe (PP-19).
  const isPlantCoordination = input.kind === 'coordination' && (await getOrganisation(db, actor.orgId))?.kind === 'enterprise';
  return db.transaction(async (tx) => {
    const [m] = await tx
      .insert(meetings)
      .values({
        orgId: actor.orgId,
        occursOn: localDateOf(startsAt, policy.calendar.utcOffsetMinutes),
        title: input.title.trim(),
        kind: input.kind,
        chairUserId: input.chairUserId,
        leaveApproverUserId: input.leaveApproverUserId ?? null,
        location: input.location ?? null,
        startsAt,
        endsAt,
        agenda: input.agenda ?? '',
        clause: input.clause ?? (isPlantCoordination ? 'T4 第五十五条' : null),
        requirementId: input.requirementId ?? (isPlantCoordination ? 'PP-19' : 'CORE-7'),
        createdBy: userIdOf(actor),
      })
      .returning();
    if (attendees.length) await tx.insert(meetingAttendees).values(attendees.map((userId) => ({ orgId: actor.orgId, meetingId: m.id, userId })));
    await notifyUsers(
      tx,
      actor.orgId,
      [...attendees, input.chairUserId].filter((id) => id !== actor.userId),
      {
        kind: 'meeting.invited',
        title: { zh: `会议通知：${m.title}`, en: `Meeting: ${m.title}` },
        body: {
          zh: `时间 ${formatLocal(startsAt, policy.calendar.utcOffsetMinutes)}，地点 ${m.location ?? '待定'}`,
          en: `At ${formatLocal(startsAt, policy.calendar.utcOffsetMinutes)}, ${m.location ?? 'place to be announced'}`,
        },
        link: `/meetings/${m.id}`,
      },
    );
    await writeAudit(tx, actor, { action: 'meeting.create', entity: 'meeting', entityId: m.id, after: { ...m, attendees } });
    return m;
  });
}

export async function findMeetings(db: Db, actor: Actor, q: MeetingQuery): Promise<MeetingItem[]> {
  requireAccess(actor, 'meeting.read');
  const mine = alias(meetingAttendees, 'mine');
  const chair = alias(users, 'chair');
  const where: SQL[] = [eq(meetings.orgId, actor.orgId)];
  if ((q.scope ?? 'mine') === 'mine') where.push(or(eq(meetings.chairUserId, actor.userId), isNotNull(mine.userId))!);
  if (q.from) where.push(gte(meetings.startsAt, new Date(q.from)));
  if (q.to) where.push(lte(meetings.startsAt, new Date(q.to)));
  if (q.state) where.push(eq(meetings.state, q.state));
  if (q.seriesId) where.push(eq(meetings.seriesId, q.seriesId));
  const rows = await db
    .select({ m: meetings, chairName: chair.displayName, myStatus: mine.status })
    .from(meetings)
    .innerJoin(chair, and(eq(chair.orgId, meetings.orgId), eq(chair.id, meetings.chairUserId)))
    .leftJoin(mine, and(eq(mine.orgId, meetings.orgId), eq(mine.meetingId, meetings.id), eq(mine.userId, actor.userId)))
    .where(and(...where))
    .orderBy(q.to && !q.from ? desc(meetings.startsAt) : asc(meetings.startsAt))
    .limit(500);
  return rows.map(({ m, chairName, myStatus }) => ({ ...m, chairName, myStatus: myStatus ?? null }));
}

export async function getMeeting(db: Db, actor: Actor, id: string): Promise<MeetingDetail> {
  requireAccess(actor, 'meeting.read');
  const m = await getMeetingRow(db, actor.orgId, id);
  const [attendees, leaveRequests, decisions, actions, series, people] = await Promise.all([
    db
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.orgId, actor.orgId), eq(meetingAttendees.meetingId, id))),
    db
      .select()
      .from(meetingLeaveRequests)
      .where(and(eq(meetingLeaveRequests.orgId, actor.orgId), eq(meetingLeaveRequests.meetingId, id)))
      .orderBy(asc(meetingLeaveRequests.requestedAt)),
    db
      .select()
      .from(meetingDecisions)
      .where(and(eq(meetingDecisions.orgId, actor.orgId), eq(meetingDecisions.meetingId, id)))
      .orderBy(asc(meetingDecisions.sort), asc(meetingDecisions.createdAt)),
    db
      .select()
      .from(meetingActions)
      .where(and(eq(meetingActions.orgId, actor.orgId), eq(meetingActions.meetingId, id)))
      .orderBy(asc(meetingActions.dueOn)),
    m.seriesId
      ? db
          .select({ id: meetingSeries.id, title: meetingSeries.title, recurrence: meetingSeries.recurrence })
          .from(meetingSeries)
          .where(and(eq(meetingSeries.orgId, actor.orgId), eq(meetingSeries.id, m.seriesId)))
      : Promise.resolve([]),
    db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.orgId, actor.orgId)),
  ]);
  const name = (uid: string | null) => (uid ? (people.find((p) => p.id === uid)?.name ?? '') : null);
  return {
    ...m,
    chairName: name(m.chairUserId),
    leaveApproverUserId: leaveApproverOf(m),
    leaveApproverName: name(leaveApproverOf(m)),
    series: series[0] ?? null,
    attendees: attendees.map((a) => ({ ...a, displayName: name(a.userId) })).sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'zh')),
    leaveRequests: leaveRequests.map((r) => ({ ...r, userName: name(r.userId), substituteName: name(r.substituteUserId), decidedByName: name(r.decidedBy) })),
    decisions,
    actions: actions.map((a) => ({ ...a, ownerName: name(a.ownerUserId) })),
    canManage: canManageMeeting(actor, m),
    canDecideLeave: actor.userId === leaveApproverOf(m) || actor.userId === m.chairUserId,
    isAttendee: attendees.some((a) => a.userId === actor.userId),
  };
}

/** Minutes, agenda and the meeting's state; a stale version is refused (409). */
export async function updateMeeting(db: Db, actor: Actor, id: string, change: MeetingChange): Promise<MeetingRow> {
  requireAccess(actor, 'meeting.read');
  return db.transaction(async (tx) => {
    const before = await getMeetingRow(tx, actor.orgId, id);
    requireManage(actor, before);
    if (before.version !== change.version) throw versionConflict();
    if (before.state === 'cancelled' && change.state !== 'planned') throw invalidState('会议已取消', 'The meeting was cancelled');
    const startsAt = change.startsAt ? new Date(change.startsAt) : before.startsAt;
    const endsAt = change.endsAt ? new Date(change.endsAt) : before.endsAt;
    if (!(endsAt > startsAt)) throw invalidField('endsAt', '结束时间须晚于开始时间', 'must be after the start');
    const set = {
      ...(change.title !== undefined ? { title: change.title.trim() } : {}),
      ...(change.location !== undefined ? { location: change.location } : {}),
      ...(change.agenda !== undefined ? { agenda: change.agenda } : {}),
      ...(change.minutes !== undefined ? { minutes: change.minutes } : {}),
      ...(change.state !== undefined ? { state: change.state } : {}),
      startsAt,
      endsAt,
    };
    const [after] = await tx
      .update(meetings)
      .set({ ...set, version: before.version + 1 })
      .where(and(eq(meetings.orgId, actor.orgId), eq(meetings.id, id), eq(meetings.version, change.version)))
      .returning();
    if (!after) throw versionConflict();
    const changed = Object.keys(set).filter((k) => JSON.stringify(before[k as keyof MeetingRow]) !== JSON.stringify(after[k as keyof MeetingRow]));
    await writeAudit(tx, actor, {
      action: 'meeting.update',
      entity: 'meeting',
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k as keyof MeetingRow]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k as keyof MeetingRow]])),
    });
    if (change.state === 'cancelled' && before.state !== 'cancelled') {
      const invited = await tx
        .select({ userId: meetingAttendees.userId })
        .from(meetingAttendees)
        .where(and(eq(meetingAttendees.orgId, actor.orgId), eq(meetingAttendees.meetingId, id)));
      await notifyUsers(
        tx,
        actor.orgId,
        invited.map((a) => a.userId),
        { kind: 'meeting.cancelled', title: { zh: `会议取消：${after.title}`, en: `Meeting cancelled: ${after.title}` }, link: `/meetings/${id}` },
      );
    }
    return after;
  });
}
