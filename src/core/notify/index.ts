export { notifications } from './notify.schema';
export { countUnread, findMyNotifications, markRead, notifyUsers } from './notify.service';
export type { NotificationInput } from './notify.service';
export { notifyModule } from './notify.module';
