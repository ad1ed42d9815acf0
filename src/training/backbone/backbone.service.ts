import { and, desc, eq } from 'drizzle-orm';
import { type Actor, hasPermission, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField } from '#core/errors';
import { getPolicy } from '#core/policy';
import { requireTrainingRead } from '../common';
import { assertTeacher, assertTeacherFound, findTeacherOfUser, findTeachers } from '../teacher';
import { backboneShareOf, type TrackProgress, trackProgressOf } from './backbone.rules';
import { type BackboneHoursRow, backboneHours } from './backbone.schema';
import type { BackboneHoursInput } from './backbone.contract';

export async function getBackboneOverview(db: Db, actor: Actor) {
  requireTrainingRead(actor);
  const [teachers, policy] = await Promise.all([findTeachers(db, actor), getPolicy(db, actor.orgId)]);
  const hours = await db.select().from(backboneHours).where(eq(backboneHours.orgId, actor.orgId));
  const track = policy.training.backboneTrack;
  // A teacher sees the school's share and their own track, not colleagues' hours.
  const me = hasPermission(actor, 'training.read') ? undefined : await findTeacherOfUser(db, actor.orgId, actor.userId);
  const onTrack = teachers.filter(
    (t) =>
      t.isActive &&
      (t.backboneLevel || t.stage === 'backbone' || hours.some((h) => h.teacherId === t.id)) &&
      (hasPermission(actor, 'training.read') || t.id === me?.id),
  );
  return {
    share: backboneShareOf(teachers, policy.training.backboneTargetShare),
    tracks: onTrack.map((t) => ({
      teacherId: t.id,
      name: t.name,
      groupName: t.groupName,
      stage: t.stage,
      backboneLevel: t.backboneLevel,
      progress: trackProgressOf(
        hours.filter((h) => h.teacherId === t.id),
        track,
      ) satisfies TrackProgress,
    })),
  };
}

export async function findBackboneHours(db: Db, actor: Actor, teacherId: string): Promise<BackboneHoursRow[]> {
  requireTrainingRead(actor);
  await assertTeacherFound(db, actor.orgId, teacherId);
  if (!hasPermission(actor, 'training.read')) {
    const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
    if (me?.id !== teacherId) throw new AppError('FORBIDDEN', '只能查看自己的骨干培训记录', 'You can read only your own track');
  }
  return db
    .select()
    .from(backboneHours)
    .where(and(eq(backboneHours.orgId, actor.orgId), eq(backboneHours.teacherId, teacherId)))
    .orderBy(desc(backboneHours.occurredOn));
}

/** A tracking-file entry (T5): the teacher for themself, or the office for anyone. */
export async function addBackboneHours(db: Db, actor: Actor, input: BackboneHoursInput, now: Date): Promise<BackboneHoursRow> {
  requireTrainingRead(actor);
  await assertTeacher(db, actor.orgId, input.teacherId, 'teacherId');
  if (!hasPermission(actor, 'training.plan.write')) {
    const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
    if (me?.id !== input.teacherId) throw new AppError('FORBIDDEN', '只能登记自己的骨干培训学时', 'You can record only your own hours');
  }
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写内容', 'is required');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(backboneHours)
      .values({
        orgId: actor.orgId,
        teacherId: input.teacherId,
        kind: input.kind,
        hours: input.hours,
        occurredOn: input.occurredOn,
        title,
        note: input.note?.trim() || null,
        createdBy: userIdOf(actor),
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'training.backbone.hours', entity: 'training.backbone', entityId: row.id, after: row });
    return row;
  });
}
