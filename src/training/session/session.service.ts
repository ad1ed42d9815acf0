import { randomBytes } from 'node:crypto';
import { and, asc, eq, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, hasPermission, requireAccess, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import { localDateTime } from '#core/calendar';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { departments } from '#core/org';
import { assertInOrganisation } from '#core/validation';
import { getPolicy } from '#core/policy';
import { requireTrainingRead } from '../common';
import { assertTeacher, findTeacherOfUser, trainingTeachers } from '../teacher';
import { assertManagesSession } from './group-scope';
import { trackOutlineDeadline, completeOutlineDeadline } from './outline.deadline';
import { checkCreditParts, durationMinutesOf, isAttendanceLocked, outlineStatusOf, sessionPhaseOf } from './session.rules';
import { type CreditPart, type SessionRow, trainingSessions } from './session.schema';
import type { z } from 'zod';
import type { CancelSessionBody, MinutesBody, OutlineBody, SessionChange, SessionInput, SessionViewData } from './session.contract';

export type { SessionChange, SessionInput } from './session.contract';

export type SessionView = SessionViewData;

const trainer = alias(trainingTeachers, 'trainer');
const recorder = alias(trainingTeachers, 'recorder');

function selectViews(db: Db) {
  return db
    .select({ s: trainingSessions, trainerName: trainer.name, recorderName: recorder.name, groupName: departments.name })
    .from(trainingSessions)
    .leftJoin(trainer, and(eq(trainer.orgId, trainingSessions.orgId), eq(trainer.id, trainingSessions.trainerTeacherId)))
    .leftJoin(recorder, and(eq(recorder.orgId, trainingSessions.orgId), eq(recorder.id, trainingSessions.recorderTeacherId)))
    .leftJoin(departments, and(eq(departments.orgId, trainingSessions.orgId), eq(departments.id, trainingSessions.groupId)));
}

type Joined = { s: SessionRow; trainerName: string | null; recorderName: string | null; groupName: string | null };

const clockOf = (d: Date, utcOffsetMinutes: number) => new Date(d.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);

export function toSessionView(r: Joined, now: Date, policy: { lockDays: number; utcOffsetMinutes: number }): SessionView {
  const { qrSecret: _secret, ...s } = r.s;
  const lockDays = policy.lockDays;
  return {
    ...s,
    trainerDisplay: r.trainerName ?? s.trainerName,
    recorderName: r.recorderName,
    groupName: r.groupName,
    durationMinutes: durationMinutesOf(s),
    outlineStatus: outlineStatusOf(s, now),
    phase: sessionPhaseOf(s, now),
    isLocked: isAttendanceLocked(s, now, lockDays),
    localStart: clockOf(s.startsAt, policy.utcOffsetMinutes),
    localEnd: clockOf(s.endsAt, policy.utcOffsetMinutes),
  };
}

export async function getSessionRow(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<SessionRow> {
  const q = db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.orgId, orgId), eq(trainingSessions.id, id)));
  const [row] = options.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('培训场次', 'Session');
  return row;
}

export async function getSession(db: Db, actor: Actor, id: string, now: Date): Promise<SessionView> {
  requireTrainingRead(actor);
  const [row] = await selectViews(db).where(and(eq(trainingSessions.orgId, actor.orgId), eq(trainingSessions.id, id)));
  if (!row) throw notFound('培训场次', 'Session');
  const policy = await getPolicy(db, actor.orgId);
  return toSessionView(row, now, { lockDays: policy.training.attendanceLockDays, utcOffsetMinutes: policy.calendar.utcOffsetMinutes });
}

export interface SessionFilter {
  from?: string;
  to?: string;
  planId?: string;
  groupId?: string;
  /** Only sessions the teacher is expected at (everyone's, and their group's). */
  forTeacherGroupId?: string | null;
  includeCancelled?: boolean;
}

export async function findSessions(db: Db, actor: Actor, filter: SessionFilter, now: Date): Promise<SessionView[]> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(trainingSessions.orgId, actor.orgId)];
  if (filter.from) where.push(gte(trainingSessions.sessionDate, filter.from));
  if (filter.to) where.push(lte(trainingSessions.sessionDate, filter.to));
  if (filter.planId) where.push(eq(trainingSessions.planId, filter.planId));
  if (filter.groupId) where.push(eq(trainingSessions.groupId, filter.groupId));
  if (!filter.includeCancelled) where.push(eq(trainingSessions.state, 'scheduled'));
  if (filter.forTeacherGroupId !== undefined) {
    const mine = filter.forTeacherGroupId
      ? or(eq(trainingSessions.audience, 'all'), eq(trainingSessions.groupId, filter.forTeacherGroupId))!
      : eq(trainingSessions.audience, 'all');
    where.push(mine);
  }
  const rows = await selectViews(db)
    .where(and(...where))
    .orderBy(asc(trainingSessions.startsAt), asc(departments.sort))
    .limit(2000);
  const policy = await getPolicy(db, actor.orgId);
  return rows.map((r) => toSessionView(r, now, { lockDays: policy.training.attendanceLockDays, utcOffsetMinutes: policy.calendar.utcOffsetMinutes }));
}

async function assertSessionRefs(db: Db, orgId: string, input: Partial<SessionInput>): Promise<void> {
  if (input.trainerTeacherId) await assertTeacher(db, orgId, input.trainerTeacherId, 'trainerTeacherId');
  if (input.recorderTeacherId) await assertTeacher(db, orgId, input.recorderTeacherId, 'recorderTeacherId');
  await assertInOrganisation(db, 'training_plans', orgId, [input.planId], 'planId');
  if (input.audience === 'group' && !input.groupId) throw invalidField('groupId', '按教研组培训须选择教研组', 'choose the group');
  if (input.groupId) {
    const [g] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.id, input.groupId)));
    if (!g) throw invalidField('groupId', '教研组不存在', 'unknown group');
  }
}

function assertParts(parts: CreditPart[] | undefined, durationMinutes: number): void {
  const problem = checkCreditParts(parts ?? [], durationMinutes);
  if (problem) throw invalidField('creditParts', problem.zh, problem.en);
}

/** An ad-hoc session (ST-2 "ad-hoc sessions too"). */
export async function createSession(db: Db, actor: Actor, input: SessionInput, now: Date): Promise<SessionView> {
  requireAccess(actor, 'training.session.manage');
  await assertManagesSession(db, actor, input);
  await assertSessionRefs(db, actor.orgId, input);
  assertParts(input.creditParts, input.durationMinutes);
  const policy = await getPolicy(db, actor.orgId);
  const startsAt = localDateTime(input.date, input.startTime, policy.calendar.utcOffsetMinutes);
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        orgId: actor.orgId,
        planId: input.planId ?? null,
        title: input.title.trim(),
        topic: input.topic?.trim() || null,
        category: input.category,
        creditParts: input.creditParts ?? [],
        trainerTeacherId: input.trainerTeacherId ?? null,
        trainerName: input.trainerTeacherId ? null : input.trainerName?.trim() || null,
        recorderTeacherId: input.recorderTeacherId ?? null,
        location: input.location?.trim() || null,
        sessionDate: input.date,
        startsAt,
        endsAt,
        audience: input.audience,
        groupId: input.audience === 'group' ? (input.groupId ?? null) : null,
        isCentralised: input.isCentralised ?? true,
        qrSecret: randomBytes(32).toString('hex'),
        createdBy: userIdOf(actor),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await trackOutlineDeadline(tx, actor, row);
    await writeAudit(tx, actor, { action: 'training.session.create', entity: 'training.session', entityId: row.id, after: { ...row, qrSecret: undefined } });
    return row.id;
  });
  return getSession(db, actor, id, now);
}

/** Details, trainer and recorder; the time and audience stay as generated or created. */
export async function updateSession(db: Db, actor: Actor, id: string, change: SessionChange, now: Date): Promise<SessionView> {
  requireAccess(actor, 'training.session.manage');
  const before = await getSessionRow(db, actor.orgId, id);
  await assertManagesSession(db, actor, before);
  if (before.version !== change.version) throw versionConflict();
  await assertSessionRefs(db, actor.orgId, change);
  if (change.creditParts) assertParts(change.creditParts, durationMinutesOf(before));
  const { version, ...fields } = change;
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(trainingSessions)
      .set({ ...fields, title: fields.title?.trim(), updatedAt: now, version: sql`${trainingSessions.version} + 1` })
      .where(and(eq(trainingSessions.orgId, actor.orgId), eq(trainingSessions.id, id), eq(trainingSessions.version, version)))
      .returning();
    if (!after) throw versionConflict();
    if (after.trainerTeacherId !== before.trainerTeacherId) await trackOutlineDeadline(tx, actor, after, { replaces: true });
    await writeAudit(tx, actor, {
      action: 'training.session.update',
      entity: 'training.session',
      entityId: id,
      before: { ...before, qrSecret: undefined },
      after: { ...after, qrSecret: undefined },
    });
  });
  return getSession(db, actor, id, now);
}

async function isTrainerOf(db: Db, actor: Actor, s: SessionRow): Promise<boolean> {
  if (!s.trainerTeacherId) return false;
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  return me?.id === s.trainerTeacherId;
}

async function isRecorderOf(db: Db, actor: Actor, s: SessionRow): Promise<boolean> {
  if (!s.recorderTeacherId) return false;
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  return me?.id === s.recorderTeacherId;
}

/** ST-3: the trainer (or the office) writes the outline; the first writing time decides "late". */
export async function writeOutline(db: Db, actor: Actor, id: string, input: z.infer<typeof OutlineBody>, now: Date): Promise<SessionView> {
  requireTrainingRead(actor);
  const before = await getSessionRow(db, actor.orgId, id);
  if (!(await isTrainerOf(db, actor, before))) {
    if (!hasPermission(actor, 'training.session.manage'))
      throw new AppError('FORBIDDEN', '只有主讲人或培训管理人员可以填写提纲', 'Only the trainer or the training office may write the outline');
    await assertManagesSession(db, actor, before);
  }
  if (before.state !== 'scheduled') throw invalidState('该场次已取消或作废', 'This session was cancelled or voided');
  if (before.version !== input.version) throw versionConflict();
  const outline = input.outline.trim();
  if (!outline) throw invalidField('outline', '提纲不能为空', 'is required');
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(trainingSessions)
      .set({ outline, outlineAt: before.outlineAt ?? now, updatedAt: now, version: sql`${trainingSessions.version} + 1` })
      .where(and(eq(trainingSessions.orgId, actor.orgId), eq(trainingSessions.id, id), eq(trainingSessions.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await completeOutlineDeadline(tx, actor, id, now);
    await writeAudit(tx, actor, {
      action: 'training.session.outline',
      entity: 'training.session',
      entityId: id,
      before: { outline: before.outline, outlineAt: before.outlineAt },
      after: { outline, outlineAt: after.outlineAt },
    });
  });
  return getSession(db, actor, id, now);
}

/** ST-4 (S1 考勤 五): the named recorder writes the minutes once the session has begun. */
export async function writeMinutes(db: Db, actor: Actor, id: string, input: z.infer<typeof MinutesBody>, now: Date): Promise<SessionView> {
  requireTrainingRead(actor);
  const before = await getSessionRow(db, actor.orgId, id);
  const isOffice = hasPermission(actor, 'training.session.manage') || hasPermission(actor, 'training.attendance.record');
  if (!(await isRecorderOf(db, actor, before))) {
    if (!isOffice) throw new AppError('FORBIDDEN', '只有记录员或培训管理人员可以填写记录', 'Only the recorder or the training office may write the minutes');
    await assertManagesSession(db, actor, before);
  }
  if (now < before.startsAt) throw invalidState('培训开始后才能填写活动记录', 'Minutes can be written once the session has begun');
  if (before.version !== input.version) throw versionConflict();
  const minutes = input.minutes.trim();
  if (!minutes) throw invalidField('minutes', '记录不能为空', 'is required');
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(trainingSessions)
      .set({ minutes, minutesAt: now, updatedAt: now, version: sql`${trainingSessions.version} + 1` })
      .where(and(eq(trainingSessions.orgId, actor.orgId), eq(trainingSessions.id, id), eq(trainingSessions.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'training.session.minutes',
      entity: 'training.session',
      entityId: id,
      before: { minutes: before.minutes },
      after: { minutes },
    });
  });
  return getSession(db, actor, id, now);
}

export async function cancelSession(db: Db, actor: Actor, id: string, input: z.infer<typeof CancelSessionBody>, now: Date): Promise<SessionView> {
  requireAccess(actor, 'training.session.manage');
  const before = await getSessionRow(db, actor.orgId, id);
  await assertManagesSession(db, actor, before);
  if (before.version !== input.version) throw versionConflict();
  if (before.state !== 'scheduled') throw invalidState('该场次已取消或作废', 'This session was cancelled or voided already');
  if (now > before.startsAt) throw invalidState('培训已开始，不能取消', 'The session has begun and cannot be cancelled');
  const reason = input.reason.trim();
  if (!reason) throw invalidField('reason', '请填写取消原因', 'a reason is required');
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(trainingSessions)
      .set({ state: 'cancelled', cancelReason: reason, updatedAt: now, version: sql`${trainingSessions.version} + 1` })
      .where(and(eq(trainingSessions.orgId, actor.orgId), eq(trainingSessions.id, id), eq(trainingSessions.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'training.session.cancel',
      entity: 'training.session',
      entityId: id,
      before: { state: before.state },
      after: { state: 'cancelled', reason },
    });
  });
  return getSession(db, actor, id, now);
}

/** Session rows of a period, for the credit, assessment and dashboard computations. */
export async function findSessionRows(db: Db, orgId: string, range: { from: string; to: string }, ids?: string[]): Promise<SessionRow[]> {
  const where: SQL[] = [eq(trainingSessions.orgId, orgId), gte(trainingSessions.sessionDate, range.from), lte(trainingSessions.sessionDate, range.to)];
  if (ids) where.push(inArray(trainingSessions.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']));
  // A voided session was a mistake: its records count for nothing anywhere (issue 13 item 1).
  where.push(ne(trainingSessions.state, 'void'));
  return db
    .select()
    .from(trainingSessions)
    .where(and(...where))
    .orderBy(asc(trainingSessions.startsAt));
}
