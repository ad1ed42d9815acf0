import { and, asc, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission } from '#core/access';
import { isoWeekday, localDateOf, orgToday } from '#core/calendar';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, notFound, versionConflict } from '#core/errors';
import { getPolicy } from '#core/policy';
import { remindOnce, requireTrainingRead, termOf, termRange, schoolYearOf, weekStartOf } from '../common';
import { getSessionRow } from '../session';
import { assertTeacherFound, findTeacherOfUser, getMyTeacher, trainingTeachers } from '../teacher';
import { type SelfStudySummary, summariseSelfStudy, weeksBetween } from './study.rules';
import { type NoteKind, type StudyNoteRow, studyNotes } from './study.schema';
import type { z } from 'zod';
import type { NoteChangeBody, NoteInput } from './study.contract';

export type { NoteInput } from './study.contract';

async function canReadTeacher(db: Db, actor: Actor, teacherId: string): Promise<void> {
  requireTrainingRead(actor);
  if (hasPermission(actor, 'training.read')) {
    await assertTeacherFound(db, actor.orgId, teacherId);
    return;
  }
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (me?.id !== teacherId) throw notFound('教师', 'Teacher');
}

export async function addNote(db: Db, actor: Actor, input: NoteInput, now: Date): Promise<StudyNoteRow> {
  const teacher = await getMyTeacher(db, actor);
  const title = input.title.trim();
  const content = input.content.trim();
  if (!title) throw invalidField('title', '请填写标题', 'is required');
  if (content.length < 2) throw invalidField('content', '请填写内容', 'is required');
  if (input.sessionId) {
    try {
      await getSessionRow(db, actor.orgId, input.sessionId);
    } catch {
      throw invalidField('sessionId', '培训场次不存在', 'unknown session');
    }
  }
  const date = input.date ?? (await orgToday(db, actor.orgId, now));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(studyNotes)
      .values({
        orgId: actor.orgId,
        teacherId: teacher.id,
        kind: input.kind,
        weekStart: weekStartOf(date),
        title,
        source: input.source?.trim() || null,
        content,
        sessionId: input.sessionId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'training.note.create',
      entity: 'training.note',
      entityId: row.id,
      after: { kind: row.kind, title, weekStart: row.weekStart },
    });
    return row;
  });
}

export async function updateNote(db: Db, actor: Actor, id: string, change: z.infer<typeof NoteChangeBody>, now: Date): Promise<StudyNoteRow> {
  const teacher = await getMyTeacher(db, actor);
  const [before] = await db
    .select()
    .from(studyNotes)
    .where(and(eq(studyNotes.orgId, actor.orgId), eq(studyNotes.id, id)));
  if (!before || before.teacherId !== teacher.id) throw notFound('学习笔记', 'Note');
  if (change.title !== undefined && !change.title.trim()) throw invalidField('title', '请填写标题', 'is required');
  if (change.content !== undefined && change.content.trim().length < 2) throw invalidField('content', '请填写内容', 'is required');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(studyNotes)
      .set({ title: change.title?.trim(), source: change.source, content: change.content?.trim(), updatedAt: now, version: sql`${studyNotes.version} + 1` })
      .where(and(eq(studyNotes.orgId, actor.orgId), eq(studyNotes.id, id), eq(studyNotes.version, change.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'training.note.update',
      entity: 'training.note',
      entityId: id,
      before: { title: before.title, content: before.content },
      after: { title: after.title, content: after.content },
    });
    return after;
  });
}

export async function findNotes(
  db: Db,
  actor: Actor,
  filter: { teacherId?: string; kind?: NoteKind; from?: string; to?: string; sessionId?: string },
): Promise<(StudyNoteRow & { teacherName: string })[]> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(studyNotes.orgId, actor.orgId)];
  if (!hasPermission(actor, 'training.read')) {
    const me = await getMyTeacher(db, actor);
    if (filter.teacherId && filter.teacherId !== me.id) throw new AppError('FORBIDDEN', '只能查看自己的笔记', 'You can read only your own notes');
    where.push(eq(studyNotes.teacherId, me.id));
  } else if (filter.teacherId) where.push(eq(studyNotes.teacherId, filter.teacherId));
  if (filter.kind) where.push(eq(studyNotes.kind, filter.kind));
  if (filter.sessionId) where.push(eq(studyNotes.sessionId, filter.sessionId));
  if (filter.from) where.push(gte(studyNotes.weekStart, weekStartOf(filter.from)));
  if (filter.to) where.push(lte(studyNotes.weekStart, filter.to));
  const rows = await db
    .select({ n: studyNotes, teacherName: trainingTeachers.name })
    .from(studyNotes)
    .innerJoin(trainingTeachers, and(eq(trainingTeachers.orgId, studyNotes.orgId), eq(trainingTeachers.id, studyNotes.teacherId)))
    .where(and(...where))
    .orderBy(desc(studyNotes.weekStart), desc(studyNotes.createdAt))
    .limit(2000);
  return rows.map((r) => ({ ...r.n, teacherName: r.teacherName }));
}

/** ST-5: the weekly quota over the current term (or the given range). */
export async function getSelfStudy(
  db: Db,
  actor: Actor,
  teacherId: string,
  now: Date,
  range?: { from: string; to: string },
): Promise<SelfStudySummary & { from: string; to: string }> {
  await canReadTeacher(db, actor, teacherId);
  const today = await orgToday(db, actor.orgId, now);
  const period = range ?? termRange(schoolYearOf(today), termOf(today));
  const to = [period.to, today].sort()[0];
  const notes = await db
    .select({ kind: studyNotes.kind, weekStart: studyNotes.weekStart, source: studyNotes.source })
    .from(studyNotes)
    .where(
      and(
        eq(studyNotes.orgId, actor.orgId),
        eq(studyNotes.teacherId, teacherId),
        gte(studyNotes.weekStart, weekStartOf(period.from)),
        lte(studyNotes.weekStart, to),
      ),
    )
    .orderBy(asc(studyNotes.weekStart));
  const policy = await getPolicy(db, actor.orgId);
  const summary = summariseSelfStudy(notes, weeksBetween(weekStartOf(period.from), weekStartOf(to)), weekStartOf(today), policy.training.weeklySelfStudy);
  return { ...summary, from: period.from, to };
}

/**
 * Gentle reminders (ST-5): from Thursday of a school week, a teacher whose excerpts of the
 * week are still missing hears about it once.
 */
export async function remindSelfStudy(db: Db, orgId: string, now: Date): Promise<number> {
  const policy = await getPolicy(db, orgId);
  const today = localDateOf(now, policy.calendar.utcOffsetMinutes);
  if (isoWeekday(today) < 4 || isoWeekday(today) > 5) return 0;
  const week = weekStartOf(today);
  const quota = policy.training.weeklySelfStudy;
  const teachers = await db
    .select({ id: trainingTeachers.id, userId: trainingTeachers.userId })
    .from(trainingTeachers)
    .where(and(eq(trainingTeachers.orgId, orgId), eq(trainingTeachers.isActive, true)));
  const counts = await db
    .select({ teacherId: studyNotes.teacherId, kind: studyNotes.kind, n: sql<number>`count(*)::int` })
    .from(studyNotes)
    .where(and(eq(studyNotes.orgId, orgId), eq(studyNotes.weekStart, week)))
    .groupBy(studyNotes.teacherId, studyNotes.kind);
  const countOf = (teacherId: string, kind: NoteKind) => counts.find((c) => c.teacherId === teacherId && c.kind === kind)?.n ?? 0;
  let sent = 0;
  await db.transaction(async (tx) => {
    for (const t of teachers) {
      if (!t.userId) continue;
      const articles = countOf(t.id, 'article_excerpt');
      const infos = countOf(t.id, 'information_excerpt');
      if (articles >= quota.articleExcerpts && infos >= quota.informationExcerpts) continue;
      const isSent = await remindOnce(
        tx,
        orgId,
        { kind: 'self-study', subjectId: t.id, period: week },
        [t.userId],
        {
          kind: 'training.self-study.reminder',
          title: { zh: '温馨提示：本周自学摘录还未完成', en: 'A gentle reminder: this week’s self-study excerpts' },
          body: {
            zh: `本周已摘录业务文章 ${articles}/${quota.articleExcerpts} 篇、教育教学信息 ${infos}/${quota.informationExcerpts} 条（S1 学习制度 4）。`,
            en: `This week: ${articles}/${quota.articleExcerpts} article excerpts and ${infos}/${quota.informationExcerpts} information excerpts (S1 学习制度 4).`,
          },
          link: '/training/my/notes',
        },
        now,
      );
      if (isSent) sent++;
    }
  });
  return sent;
}
