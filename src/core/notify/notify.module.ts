import { defineModule } from '../http';
import { notifyRoutes } from './notify.routes';

/** The notification centre. */
export const notifyModule = defineModule({ name: 'notify', label: { zh: '通知', en: 'Notifications' }, isCore: true, routes: [notifyRoutes] });
