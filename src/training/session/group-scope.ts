import { type Actor, hasPermission } from '#core/access';
import type { Db } from '#core/db';
import { AppError } from '#core/errors';
import { findTeacherOfUser } from '../teacher';

/**
 * Issue 13 item 3: who manages sessions beyond one group. The office (training.school.manage)
 * manages every session; someone who manages sessions without it is a group leader and keeps
 * to their own group's sessions; all-staff sessions belong to the office. Returns the group
 * the actor is limited to, or null when unlimited.
 */
export async function managedGroupOf(db: Db, actor: Actor): Promise<string | null> {
  if (hasPermission(actor, 'training.school.manage') || !hasPermission(actor, 'training.session.manage')) return null;
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (!me?.groupId) throw new AppError('FORBIDDEN', '教研组长须先在教师名单中登记所在教研组', 'A group leader must belong to a group in the teacher register');
  return me.groupId;
}

/** Refuses a group leader a session of another group or of all staff. */
export async function assertManagesSession(db: Db, actor: Actor, s: { audience: 'all' | 'group'; groupId?: string | null }): Promise<void> {
  const group = await managedGroupOf(db, actor);
  if (group === null) return;
  if (s.audience === 'all')
    throw new AppError(
      'FORBIDDEN',
      '全体教师的培训由教导处管理，教研组长只能管理本组的培训',
      'All-staff sessions belong to the office; a group leader manages their own group only',
    );
  if (s.groupId !== group) throw new AppError('FORBIDDEN', '教研组长只能管理本组的培训', 'A group leader manages their own group’s sessions only');
}
