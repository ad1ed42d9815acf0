import { defineModule } from '../http';
import { meetingLeaveInbox } from './meeting.inbox';
import { meetingRoutes } from './meeting.routes';
import { extendDueSeries } from './meeting-series.service';

/** Meetings: recurring and ad hoc, attendance, leave, minutes, decisions, actions (CORE-7). */
export const meetingModule = defineModule({
  name: 'meeting',
  label: { zh: '会议', en: 'Meetings' },
  isCore: true,
  permissions: [
    { code: 'meeting.read', label: { zh: '查看会议', en: 'Read meetings' } },
    { code: 'meeting.manage', label: { zh: '组织会议', en: 'Manage meetings' } },
  ],
  policySections: ['meetings'],
  routes: [meetingRoutes],
  // Keeps recurring meetings generated ahead.
  jobs: [
    async (ctx) => {
      await extendDueSeries(ctx);
    },
  ],
  inboxSources: [meetingLeaveInbox],
});
