import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const MeetingPage = lazyPage(() => import('./meeting.page'), 'MeetingPage');
const MeetingsPage = lazyPage(() => import('./meetings.page'), 'MeetingsPage');

export const meetingRoutes: AppRoute[] = [
  { path: '/meetings', element: <MeetingsPage />, menu: { section: 'home', label: tx('会议', 'Meetings'), permission: 'meeting.read', order: 15 } },
  { path: '/meetings/:id', element: <MeetingPage /> },
];
