import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { cancelDeadline } from '#core/calendar';
import type { Db } from '#core/db';
import { invalidField, invalidState, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { computeAssessments, trainingAssessments } from '../assessment';
import { findAttendanceRows } from '../attendance';
import { schoolYearOf } from '../common';
import { trainingLeaveRequests } from '../leave';
import { getSession, getSessionRow, trainingSessions } from '../session';
import { trainingTeachers } from '../teacher';
import type { VoidOutcomeData } from './correction.contract';
import type { z } from 'zod';
import type { VoidSessionBody } from './correction.contract';

export type VoidOutcome = VoidOutcomeData;

/**
 * Issue 13 item 1: a session entered by mistake (a wrong date that marked everyone absent)
 * is voided by the office at any time, with a reason. Nothing is deleted: the session and
 * its records stay for the audit, but count for no credit, absence or verdict again.
 */
export async function voidSession(db: Db, actor: Actor, id: string, input: z.infer<typeof VoidSessionBody>, now: Date): Promise<VoidOutcome> {
  requireAccess(actor, 'training.session.manage');
  requireAccess(actor, 'training.school.manage');
  const before = await getSessionRow(db, actor.orgId, id);
  if (before.state === 'void') throw invalidState('该场次已作废', 'This session was voided already');
  if (before.version !== input.version) throw versionConflict();
  const reason = input.reason.trim();
  if (reason.length < 2) throw invalidField('reason', '作废须写明原因', 'a reason is required');
  const records = await findAttendanceRows(db, actor.orgId, [id]);
  const teacherIds = [...new Set(records.map((r) => r.teacherId))];
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(trainingSessions)
      .set({ state: 'void', voidReason: reason, voidedAt: now, voidedBy: actor.userId, updatedAt: now, version: sql`${trainingSessions.version} + 1` })
      .where(and(eq(trainingSessions.orgId, actor.orgId), eq(trainingSessions.id, id), eq(trainingSessions.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await cancelDeadline(tx, actor, 'training.session.outline', id);
    // A request still waiting for a session that never was: nothing left to approve.
    const withdrawn = await tx
      .update(trainingLeaveRequests)
      .set({ state: 'withdrawn', opinion: `场次已作废：${reason}`, decidedAt: now, version: sql`${trainingLeaveRequests.version} + 1` })
      .where(and(eq(trainingLeaveRequests.orgId, actor.orgId), eq(trainingLeaveRequests.sessionId, id), eq(trainingLeaveRequests.state, 'pending')))
      .returning({ teacherId: trainingLeaveRequests.teacherId });
    const statusCounts = Object.fromEntries(
      ['on_time', 'late', 'left_early', 'absent', 'excused'].map((s) => [s, records.filter((r) => r.status === s).length]),
    );
    await writeAudit(tx, actor, {
      action: 'training.session.void',
      entity: 'training.session',
      entityId: id,
      before: { state: before.state, title: before.title, date: before.sessionDate, records: statusCounts },
      after: { state: 'void', reason, teachersAffected: teacherIds.length, leaveWithdrawn: withdrawn.length },
    });
    const told = [...new Set([...teacherIds, ...withdrawn.map((w) => w.teacherId)])];
    if (told.length) {
      const users = await tx
        .select({ userId: trainingTeachers.userId })
        .from(trainingTeachers)
        .where(and(eq(trainingTeachers.orgId, actor.orgId), inArray(trainingTeachers.id, told)));
      await notifyUsers(
        tx,
        actor.orgId,
        users.flatMap((u) => (u.userId ? [u.userId] : [])),
        {
          kind: 'training.session.void',
          title: { zh: `培训场次已作废：${before.sessionDate} ${before.title}`, en: `Training session voided: ${before.sessionDate} ${before.title}` },
          body: { zh: `原因：${reason}。该场次的签到、缺席和学分均不再计入。`, en: `Reason: ${reason}. Its sign-ins, absences and credits no longer count.` },
          link: `/training/sessions/${id}`,
        },
      );
    }
  });
  const schoolYear = schoolYearOf(before.sessionDate);
  const verdicts = await db
    .select({ id: trainingAssessments.id, state: trainingAssessments.state, reasons: trainingAssessments.reasons, teacherName: trainingTeachers.name })
    .from(trainingAssessments)
    .innerJoin(trainingTeachers, and(eq(trainingTeachers.orgId, trainingAssessments.orgId), eq(trainingTeachers.id, trainingAssessments.teacherId)))
    .where(and(eq(trainingAssessments.orgId, actor.orgId), eq(trainingAssessments.schoolYear, schoolYear)));
  const isRecomputed = verdicts.some((v) => v.state === 'computed') && hasPermission(actor, 'training.assess');
  if (isRecomputed) await computeAssessments(db, actor, schoolYear, now);
  const confirmedToReview = verdicts
    .filter((v) => v.state === 'confirmed' && v.reasons.some((r) => r.evidence.some((e) => e.entityId === id)))
    .map((v) => ({ assessmentId: v.id, teacherName: v.teacherName }));
  return { session: await getSession(db, actor, id, now), teachersAffected: teacherIds.length, isRecomputed, confirmedToReview };
}
