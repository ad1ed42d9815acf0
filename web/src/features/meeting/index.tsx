import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { MeetingPage } from './meeting.page';
import { MeetingsPage } from './meetings.page';

export const meetingRoutes: AppRoute[] = [
  { path: '/meetings', element: <MeetingsPage />, menu: { section: 'home', label: tx('会议', 'Meetings'), permission: 'meeting.read', order: 15 } },
  { path: '/meetings/:id', element: <MeetingPage /> },
];
