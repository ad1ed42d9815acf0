export { notifications } from './notify.schema';
export { countUnread, findMyNotifications, markRead, notifyUsers, pageMyNotifications } from './notify.service';
export type { NotificationInput } from './notify.service';
export type { NotificationItem, NotificationPage, NotificationPageQuery, NotificationRecord } from './notify.contract';
export { NotificationPageQuerySchema, NotificationPageSchema, NotificationRecordSchema } from './notify.contract';
export { notifyModule } from './notify.module';
