import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, hasPermission, requireAccess, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { requireTrainingRead } from '../common';
import { assertTeacher, findTeacherOfUser, trainingTeachers } from '../teacher';
import { type MentorPairRow, type MentorRecordRow, mentorPairs, mentorRecords } from './mentor.schema';
import type { MentorPairViewData } from './mentor.contract';
import type { z } from 'zod';
import type { CloseMentorPairBody, NewMentorPairBody, NewMentorRecordBody } from './mentor.contract';

const mentor = alias(trainingTeachers, 'mentor');
const mentee = alias(trainingTeachers, 'mentee');

export type MentorPairView = MentorPairViewData;

async function views(db: Db, orgId: string, where: SQL): Promise<MentorPairView[]> {
  const rows = await db
    .select({ p: mentorPairs, mentorName: mentor.name, menteeName: mentee.name })
    .from(mentorPairs)
    .innerJoin(mentor, and(eq(mentor.orgId, mentorPairs.orgId), eq(mentor.id, mentorPairs.mentorId)))
    .innerJoin(mentee, and(eq(mentee.orgId, mentorPairs.orgId), eq(mentee.id, mentorPairs.menteeId)))
    .where(where)
    .orderBy(desc(mentorPairs.schoolYear), asc(mentor.name));
  const counts = await db
    .select({ pairId: mentorRecords.pairId, n: sql<number>`count(*)::int`, last: sql<string | null>`max(${mentorRecords.occurredOn})::text` })
    .from(mentorRecords)
    .where(eq(mentorRecords.orgId, orgId))
    .groupBy(mentorRecords.pairId);
  const byPair = new Map(counts.map((c) => [c.pairId, c]));
  return rows.map((r) => ({
    ...r.p,
    mentorName: r.mentorName,
    menteeName: r.menteeName,
    recordCount: byPair.get(r.p.id)?.n ?? 0,
    lastRecordOn: byPair.get(r.p.id)?.last ?? null,
  }));
}

export async function findMentorPairs(db: Db, actor: Actor, filter: { schoolYear?: string } = {}): Promise<MentorPairView[]> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(mentorPairs.orgId, actor.orgId)];
  if (filter.schoolYear) where.push(eq(mentorPairs.schoolYear, filter.schoolYear));
  if (!hasPermission(actor, 'training.read')) {
    const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
    if (!me) return [];
    where.push(or(eq(mentorPairs.mentorId, me.id), eq(mentorPairs.menteeId, me.id))!);
  }
  return views(db, actor.orgId, and(...where)!);
}

async function getPairRow(db: Db, actor: Actor, id: string): Promise<MentorPairRow> {
  const [row] = await db
    .select()
    .from(mentorPairs)
    .where(and(eq(mentorPairs.orgId, actor.orgId), eq(mentorPairs.id, id)));
  if (!row) throw notFound('师徒结对', 'Mentor pair');
  return row;
}

export async function createMentorPair(db: Db, actor: Actor, input: z.infer<typeof NewMentorPairBody>, now: Date): Promise<MentorPairView> {
  requireAccess(actor, 'training.plan.write');
  if (input.mentorId === input.menteeId) throw invalidField('menteeId', '师傅与徒弟不能是同一人', 'mentor and mentee must differ');
  await assertTeacher(db, actor.orgId, input.mentorId, 'mentorId');
  await assertTeacher(db, actor.orgId, input.menteeId, 'menteeId');
  const goals = input.goals.trim();
  if (goals.length < 2) throw invalidField('goals', '请写明结对目标与要求', 'write the goals');
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(mentorPairs)
        .values({ orgId: actor.orgId, mentorId: input.mentorId, menteeId: input.menteeId, schoolYear: input.schoolYear, goals, createdAt: now })
        .returning();
      await writeAudit(tx, actor, { action: 'training.mentor.pair', entity: 'training.mentor', entityId: row.id, after: row });
      return row.id;
    });
    return (await views(db, actor.orgId, and(eq(mentorPairs.orgId, actor.orgId), eq(mentorPairs.id, id))!))[0];
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', '该师徒本学年已结对', 'This pair exists for the school year', [{ field: 'menteeId', reason: 'exists' }]);
    throw err;
  }
}

/** Supervision (S2 四.3 "要监督结对培训"): the pair or the office records what was done. */
export async function addMentorRecord(db: Db, actor: Actor, pairId: string, input: z.infer<typeof NewMentorRecordBody>, now: Date): Promise<MentorRecordRow> {
  requireTrainingRead(actor);
  const pair = await getPairRow(db, actor, pairId);
  if (!hasPermission(actor, 'training.plan.write')) {
    const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
    if (me?.id !== pair.mentorId && me?.id !== pair.menteeId)
      throw new AppError('FORBIDDEN', '只有结对师徒或培训管理人员可以记录', 'Only the pair or the training office may record');
  }
  if (pair.state !== 'active') throw invalidState('该结对已结束', 'This pair has ended');
  const content = input.content.trim();
  if (content.length < 2) throw invalidField('content', '请填写记录内容', 'is required');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mentorRecords)
      .values({ orgId: actor.orgId, pairId, kind: input.kind, occurredOn: input.occurredOn, content, createdBy: userIdOf(actor), createdAt: now })
      .returning();
    await writeAudit(tx, actor, { action: 'training.mentor.record', entity: 'training.mentor', entityId: pairId, after: row });
    return row;
  });
}

export async function findMentorRecords(db: Db, actor: Actor, pairId: string): Promise<MentorRecordRow[]> {
  await findMentorPairs(db, actor).then((pairs) => {
    if (!pairs.some((p) => p.id === pairId)) throw notFound('师徒结对', 'Mentor pair');
  });
  return db
    .select()
    .from(mentorRecords)
    .where(and(eq(mentorRecords.orgId, actor.orgId), eq(mentorRecords.pairId, pairId)))
    .orderBy(desc(mentorRecords.occurredOn));
}

export async function closeMentorPair(db: Db, actor: Actor, pairId: string, input: z.infer<typeof CloseMentorPairBody>): Promise<MentorPairView> {
  requireAccess(actor, 'training.plan.write');
  const before = await getPairRow(db, actor, pairId);
  if (before.state !== 'active') throw invalidState('该结对已结束', 'This pair has ended');
  const review = input.review.trim();
  if (review.length < 2) throw invalidField('review', '请填写结对考核意见', 'write the review');
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(mentorPairs)
      .set({ state: input.state, review, version: sql`${mentorPairs.version} + 1` })
      .where(and(eq(mentorPairs.orgId, actor.orgId), eq(mentorPairs.id, pairId), eq(mentorPairs.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'training.mentor.close',
      entity: 'training.mentor',
      entityId: pairId,
      before: { state: before.state },
      after: { state: input.state, review },
    });
  });
  return (await views(db, actor.orgId, and(eq(mentorPairs.orgId, actor.orgId), eq(mentorPairs.id, pairId))!))[0];
}
