export { notifications } from './notify.schema';
export { countUnread, findMyNotifications, markRead, notifyUsers } from './notify.service';
export type { NotificationInput } from './notify.service';
export { notifyRoutes } from './notify.routes';
