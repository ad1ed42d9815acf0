import { and, desc, eq, type SQL } from 'drizzle-orm';
import { type Actor, hasPermission } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField } from '#core/errors';
import { getPolicy } from '#core/policy';
import { requireTrainingRead, schoolYearOf } from '../common';
import { findTeacherOfUser, findTeachers, getMyTeacher } from '../teacher';
import { type FourOnesProgress, fourOnesProgressOf } from './practice.rules';
import { type FourOnesRow, fourOnes } from './practice.schema';
import type { z } from 'zod';
import type { NewFourOneBody } from './practice.contract';

export async function addFourOne(db: Db, actor: Actor, input: z.infer<typeof NewFourOneBody>, now: Date): Promise<FourOnesRow> {
  const teacher = await getMyTeacher(db, actor);
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写书名或课题', 'is required');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fourOnes)
      .values({
        orgId: actor.orgId,
        teacherId: teacher.id,
        schoolYear: schoolYearOf(input.completedOn),
        item: input.item,
        title,
        completedOn: input.completedOn,
        note: input.note?.trim() || null,
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'training.four-ones.add', entity: 'training.four-ones', entityId: row.id, after: row });
    return row;
  });
}

export async function findFourOnes(db: Db, actor: Actor, filter: { teacherId?: string; schoolYear: string }): Promise<FourOnesRow[]> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(fourOnes.orgId, actor.orgId), eq(fourOnes.schoolYear, filter.schoolYear)];
  if (!hasPermission(actor, 'training.read')) {
    const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
    if (!me || (filter.teacherId && filter.teacherId !== me.id)) throw new AppError('FORBIDDEN', '只能查看自己的“四个一”', 'You can read only your own');
    where.push(eq(fourOnes.teacherId, me.id));
  } else if (filter.teacherId) where.push(eq(fourOnes.teacherId, filter.teacherId));
  return db
    .select()
    .from(fourOnes)
    .where(and(...where))
    .orderBy(desc(fourOnes.completedOn));
}

/** ST-14: every teacher's progress on the four ones for the office. */
export async function findFourOnesProgress(
  db: Db,
  actor: Actor,
  schoolYear: string,
): Promise<{ teacherId: string; name: string; groupName: string | null; progress: FourOnesProgress }[]> {
  const [rows, teachers, policy] = await Promise.all([
    findFourOnes(db, actor, { schoolYear }),
    findTeachers(db, actor, { isActive: true }),
    getPolicy(db, actor.orgId),
  ]);
  const visible = hasPermission(actor, 'training.read') ? teachers : teachers.filter((t) => t.userId === actor.userId);
  return visible.map((t) => ({
    teacherId: t.id,
    name: t.name,
    groupName: t.groupName,
    progress: fourOnesProgressOf(
      rows.filter((r) => r.teacherId === t.id),
      policy.training.fourOnes,
    ),
  }));
}
