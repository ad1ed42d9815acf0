import { and, eq, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess, userIdOf } from '../access';
import { writeAudit } from '../audit';
import { completeDeadline, createDeadline, isIsoDate } from '../calendar';
import type { Db } from '../db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '../errors';
import { notifyUsers } from '../notify';
import { meetingActions, meetingDecisions } from './meeting.schema';
import { assertUsersExist, getMeetingRow, requireManage } from './meeting.service';
import type { ActionRecord, Decision, NewAction, NewDecisionBody } from './meeting.contract';
import type { z } from 'zod';

export type { NewAction };

export const ACTION_SUBJECT = 'meeting.action';

export async function addDecision(db: Db, actor: Actor, meetingId: string, input: z.infer<typeof NewDecisionBody>): Promise<Decision> {
  requireAccess(actor, 'meeting.read');
  if (!input.body.trim()) throw invalidField('body', '请填写决议内容', 'the decision text is required');
  return db.transaction(async (tx) => {
    const m = await getMeetingRow(tx, actor.orgId, meetingId);
    requireManage(actor, m);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${meetingDecisions.sort}), 0)::int + 1` })
      .from(meetingDecisions)
      .where(and(eq(meetingDecisions.orgId, actor.orgId), eq(meetingDecisions.meetingId, meetingId)));
    const [row] = await tx
      .insert(meetingDecisions)
      .values({ orgId: actor.orgId, meetingId, body: input.body.trim(), sort: next, createdBy: userIdOf(actor) })
      .returning();
    await writeAudit(tx, actor, { action: 'meeting.decision.add', entity: 'meeting', entityId: meetingId, after: row });
    return row;
  });
}

/** An action item with an owner and a due date; its deadline brings reminders and, if missed, a finding. */
export async function addAction(db: Db, actor: Actor, meetingId: string, input: NewAction): Promise<ActionRecord> {
  requireAccess(actor, 'meeting.read');
  if (!input.title.trim()) throw invalidField('title', '请填写事项', 'the action text is required');
  if (!isIsoDate(input.dueOn)) throw invalidField('dueOn', '日期无效', 'not a valid date');
  await assertUsersExist(db, actor.orgId, [input.ownerUserId], 'ownerUserId');
  return db.transaction(async (tx) => {
    const m = await getMeetingRow(tx, actor.orgId, meetingId);
    requireManage(actor, m);
    if (input.decisionId) {
      const [d] = await tx
        .select({ id: meetingDecisions.id })
        .from(meetingDecisions)
        .where(and(eq(meetingDecisions.orgId, actor.orgId), eq(meetingDecisions.id, input.decisionId), eq(meetingDecisions.meetingId, meetingId)));
      if (!d) throw invalidField('decisionId', '决议不存在', 'unknown decision');
    }
    const [action] = await tx
      .insert(meetingActions)
      .values({
        orgId: actor.orgId,
        meetingId,
        decisionId: input.decisionId ?? null,
        title: input.title.trim(),
        ownerUserId: input.ownerUserId,
        dueOn: input.dueOn,
        createdBy: userIdOf(actor),
      })
      .returning();
    const deadline = await createDeadline(tx, actor, {
      subjectType: ACTION_SUBJECT,
      subjectId: action.id,
      title: { zh: `会议事项：${action.title}（${m.title}）`, en: `Meeting action: ${action.title} (${m.title})` },
      ownerUserId: action.ownerUserId,
      dueOn: action.dueOn,
      escalateTo: [m.chairUserId].filter((id) => id !== action.ownerUserId),
      link: `/meetings/${meetingId}`,
      rule: { clause: m.clause ?? '会议管理', requirementId: m.requirementId ?? 'CORE-7', ruleCode: 'meeting.action.overdue' },
    });
    const [saved] = await tx
      .update(meetingActions)
      .set({ deadlineId: deadline.id })
      .where(and(eq(meetingActions.orgId, actor.orgId), eq(meetingActions.id, action.id)))
      .returning();
    if (action.ownerUserId !== actor.userId) {
      await notifyUsers(tx, actor.orgId, [action.ownerUserId], {
        kind: 'meeting.action.assigned',
        title: { zh: `会议交办：${action.title}`, en: `Action assigned: ${action.title}` },
        body: { zh: `${m.title}，完成期限 ${action.dueOn}`, en: `${m.title}, due ${action.dueOn}` },
        link: `/meetings/${meetingId}`,
      });
    }
    await writeAudit(tx, actor, { action: 'meeting.action.add', entity: 'meeting_action', entityId: action.id, after: saved });
    return saved;
  });
}

/** The owner (or the chair) marks an action done; its deadline closes with it. */
export async function completeAction(db: Db, actor: Actor, meetingId: string, actionId: string, input: { version: number }, now: Date): Promise<ActionRecord> {
  requireAccess(actor, 'meeting.read');
  return db.transaction(async (tx) => {
    const m = await getMeetingRow(tx, actor.orgId, meetingId);
    const [action] = await tx
      .select()
      .from(meetingActions)
      .where(and(eq(meetingActions.orgId, actor.orgId), eq(meetingActions.id, actionId), eq(meetingActions.meetingId, meetingId)));
    if (!action) throw notFound('会议事项', 'Action item');
    const isAllowed = action.ownerUserId === actor.userId || m.chairUserId === actor.userId || hasPermission(actor, 'meeting.manage');
    if (!isAllowed) throw new AppError('FORBIDDEN', '只有责任人或会议主持人可以办结', 'Only the owner or the chair can complete this');
    if (action.state !== 'open') throw invalidState('该事项已办结', 'This action is already closed');
    if (action.version !== input.version) throw versionConflict();
    const [after] = await tx
      .update(meetingActions)
      .set({ state: 'done', completedAt: now, version: action.version + 1 })
      .where(and(eq(meetingActions.orgId, actor.orgId), eq(meetingActions.id, actionId), eq(meetingActions.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await completeDeadline(tx, actor, ACTION_SUBJECT, actionId, now);
    await writeAudit(tx, actor, {
      action: 'meeting.action.complete',
      entity: 'meeting_action',
      entityId: actionId,
      before: { state: action.state },
      after: { state: 'done', completedAt: now },
    });
    return after;
  });
}
