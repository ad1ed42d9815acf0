import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, requireAccess, systemActor } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField, invalidState, versionConflict } from '#core/errors';
import { completeAction, createMeeting, meetingActions } from '#core/meeting';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission, findUserIdsWithRole, users } from '#core/org';
import { getPolicy } from '#core/policy';
import { prodWorkshops } from '../master/index';
import { CallMeetingBody, type CallMeetingInput, type ExceptionAction, type MeetingDraft } from './exception.contract';
import { EXCEPTION_LABELS, exceptionLink } from './exception.labels';
import { allowedExceptionActions, isLoopClosed } from './exception.rules';
import { type ExceptionEventKind, type ExceptionRow, prodExceptionEvents, prodExceptions, prodExceptionWorkshops } from './exception.schema';
import { getExceptionRow } from './exception.service';
import { findWorkshopHeads, isProductionDept } from './workshop-scope';

// What the production department does with a reported exception: call the coordination
// meeting (T4 第五十五条), escalate to the vice GM (T4 第三十五条, T2 六.1.4)), resolve or
// close it. Closing the meeting's last action item closes the loop.

const REFUSED: Record<ExceptionAction, { zh: string; en: string }> = {
  callMeeting: { zh: '只有新上报的异常可以召开协调会', en: 'Only a newly reported exception can call a meeting' },
  escalate: { zh: '该异常已上报副总经理或已结束', en: 'This exception was escalated already or has ended' },
  resolve: { zh: '协调会事项尚未全部办结，或异常已结束', en: 'Action items are still open, or the exception has ended' },
  close: { zh: '只有尚未协调的异常可以直接关闭', en: 'Only an exception not being coordinated can be closed directly' },
};

async function actionStatesOf(db: Db, row: ExceptionRow) {
  if (!row.meetingId) return [];
  const rows = await db
    .select({ state: meetingActions.state })
    .from(meetingActions)
    .where(and(eq(meetingActions.orgId, row.orgId), eq(meetingActions.meetingId, row.meetingId)));
  return rows.map((r) => r.state);
}

async function assertAllowed(db: Db, actor: Actor, row: ExceptionRow, action: ExceptionAction, version: number): Promise<void> {
  const allowed = allowedExceptionActions(
    { state: row.state, isEscalated: row.escalatedAt !== null, actionStates: await actionStatesOf(db, row) },
    isProductionDept(actor),
  );
  if (!allowed.includes(action)) throw invalidState(REFUSED[action].zh, REFUSED[action].en);
  if (row.version !== version) throw versionConflict();
}

async function update(tx: Db, row: ExceptionRow, version: number, set: Partial<typeof prodExceptions.$inferInsert>): Promise<ExceptionRow> {
  const [after] = await tx
    .update(prodExceptions)
    .set({ ...set, version: sql`${prodExceptions.version} + 1` })
    .where(and(eq(prodExceptions.orgId, row.orgId), eq(prodExceptions.id, row.id), eq(prodExceptions.version, version)))
    .returning();
  if (!after) throw versionConflict();
  return after;
}

const event = (tx: Db, row: ExceptionRow, kind: ExceptionEventKind, actorId: string | null, at: Date, note = '') =>
  tx.insert(prodExceptionEvents).values({ orgId: row.orgId, exceptionId: row.id, kind, note, actorId, at });

const titleOf = (row: ExceptionRow, workshop: string) => ({
  zh: `${row.number} ${workshop} ${EXCEPTION_LABELS[row.kind].zh}`,
  en: `${row.number} ${workshop} ${EXCEPTION_LABELS[row.kind].en}`,
});

async function workshopName(db: Db, row: ExceptionRow): Promise<string> {
  const [w] = await db
    .select({ name: prodWorkshops.name })
    .from(prodWorkshops)
    .where(and(eq(prodWorkshops.orgId, row.orgId), eq(prodWorkshops.id, row.workshopId)));
  return w?.name ?? '';
}

/** The meeting the production department is about to call: chaired by the policy's role, the workshops invited. */
export async function draftCoordinationMeeting(db: Db, actor: Actor, id: string): Promise<MeetingDraft> {
  requireAccess(actor, 'production.plan.write');
  const row = await getExceptionRow(db, actor.orgId, id);
  const policy = await getPolicy(db, actor.orgId);
  const chairRole = policy.production.coordinationChairRole;
  const [chairId] = await findUserIdsWithRole(db, actor.orgId, chairRole);
  const affected = await db
    .select({ workshopId: prodExceptionWorkshops.workshopId })
    .from(prodExceptionWorkshops)
    .where(and(eq(prodExceptionWorkshops.orgId, actor.orgId), eq(prodExceptionWorkshops.exceptionId, id)));
  const heads = await findWorkshopHeads(db, actor.orgId, [row.workshopId, ...affected.map((a) => a.workshopId)]);
  const people = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.isActive, true)))
    .orderBy(asc(users.displayName));
  const person = (uid: string) => ({ id: uid, name: people.find((p) => p.id === uid)?.name ?? '' });
  const attendeeIds = [...new Set([row.reportedBy, actor.userId, ...heads])].filter((u) => u !== chairId);
  const workshop = await workshopName(db, row);
  const reasons = row.judgement.reasons.map((r) => r.zh).join('；');
  return {
    chair: chairId ? person(chairId) : null,
    chairRole,
    attendees: attendeeIds.map(person),
    people,
    title: `生产协调会：${titleOf(row, workshop).zh}`,
    agenda: [
      `异常：${row.description}`,
      `已损失 ${row.hoursLost} 小时，预计共 ${row.hoursEstimated} 小时`,
      reasons && `影响：${reasons}`,
      '研究对策，落实措施（T4 第三十五条）',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

/** T4 第五十五条: the production department calls the meeting, the vice GM chairs it. */
export async function callCoordinationMeeting(db: Db, actor: Actor, id: string, raw: CallMeetingInput, now: Date): Promise<ExceptionRow> {
  requireAccess(actor, 'production.plan.write');
  const input = CallMeetingBody.parse(raw);
  const row = await getExceptionRow(db, actor.orgId, id);
  await assertAllowed(db, actor, row, 'callMeeting', input.version);
  const draft = await draftCoordinationMeeting(db, actor, id);
  if (!draft.chair)
    throw invalidState(
      `没有人担任协调会主持人角色（${draft.chairRole}），请先在制度参数或人员中设置`,
      `Nobody holds the chair's role (${draft.chairRole}); set it in the policy or give someone the role`,
    );
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
  return db.transaction(async (tx) => {
    const meeting = await createMeeting(tx, actor, {
      title: draft.title,
      kind: 'coordination',
      chairUserId: draft.chair!.id,
      location: input.location ?? null,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      agenda: input.agenda ?? draft.agenda,
      attendeeUserIds: input.attendeeUserIds ?? draft.attendees.map((a) => a.id),
      clause: 'T4 第五十五条',
      requirementId: 'PP-19',
    });
    const after = await update(tx, row, input.version, { state: 'coordinating', meetingId: meeting.id, coordinatedBy: actor.userId, coordinatedAt: now });
    await event(tx, row, 'meeting', actor.userId, now, meeting.title);
    await writeAudit(tx, actor, {
      action: 'production.exception.meeting',
      entity: 'prod_exception',
      entityId: id,
      before: { state: row.state },
      after: { state: after.state, meetingId: meeting.id },
    });
    return after;
  });
}

/** T4 第三十五条 必要时…向副总经理报告: recorded with who and when; the vice GM is told. */
export async function escalateException(db: Db, actor: Actor, id: string, input: { version: number; note: string }, now: Date): Promise<ExceptionRow> {
  requireAccess(actor, 'production.plan.write');
  const note = input.note.trim();
  if (note.length < 2) throw invalidField('note', '请说明上报原因', 'say why it goes up');
  const row = await getExceptionRow(db, actor.orgId, id);
  await assertAllowed(db, actor, row, 'escalate', input.version);
  const policy = await getPolicy(db, actor.orgId);
  const workshop = await workshopName(db, row);
  return db.transaction(async (tx) => {
    const after = await update(tx, row, input.version, { escalatedBy: actor.userId, escalatedAt: now, escalationNote: note });
    await event(tx, row, 'escalated', actor.userId, now, note);
    await writeAudit(tx, actor, { action: 'production.exception.escalate', entity: 'prod_exception', entityId: id, after: { escalatedAt: now, note } });
    const vps = (await findUserIdsWithRole(tx, actor.orgId, policy.production.coordinationChairRole)).filter((u) => u !== actor.userId);
    const title = titleOf(row, workshop);
    await notifyUsers(tx, actor.orgId, vps, {
      kind: 'production.exception.escalated',
      title: { zh: `生产异常上报：${title.zh}`, en: `Exception escalated: ${title.en}` },
      body: { zh: note, en: note },
      link: exceptionLink(id),
    });
    return after;
  });
}

async function finish(tx: Db, actor: Actor, row: ExceptionRow, version: number, how: 'resolved' | 'closed', text: string, now: Date, actorId: string | null) {
  const set =
    how === 'resolved'
      ? { state: how, resolvedBy: actorId, resolvedAt: now, resolution: text }
      : { state: how, closedBy: actorId, closedAt: now, closeNote: text };
  const after = await update(tx, row, version, set);
  await event(tx, row, how, actorId, now, text);
  await writeAudit(tx, actor, {
    action: `production.exception.${how === 'resolved' ? 'resolve' : 'close'}`,
    entity: 'prod_exception',
    entityId: row.id,
    before: { state: row.state },
    after: { state: how, note: text },
  });
  const production = await findUserIdsWithPermission(tx, row.orgId, 'production.plan.write');
  const workshop = await workshopName(tx, row);
  const title = titleOf(row, workshop);
  await notifyUsers(
    tx,
    row.orgId,
    [...new Set([row.reportedBy, ...production])].filter((u) => u !== actorId),
    {
      kind: 'production.exception.closed',
      title: { zh: `${how === 'resolved' ? '异常已解决' : '异常已关闭'}：${title.zh}`, en: `Exception ${how}: ${title.en}` },
      body: { zh: text, en: text },
      link: exceptionLink(row.id),
    },
  );
  return after;
}

export async function resolveException(db: Db, actor: Actor, id: string, input: { version: number; resolution: string }, now: Date): Promise<ExceptionRow> {
  requireAccess(actor, 'production.plan.write');
  const text = input.resolution.trim();
  if (text.length < 2) throw invalidField('resolution', '请说明如何解决', 'say how it was solved');
  const row = await getExceptionRow(db, actor.orgId, id);
  await assertAllowed(db, actor, row, 'resolve', input.version);
  return db.transaction((tx) => finish(tx, actor, row, input.version, 'resolved', text, now, actor.userId));
}

export async function closeException(db: Db, actor: Actor, id: string, input: { version: number; note: string }, now: Date): Promise<ExceptionRow> {
  requireAccess(actor, 'production.plan.write');
  const text = input.note.trim();
  if (text.length < 2) throw invalidField('note', '请说明关闭原因', 'say why it is closed');
  const row = await getExceptionRow(db, actor.orgId, id);
  await assertAllowed(db, actor, row, 'close', input.version);
  return db.transaction((tx) => finish(tx, actor, row, input.version, 'closed', text, now, actor.userId));
}

const LOOP_CLOSED = '协调会决定的事项已全部办结';

/** The owner (or the chair) closes an action item from the exception; the last one closes the loop. */
export async function completeExceptionAction(
  db: Db,
  actor: Actor,
  id: string,
  actionId: string,
  input: { version: number },
  now: Date,
): Promise<ExceptionRow> {
  requireAccess(actor, 'meeting.read');
  const row = await getExceptionRow(db, actor.orgId, id);
  if (!row.meetingId) throw invalidState('该异常还没有协调会', 'This exception has no coordination meeting');
  return db.transaction(async (tx) => {
    const done = await completeAction(tx, actor, row.meetingId!, actionId, input, now);
    await event(tx, row, 'action_done', actor.userId, now, done.title);
    const locked = await getExceptionRow(tx, actor.orgId, id, { forUpdate: true });
    if (locked.state !== 'coordinating' || !isLoopClosed(await actionStatesOf(tx, locked))) return locked;
    return finish(tx, actor, locked, locked.version, 'resolved', LOOP_CLOSED, now, actor.userId);
  });
}

/** Scheduler: action items closed on the meeting page close their exception's loop too. */
export async function settleCoordinatedExceptions(db: Db, now: Date): Promise<number> {
  const due = await db
    .select()
    .from(prodExceptions)
    .where(
      and(
        eq(prodExceptions.state, 'coordinating'),
        sql`exists (select 1 from meeting_actions a where a.org_id = ${prodExceptions.orgId} and a.meeting_id = ${prodExceptions.meetingId})`,
        sql`not exists (select 1 from meeting_actions a where a.org_id = ${prodExceptions.orgId} and a.meeting_id = ${prodExceptions.meetingId} and a.state = 'open')`,
      ),
    )
    .limit(200);
  for (const row of due) {
    // A concurrent edit wins; the next tick looks again.
    await db.transaction((tx) => finish(tx, systemActor(row.orgId), row, row.version, 'resolved', LOOP_CLOSED, now, null)).catch(() => undefined);
  }
  return due.length;
}
