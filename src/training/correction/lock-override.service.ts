import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { getPolicy } from '#core/policy';
import { type AttendanceView, checkMinutes, findAttendance, logAttendanceChange, trainingAttendance, viewOf } from '../attendance';
import { requireTrainingRead } from '../common';
import { durationMinutesOf, getSessionRow, isAttendanceLocked } from '../session';

import type { OverrideInput } from './correction.contract';

export type { OverrideInput } from './correction.contract';

/**
 * Issue 13 item 2: after the lock (S1 考勤 五) one record may still be corrected, by the
 * role the policy names (`training.lockOverrideRole`, the principal by default), with a
 * reason. The recorder and the office stay refused; the audit entry names the override.
 */
export async function overrideLockedRecord(db: Db, actor: Actor, sessionId: string, input: OverrideInput, now: Date): Promise<AttendanceView> {
  requireTrainingRead(actor);
  const policy = await getPolicy(db, actor.orgId);
  const role = policy.training.lockOverrideRole;
  if (!actor.roles.includes(role)) {
    throw new AppError(
      'FORBIDDEN',
      `锁定后的考勤只能由制度参数指定的角色（${role}）更正`,
      `Only the role the policy names (${role}) may correct a locked record`,
    );
  }
  const session = await getSessionRow(db, actor.orgId, sessionId);
  if (session.state !== 'scheduled') throw invalidState('该场次已取消或作废', 'This session was cancelled or voided');
  if (!isAttendanceLocked(session, now, policy.training.attendanceLockDays)) {
    throw invalidState('该场次考勤尚未锁定，请由记录员更正', 'The records are not locked yet; the recorder corrects them');
  }
  const reason = input.reason.trim();
  if (reason.length < 2) throw invalidField('reason', '锁定后更正须写明原因', 'a reason is required');
  const isExcused = input.status === 'excused';
  const { late, early } = isExcused ? { late: 0, early: 0 } : checkMinutes(input, durationMinutesOf(session));
  return db.transaction(async (tx) => {
    const before = await findAttendance(tx, actor.orgId, sessionId, input.teacherId, { forUpdate: true });
    if (!before) throw notFound('考勤记录', 'Attendance record');
    if (before.version !== input.version) throw versionConflict();
    const [after] = await tx
      .update(trainingAttendance)
      .set({
        status: input.status,
        lateMinutes: late,
        leftEarlyMinutes: early,
        source: 'override',
        note: reason,
        updatedAt: now,
        updatedBy: actor.userId,
        version: sql`${trainingAttendance.version} + 1`,
      })
      .where(and(eq(trainingAttendance.orgId, actor.orgId), eq(trainingAttendance.id, before.id), eq(trainingAttendance.version, before.version)))
      .returning();
    if (!after) throw versionConflict();
    await logAttendanceChange(tx, actor, before, after, `锁定后更正：${reason}`, now, 'training.attendance.lock-override');
    return viewOf(after);
  });
}
