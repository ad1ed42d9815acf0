import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { type Actor, requireAccess, userIdOf } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '../errors';
import { notifyUsers } from '../notify';
import { findUserIdsWithRole, users } from '../org';
import { getPolicy, type Policy } from '../policy';
import { type AttendeeStatus, meetingAttendees, meetingLeaveRequests, meetings } from './meeting.schema';
import { canRecordStatusAt, formatLocal, leaveTooLate } from './meeting.rules';
import { assertUsersExist, getMeetingRow, leaveApproverOf, requireManage } from './meeting.service';
import type { LeaveRequestRecord, PendingLeave } from './meeting.contract';

export interface AttendanceEntry {
  userId: string;
  status: Exclude<AttendeeStatus, 'invited'>;
  note?: string | null;
}

/** Records attendance for several people at once; each change keeps its old and new value in the audit trail. */
export async function recordAttendance(db: Db, actor: Actor, meetingId: string, entries: AttendanceEntry[], now: Date): Promise<{ changed: number }> {
  requireAccess(actor, 'meeting.read');
  return db.transaction(async (tx) => {
    const m = await getMeetingRow(tx, actor.orgId, meetingId);
    requireManage(actor, m);
    if (m.state === 'cancelled') throw invalidState('会议已取消，不能记录考勤', 'The meeting was cancelled');
    const rows = await tx
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.orgId, actor.orgId), eq(meetingAttendees.meetingId, meetingId)));
    const changes: { userId: string; before: string; after: string }[] = [];
    for (const [i, e] of entries.entries()) {
      const row = rows.find((r) => r.userId === e.userId);
      if (!row) throw invalidField(`entries.${i}.userId`, '不在参会名单中', 'not on the attendee list');
      if (!canRecordStatusAt(e.status, now, m.startsAt)) {
        throw invalidState('会议尚未开始，只能登记准假', 'The meeting has not started; only “excused” can be recorded yet');
      }
      if (row.status === e.status && (e.note === undefined || e.note === row.note)) continue;
      await tx
        .update(meetingAttendees)
        .set({ status: e.status, note: e.note === undefined ? row.note : e.note, recordedBy: userIdOf(actor), recordedAt: now, version: row.version + 1 })
        .where(and(eq(meetingAttendees.orgId, actor.orgId), eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, e.userId)));
      changes.push({ userId: e.userId, before: row.status, after: e.status });
    }
    if (changes.length) {
      await writeAudit(tx, actor, {
        action: 'meeting.attendance',
        entity: 'meeting',
        entityId: meetingId,
        before: changes.map((c) => ({ userId: c.userId, status: c.before })),
        after: changes.map((c) => ({ userId: c.userId, status: c.after })),
      });
    }
    return { changed: changes.length };
  });
}

/**
 * T4 第五十六条: leave from the dispatch meeting is asked of the policy's role (the production
 * head, dispatchMeetingLeaveApproverRole); its holders decide beside the meeting's own approver.
 */
const isDispatchLeaveApprover = (actor: Actor, m: { kind: string }, policy: Policy): boolean =>
  m.kind === 'dispatch' && actor.roles.includes(policy.production.dispatchMeetingLeaveApproverRole);

async function leaveApproversOf(tx: Db, m: Parameters<typeof leaveApproverOf>[0], policy: Policy): Promise<string[]> {
  const holders = m.kind === 'dispatch' ? await findUserIdsWithRole(tx, m.orgId, policy.production.dispatchMeetingLeaveApproverRole) : [];
  return [...new Set([leaveApproverOf(m), ...holders])];
}

/** An attendee asks for leave before the meeting (PP-21, ST-4); the approver is notified. */
export async function requestLeave(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: { reason: string; substituteUserId?: string | null },
  now: Date,
): Promise<LeaveRequestRecord> {
  requireAccess(actor, 'meeting.read');
  if (!input.reason.trim()) throw invalidField('reason', '请填写请假事由', 'a reason is required');
  const policy = await getPolicy(db, actor.orgId);
  return db.transaction(async (tx) => {
    const m = await getMeetingRow(tx, actor.orgId, meetingId);
    if (m.state !== 'planned') throw invalidState('会议不在计划状态，不能请假', 'Leave can only be asked for a planned meeting');
    const late = leaveTooLate(now, m.startsAt, policy.meetings.leaveCutoffMinutes);
    if (late) throw new AppError('INVALID_STATE', late.zh, late.en, [{ field: 'requestedAt', reason: late.en }]);
    const [me] = await tx
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.orgId, actor.orgId), eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, actor.userId)));
    if (!me) throw invalidState('你不在本次会议的参会名单中', 'You are not on this meeting’s attendee list');
    if (me.status === 'excused') throw invalidState('已准假', 'Leave was already granted');
    if (input.substituteUserId) await assertUsersExist(tx, actor.orgId, [input.substituteUserId], 'substituteUserId');
    const [pending] = await tx
      .select({ id: meetingLeaveRequests.id })
      .from(meetingLeaveRequests)
      .where(
        and(
          eq(meetingLeaveRequests.orgId, actor.orgId),
          eq(meetingLeaveRequests.meetingId, meetingId),
          eq(meetingLeaveRequests.userId, actor.userId),
          eq(meetingLeaveRequests.state, 'pending'),
        ),
      );
    if (pending) throw new AppError('CONFLICT', '已有待审批的请假申请', 'A leave request is already waiting for a decision');
    const [req] = await tx
      .insert(meetingLeaveRequests)
      .values({
        orgId: actor.orgId,
        meetingId,
        userId: actor.userId,
        reason: input.reason.trim(),
        substituteUserId: input.substituteUserId ?? null,
        requestedAt: now,
      })
      .returning();
    await notifyUsers(
      tx,
      actor.orgId,
      (await leaveApproversOf(tx, m, policy)).filter((id) => id !== actor.userId),
      {
        kind: 'meeting.leave.requested',
        title: { zh: `请假申请：${actor.displayName}（${m.title}）`, en: `Leave request: ${actor.displayName} (${m.title})` },
        body: {
          zh: `会议时间 ${formatLocal(m.startsAt, policy.calendar.utcOffsetMinutes)}；事由：${req.reason}`,
          en: `Meeting at ${formatLocal(m.startsAt, policy.calendar.utcOffsetMinutes)}; reason: ${req.reason}`,
        },
        link: `/meetings/${meetingId}`,
      },
    );
    await writeAudit(tx, actor, { action: 'meeting.leave.request', entity: 'meeting_leave_request', entityId: req.id, after: req });
    return req;
  });
}

/** The approver decides; an approval sets the attendee to 'excused' in the same transaction. */
export async function decideLeave(
  db: Db,
  actor: Actor,
  requestId: string,
  input: { approve: boolean; note?: string | null; version: number },
  now: Date,
): Promise<LeaveRequestRecord> {
  requireAccess(actor, 'meeting.read');
  const policy = await getPolicy(db, actor.orgId);
  return db.transaction(async (tx) => {
    const [req] = await tx
      .select()
      .from(meetingLeaveRequests)
      .where(and(eq(meetingLeaveRequests.orgId, actor.orgId), eq(meetingLeaveRequests.id, requestId)));
    if (!req) throw notFound('请假申请', 'Leave request');
    const m = await getMeetingRow(tx, actor.orgId, req.meetingId);
    if (actor.userId !== leaveApproverOf(m) && actor.userId !== m.chairUserId && !isDispatchLeaveApprover(actor, m, policy)) {
      throw new AppError('FORBIDDEN', '只有会议主持人或请假审批人可以审批', 'Only the chair or the leave approver can decide');
    }
    if (req.userId === actor.userId && !policy.approval.allowSelfApproval) {
      throw new AppError('SELF_APPROVAL_FORBIDDEN', '不能审批本人的请假', 'You cannot decide your own leave request');
    }
    if (req.state !== 'pending') throw invalidState('该申请已审批', 'This request was already decided');
    if (req.version !== input.version) throw versionConflict();
    const state = input.approve ? 'approved' : 'rejected';
    const [after] = await tx
      .update(meetingLeaveRequests)
      .set({ state, decidedBy: actor.userId, decidedAt: now, decisionNote: input.note ?? null, version: req.version + 1 })
      .where(and(eq(meetingLeaveRequests.orgId, actor.orgId), eq(meetingLeaveRequests.id, requestId), eq(meetingLeaveRequests.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    if (input.approve) {
      await tx
        .update(meetingAttendees)
        .set({ status: 'excused', note: `准假：${req.reason}`, recordedBy: actor.userId, recordedAt: now })
        .where(and(eq(meetingAttendees.orgId, actor.orgId), eq(meetingAttendees.meetingId, req.meetingId), eq(meetingAttendees.userId, req.userId)));
    }
    await notifyUsers(tx, actor.orgId, [req.userId], {
      kind: 'meeting.leave.decided',
      title: input.approve
        ? { zh: `请假已批准：${m.title}`, en: `Leave approved: ${m.title}` }
        : { zh: `请假未批准：${m.title}`, en: `Leave rejected: ${m.title}` },
      ...(input.note ? { body: { zh: input.note, en: input.note } } : {}),
      link: `/meetings/${m.id}`,
    });
    await writeAudit(tx, actor, {
      action: `meeting.leave.${state}`,
      entity: 'meeting_leave_request',
      entityId: requestId,
      before: { state: req.state },
      after: { state, note: input.note ?? null },
    });
    return after;
  });
}

/** Leave requests waiting for this person's decision (their inbox). */
export async function findPendingLeaveRequests(db: Db, actor: Actor): Promise<PendingLeave[]> {
  const policy = await getPolicy(db, actor.orgId);
  const rows = await db
    .select({ r: meetingLeaveRequests, meetingTitle: meetings.title, startsAt: meetings.startsAt, userName: users.displayName })
    .from(meetingLeaveRequests)
    .innerJoin(meetings, and(eq(meetings.orgId, meetingLeaveRequests.orgId), eq(meetings.id, meetingLeaveRequests.meetingId)))
    .innerJoin(users, and(eq(users.orgId, meetingLeaveRequests.orgId), eq(users.id, meetingLeaveRequests.userId)))
    .where(
      and(
        eq(meetingLeaveRequests.orgId, actor.orgId),
        eq(meetingLeaveRequests.state, 'pending'),
        or(
          eq(meetings.leaveApproverUserId, actor.userId),
          and(isNull(meetings.leaveApproverUserId), eq(meetings.chairUserId, actor.userId)),
          ...(actor.roles.includes(policy.production.dispatchMeetingLeaveApproverRole) ? [eq(meetings.kind, 'dispatch')] : []),
        ),
        inArray(meetings.state, ['planned']),
      ),
    )
    .orderBy(asc(meetings.startsAt));
  return rows.map(({ r, meetingTitle, startsAt, userName }) => ({ ...r, meetingTitle, startsAt, userName }));
}
