import { defineModule } from '../http';
import { authRoutes } from './auth.routes';

/** Sign-in, sessions and passwords. */
export const authModule = defineModule({ name: 'auth', label: { zh: '登录', en: 'Sign-in' }, isCore: true, routes: [authRoutes] });
