import { and, asc, eq } from 'drizzle-orm';
import { hasPermission } from '#core/access';
import type { InboxSourceDeclaration } from '#core/approval';
import { trainingSessions } from '../session';
import { trainingTeachers } from '../teacher';
import { trainingLeaveRequests } from './leave.schema';

/** 我的待办: leave waiting for whoever may approve it. */
export const leaveInbox: InboxSourceDeclaration = {
  name: 'training.leave.pending',
  find: async (db, actor) => {
    if (!hasPermission(actor, 'training.leave.approve')) return [];
    const rows = await db
      .select({
        id: trainingLeaveRequests.id,
        requestedAt: trainingLeaveRequests.requestedAt,
        requestedBy: trainingLeaveRequests.requestedBy,
        name: trainingTeachers.name,
        title: trainingSessions.title,
        date: trainingSessions.sessionDate,
        startsAt: trainingSessions.startsAt,
      })
      .from(trainingLeaveRequests)
      .innerJoin(trainingTeachers, and(eq(trainingTeachers.orgId, trainingLeaveRequests.orgId), eq(trainingTeachers.id, trainingLeaveRequests.teacherId)))
      .innerJoin(trainingSessions, and(eq(trainingSessions.orgId, trainingLeaveRequests.orgId), eq(trainingSessions.id, trainingLeaveRequests.sessionId)))
      .where(and(eq(trainingLeaveRequests.orgId, actor.orgId), eq(trainingLeaveRequests.state, 'pending')))
      .orderBy(asc(trainingLeaveRequests.requestedAt));
    return rows
      .filter((r) => r.requestedBy !== actor.userId)
      .map((r) => ({
        kind: 'training.leave.pending',
        tag: { zh: '请假待批', en: 'Leave to decide' },
        id: r.id,
        title: { zh: `请假待批：${r.name}（${r.title} ${r.date}）`, en: `Leave to approve: ${r.name} (${r.title} ${r.date})` },
        link: '/training/leave',
        since: r.requestedAt.toISOString(),
        due: r.startsAt.toISOString(),
      }));
  },
};
