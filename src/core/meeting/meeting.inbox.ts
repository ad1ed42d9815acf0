import type { InboxSourceDeclaration } from '../approval';
import { findPendingLeaveRequests } from './meeting-leave.service';

/** Leave requests wait in the approver's inbox until decided (PP-21, ST-4). */
export const meetingLeaveInbox: InboxSourceDeclaration = {
  name: 'meeting.leave.pending',
  find: async (db, actor) => {
    const rows = await findPendingLeaveRequests(db, actor);
    return rows.map((r) => ({
      kind: 'meeting.leave.pending',
      tag: { zh: '会议请假', en: 'Meeting leave' },
      id: r.id,
      title: { zh: `会议请假待审批：${r.userName}（${r.meetingTitle}）`, en: `Meeting leave to decide: ${r.userName} (${r.meetingTitle})` },
      link: `/meetings/${r.meetingId}`,
      since: r.requestedAt.toISOString(),
      due: r.startsAt.toISOString(),
    }));
  },
};
