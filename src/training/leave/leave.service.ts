import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { attachments } from '#core/archive';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission, findUserIdsWithRole } from '#core/org';
import { getPolicy } from '#core/policy';
import { applyExcused, assertNotLocked } from '../attendance';
import { requireTrainingRead } from '../common';
import { getSessionRow, type SessionRow, trainingSessions } from '../session';
import { findRosterTeacherIds, getMyTeacher, trainingTeachers } from '../teacher';
import { type LeaveRow, trainingLeaveRequests } from './leave.schema';
import type { LeaveInput, LeaveViewData } from './leave.contract';

export type { LeaveInput } from './leave.contract';

export type LeaveView = LeaveViewData;

function selectViews(db: Db) {
  return db
    .select({
      l: trainingLeaveRequests,
      teacherName: trainingTeachers.name,
      sessionTitle: trainingSessions.title,
      sessionDate: trainingSessions.sessionDate,
      startsAt: trainingSessions.startsAt,
    })
    .from(trainingLeaveRequests)
    .innerJoin(trainingTeachers, and(eq(trainingTeachers.orgId, trainingLeaveRequests.orgId), eq(trainingTeachers.id, trainingLeaveRequests.teacherId)))
    .innerJoin(trainingSessions, and(eq(trainingSessions.orgId, trainingLeaveRequests.orgId), eq(trainingSessions.id, trainingLeaveRequests.sessionId)));
}

type Joined = { l: LeaveRow; teacherName: string; sessionTitle: string; sessionDate: string; startsAt: Date };
const toView = (r: Joined): LeaveView => ({
  ...r.l,
  teacherName: r.teacherName,
  sessionTitle: r.sessionTitle,
  sessionDate: r.sessionDate,
  startsAt: r.startsAt,
});

export async function getLeave(db: Db, actor: Actor, id: string): Promise<LeaveView> {
  requireTrainingRead(actor);
  const [row] = await selectViews(db).where(and(eq(trainingLeaveRequests.orgId, actor.orgId), eq(trainingLeaveRequests.id, id)));
  if (!row) throw notFound('请假申请', 'Leave request');
  const isOffice = hasPermission(actor, 'training.leave.approve') || hasPermission(actor, 'training.read');
  if (!isOffice && row.l.requestedBy !== actor.userId) throw notFound('请假申请', 'Leave request');
  return toView(row);
}

export interface LeaveFilter {
  state?: LeaveRow['state'];
  sessionId?: string;
  from?: string;
  to?: string;
  /** Only the signed-in teacher's own requests. */
  isMine?: boolean;
}

export async function findLeaveRequests(db: Db, actor: Actor, filter: LeaveFilter): Promise<LeaveView[]> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(trainingLeaveRequests.orgId, actor.orgId)];
  const isOffice = hasPermission(actor, 'training.leave.approve') || hasPermission(actor, 'training.read');
  if (filter.isMine || !isOffice) {
    const me = await getMyTeacher(db, actor);
    where.push(eq(trainingLeaveRequests.teacherId, me.id));
  }
  if (filter.state) where.push(eq(trainingLeaveRequests.state, filter.state));
  if (filter.sessionId) where.push(eq(trainingLeaveRequests.sessionId, filter.sessionId));
  if (filter.from) where.push(gte(trainingSessions.sessionDate, filter.from));
  if (filter.to) where.push(lte(trainingSessions.sessionDate, filter.to));
  const rows = await selectViews(db)
    .where(and(...where))
    .orderBy(desc(trainingLeaveRequests.requestedAt))
    .limit(1000);
  return rows.map(toView);
}

async function approversOf(tx: Db, orgId: string): Promise<string[]> {
  const policy = await getPolicy(tx, orgId);
  const byRole = await findUserIdsWithRole(tx, orgId, policy.training.leaveApproverRole);
  return byRole.length ? byRole : findUserIdsWithPermission(tx, orgId, 'training.leave.approve');
}

/** ST-4: a teacher asks in writing before the session starts, for that one session. */
export async function requestLeave(db: Db, actor: Actor, input: LeaveInput, now: Date): Promise<LeaveView> {
  const teacher = await getMyTeacher(db, actor);
  let session: SessionRow;
  try {
    session = await getSessionRow(db, actor.orgId, input.sessionId);
  } catch {
    throw invalidField('sessionId', '培训场次不存在', 'unknown session');
  }
  if (session.state !== 'scheduled') throw invalidField('sessionId', '该场次已取消或作废，无需请假', 'the session was cancelled or voided');
  if (now >= session.startsAt) {
    throw invalidField('sessionId', '请假须在培训开始前书面提出，培训开始后不能再请假', 'leave must be asked in writing before the session starts');
  }
  const reason = input.reason.trim();
  if (reason.length < 2) throw invalidField('reason', '请写明请假事由', 'write the reason');
  const roster = await findRosterTeacherIds(db, actor.orgId, session);
  if (!roster.includes(teacher.id)) throw invalidField('sessionId', '您不在本场培训的参训名单中', 'you are not expected at this session');
  if (input.attachmentId) {
    const [file] = await db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.orgId, actor.orgId), eq(attachments.id, input.attachmentId)));
    if (!file) throw invalidField('attachmentId', '附件不存在', 'unknown attachment');
  }
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(trainingLeaveRequests)
        .values({
          orgId: actor.orgId,
          sessionId: session.id,
          teacherId: teacher.id,
          kind: input.kind,
          reason,
          attachmentId: input.attachmentId ?? null,
          requestedAt: now,
          requestedBy: actor.userId,
        })
        .returning();
      await writeAudit(tx, actor, { action: 'training.leave.request', entity: 'training.leave', entityId: row.id, after: row });
      const approvers = (await approversOf(tx, actor.orgId)).filter((u) => u !== actor.userId);
      await notifyUsers(tx, actor.orgId, approvers, {
        kind: 'training.leave.pending',
        title: {
          zh: `请假待批：${teacher.name}（${session.title} ${session.sessionDate}）`,
          en: `Leave to approve: ${teacher.name} (${session.title} ${session.sessionDate})`,
        },
        body: { zh: reason, en: reason },
        link: '/training/leave',
      });
      return row.id;
    });
    return getLeave(db, actor, id);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', '您已为该场培训提交过请假', 'You have already asked leave for this session', [{ field: 'sessionId', reason: 'exists' }]);
    }
    throw err;
  }
}

export async function withdrawLeave(db: Db, actor: Actor, id: string, version: number): Promise<LeaveView> {
  const before = await getLeave(db, actor, id);
  if (before.requestedBy !== actor.userId) throw new AppError('FORBIDDEN', '只能撤回自己的请假', 'You can withdraw only your own request');
  if (before.state !== 'pending') throw invalidState('只有待批的请假可以撤回', 'Only a pending request can be withdrawn');
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(trainingLeaveRequests)
      .set({ state: 'withdrawn', version: sql`${trainingLeaveRequests.version} + 1` })
      .where(and(eq(trainingLeaveRequests.orgId, actor.orgId), eq(trainingLeaveRequests.id, id), eq(trainingLeaveRequests.version, version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'training.leave.withdraw',
      entity: 'training.leave',
      entityId: id,
      before: { state: before.state },
      after: { state: 'withdrawn' },
    });
  });
  return getLeave(db, actor, id);
}

export interface LeaveDecision {
  isApproved: boolean;
  opinion?: string | null;
}

async function decideOne(tx: Db, actor: Actor, id: string, version: number, decision: LeaveDecision, now: Date): Promise<void> {
  const [before] = await tx
    .select()
    .from(trainingLeaveRequests)
    .where(and(eq(trainingLeaveRequests.orgId, actor.orgId), eq(trainingLeaveRequests.id, id)))
    .for('update');
  if (!before) throw notFound('请假申请', 'Leave request');
  if (before.requestedBy === actor.userId) throw new AppError('SELF_APPROVAL_FORBIDDEN', '不能审批自己的请假', 'You cannot decide on your own leave');
  if (before.version !== version) throw versionConflict();
  if (before.state !== 'pending') throw invalidState('该请假已处理', 'This request has been decided already');
  const opinion = decision.opinion?.trim() || null;
  if (!decision.isApproved && !opinion) throw invalidField('opinion', '不批准时请写明意见', 'give a reason when refusing');
  const session = await getSessionRow(tx, actor.orgId, before.sessionId);
  if (decision.isApproved) await assertNotLocked(tx, actor.orgId, session, now);
  const state = decision.isApproved ? 'approved' : 'rejected';
  await tx
    .update(trainingLeaveRequests)
    .set({ state, decidedAt: now, decidedBy: actor.userId, decidedByName: actor.displayName, opinion, version: sql`${trainingLeaveRequests.version} + 1` })
    .where(and(eq(trainingLeaveRequests.orgId, actor.orgId), eq(trainingLeaveRequests.id, id)));
  // ANCHORS: approved leave sets "excused" in the same transaction as the approval.
  if (decision.isApproved) await applyExcused(tx, actor, session, before.teacherId, id, now);
  await writeAudit(tx, actor, {
    action: `training.leave.${decision.isApproved ? 'approve' : 'reject'}`,
    entity: 'training.leave',
    entityId: id,
    before: { state: before.state },
    after: { state, opinion },
  });
  await notifyUsers(tx, actor.orgId, [before.requestedBy], {
    kind: `training.leave.${state}`,
    title: decision.isApproved
      ? { zh: `请假已批准：${session.title}（${session.sessionDate}）`, en: `Leave approved: ${session.title} (${session.sessionDate})` }
      : { zh: `请假未批准：${session.title}（${session.sessionDate}）`, en: `Leave refused: ${session.title} (${session.sessionDate})` },
    body: opinion ? { zh: `意见：${opinion}`, en: `Opinion: ${opinion}` } : undefined,
    link: '/training/my',
  });
}

/** ST-4: the leadership group's head approves or refuses; approval turns the record into excused. */
export async function decideLeave(db: Db, actor: Actor, id: string, input: LeaveDecision & { version: number }, now: Date): Promise<LeaveView> {
  requireAccess(actor, 'training.leave.approve');
  await db.transaction((tx) => decideOne(tx, actor, id, input.version, input, now));
  return getLeave(db, actor, id);
}

/** Bulk approval: every request or none (one stale or decided request refuses the batch). */
export async function decideLeaves(db: Db, actor: Actor, items: { id: string; version: number }[], decision: LeaveDecision, now: Date): Promise<LeaveView[]> {
  requireAccess(actor, 'training.leave.approve');
  if (items.length === 0) throw invalidField('items', '请选择要处理的请假', 'choose the requests');
  await db.transaction(async (tx) => {
    for (const item of items) await decideOne(tx, actor, item.id, item.version, decision, now);
  });
  const rows = await selectViews(db).where(
    and(
      eq(trainingLeaveRequests.orgId, actor.orgId),
      inArray(
        trainingLeaveRequests.id,
        items.map((i) => i.id),
      ),
    ),
  );
  return rows.map(toView);
}
