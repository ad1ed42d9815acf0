import { and, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess, userIdOf } from '#core/access';
import { attachments } from '#core/archive';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { departments } from '#core/org';
import { assertInOrganisation } from '#core/validation';
import { requireTrainingRead, type Term } from '../common';
import { findTeacherOfUser, findTeachers, getMyTeacher, trainingTeachers } from '../teacher';
import { submissionStatusOf } from './practice.rules';
import { type AssignmentRow, assignments, type SubmissionRow, submissions } from './practice.schema';
import { orgToday } from '#core/calendar';
import type { z } from 'zod';
import type { AssignmentInput, AssignmentViewData, SubmissionBody, SubmissionReviewBody } from './practice.contract';

export type { AssignmentInput } from './practice.contract';

export type AssignmentView = AssignmentViewData;

export async function createAssignment(db: Db, actor: Actor, input: AssignmentInput, now: Date): Promise<AssignmentRow> {
  requireAccess(actor, 'training.session.manage');
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写作业名称', 'is required');
  if (input.groupId) {
    const [g] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, actor.orgId), eq(departments.id, input.groupId)));
    if (!g) throw invalidField('groupId', '教研组不存在', 'unknown group');
  }
  await assertInOrganisation(db, 'training_sessions', actor.orgId, [input.sessionId], 'sessionId');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assignments)
      .values({
        orgId: actor.orgId,
        ...input,
        title,
        description: input.description?.trim() ?? '',
        groupId: input.groupId ?? null,
        sessionId: input.sessionId ?? null,
        createdBy: userIdOf(actor),
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'training.assignment.create', entity: 'training.assignment', entityId: row.id, after: row });
    const audience = await tx
      .select({ userId: trainingTeachers.userId })
      .from(trainingTeachers)
      .where(
        and(
          eq(trainingTeachers.orgId, actor.orgId),
          eq(trainingTeachers.isActive, true),
          ...(input.groupId ? [eq(trainingTeachers.groupId, input.groupId)] : []),
        ),
      );
    await notifyUsers(
      tx,
      actor.orgId,
      audience.map((a) => a.userId).filter((u): u is string => !!u),
      {
        kind: 'training.assignment.new',
        title: { zh: `培训作业：${title}（${input.dueOn} 前提交）`, en: `Training assignment: ${title} (due ${input.dueOn})` },
        link: '/training/my',
      },
    );
    return row;
  });
}

export async function findAssignments(db: Db, actor: Actor, filter: { schoolYear?: string; term?: Term }, now: Date): Promise<AssignmentView[]> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(assignments.orgId, actor.orgId)];
  if (filter.schoolYear) where.push(eq(assignments.schoolYear, filter.schoolYear));
  if (filter.term) where.push(eq(assignments.term, filter.term));
  const isOffice = hasPermission(actor, 'training.read') || hasPermission(actor, 'training.session.manage');
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (!isOffice) {
    if (!me) return [];
    where.push(me.groupId ? or(isNull(assignments.groupId), eq(assignments.groupId, me.groupId))! : isNull(assignments.groupId));
  }
  const rows = await db
    .select({ a: assignments, groupName: departments.name })
    .from(assignments)
    .leftJoin(departments, and(eq(departments.orgId, assignments.orgId), eq(departments.id, assignments.groupId)))
    .where(and(...where))
    .orderBy(desc(assignments.dueOn));
  const ids = rows.map((r) => r.a.id);
  const subs = ids.length
    ? await db
        .select()
        .from(submissions)
        .where(and(eq(submissions.orgId, actor.orgId), inArray(submissions.assignmentId, ids)))
    : [];
  const teachers = isOffice ? await findTeachers(db, actor, { isActive: true }) : [];
  const today = await orgToday(db, actor.orgId, now);
  return rows.map(({ a, groupName }) => {
    const mine = me ? (subs.find((s) => s.assignmentId === a.id && s.teacherId === me.id) ?? null) : null;
    return {
      ...a,
      groupName,
      expected: teachers.filter((t) => !a.groupId || t.groupId === a.groupId).length,
      submitted: subs.filter((s) => s.assignmentId === a.id).length,
      myStatus: me ? submissionStatusOf(a.dueOn, mine, today) : null,
      mySubmission: mine,
    };
  });
}

async function getAssignmentRow(db: Db, orgId: string, id: string): Promise<AssignmentRow> {
  const [row] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.orgId, orgId), eq(assignments.id, id)));
  if (!row) throw notFound('培训作业', 'Assignment');
  return row;
}

/** ST-15: a teacher hands in (or, once returned, hands in again); after the due day it is late. */
export async function submitAssignment(db: Db, actor: Actor, assignmentId: string, input: z.infer<typeof SubmissionBody>, now: Date): Promise<SubmissionRow> {
  const teacher = await getMyTeacher(db, actor);
  const a = await getAssignmentRow(db, actor.orgId, assignmentId);
  if (a.groupId && a.groupId !== teacher.groupId) throw invalidState('该作业不是布置给您所在教研组的', 'This assignment is for another group');
  const content = input.content.trim();
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  if (content.length < 2 && attachmentIds.length === 0) throw invalidField('content', '请填写作业内容或上传附件', 'write the work or attach it');
  if (attachmentIds.length) {
    const found = await db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.orgId, actor.orgId), inArray(attachments.id, attachmentIds)));
    if (found.length !== attachmentIds.length) throw invalidField('attachmentIds', '附件不存在', 'unknown attachment');
  }
  const isLate = (await orgToday(db, actor.orgId, now)) > a.dueOn;
  const [existing] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.orgId, actor.orgId), eq(submissions.assignmentId, assignmentId), eq(submissions.teacherId, teacher.id)));
  if (existing && existing.reviewState !== 'returned')
    throw new AppError('CONFLICT', '您已提交过该作业', 'You have submitted this already', [{ field: 'assignmentId', reason: 'exists' }]);
  try {
    return await db.transaction(async (tx) => {
      const values = {
        content,
        attachmentIds,
        submittedAt: now,
        isLate,
        reviewState: 'submitted' as const,
        reviewComment: null,
        reviewedBy: null,
        reviewedByName: null,
        reviewedAt: null,
      };
      const [row] = existing
        ? await tx
            .update(submissions)
            .set({ ...values, version: sql`${submissions.version} + 1` })
            .where(and(eq(submissions.orgId, actor.orgId), eq(submissions.id, existing.id), eq(submissions.version, existing.version)))
            .returning()
        : await tx
            .insert(submissions)
            .values({ orgId: actor.orgId, assignmentId, teacherId: teacher.id, ...values })
            .returning();
      if (!row) throw versionConflict();
      await writeAudit(tx, actor, {
        action: 'training.assignment.submit',
        entity: 'training.submission',
        entityId: row.id,
        before: existing ?? undefined,
        after: row,
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', '您已提交过该作业', 'You have submitted this already', [{ field: 'assignmentId', reason: 'exists' }]);
    throw err;
  }
}

export async function findSubmissions(db: Db, actor: Actor, assignmentId: string, now: Date) {
  requireAccess(actor, 'training.read');
  const a = await getAssignmentRow(db, actor.orgId, assignmentId);
  const teachers = (await findTeachers(db, actor, { isActive: true })).filter((t) => !a.groupId || t.groupId === a.groupId);
  const subs = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.orgId, actor.orgId), eq(submissions.assignmentId, assignmentId)));
  const today = await orgToday(db, actor.orgId, now);
  return teachers.map((t) => {
    const s = subs.find((x) => x.teacherId === t.id) ?? null;
    return { teacherId: t.id, name: t.name, groupName: t.groupName, status: submissionStatusOf(a.dueOn, s, today), submission: s };
  });
}

/** ST-15: reviewed — accepted, or returned with a comment to be handed in again. */
export async function reviewSubmission(db: Db, actor: Actor, id: string, input: z.infer<typeof SubmissionReviewBody>, now: Date): Promise<SubmissionRow> {
  requireAccess(actor, 'training.session.manage');
  const [before] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.orgId, actor.orgId), eq(submissions.id, id)));
  if (!before) throw notFound('作业提交', 'Submission');
  const comment = input.comment?.trim() || null;
  if (!input.isAccepted && !comment) throw invalidField('comment', '退回时请写明修改意见', 'give a comment when returning');
  const [teacher] = await db
    .select({ userId: trainingTeachers.userId })
    .from(trainingTeachers)
    .where(and(eq(trainingTeachers.orgId, actor.orgId), eq(trainingTeachers.id, before.teacherId)));
  return db.transaction(async (tx) => {
    const state = input.isAccepted ? 'accepted' : 'returned';
    const [after] = await tx
      .update(submissions)
      .set({
        reviewState: state,
        reviewComment: comment,
        reviewedBy: actor.userId,
        reviewedByName: actor.displayName,
        reviewedAt: now,
        version: sql`${submissions.version} + 1`,
      })
      .where(and(eq(submissions.orgId, actor.orgId), eq(submissions.id, id), eq(submissions.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: `training.submission.${state}`,
      entity: 'training.submission',
      entityId: id,
      before: { reviewState: before.reviewState },
      after: { reviewState: state, comment },
    });
    if (teacher?.userId) {
      await notifyUsers(tx, actor.orgId, [teacher.userId], {
        kind: `training.submission.${state}`,
        title: input.isAccepted
          ? { zh: '培训作业已通过审阅', en: 'Your assignment was accepted' }
          : { zh: '培训作业被退回，请修改后重新提交', en: 'Your assignment was returned for changes' },
        body: comment ? { zh: comment, en: comment } : undefined,
        link: '/training/my',
      });
    }
    return after;
  });
}
