import { defineModule } from '../http';
import { adminHomeSource } from './admin.home';
import { homeRoutes } from './home.routes';

/** 工作台: each person's first screen, composed from every module's home source (issue 15 item 3). */
export const homeModule = defineModule({
  name: 'home',
  label: { zh: '工作台', en: 'Home' },
  isCore: true,
  routes: [homeRoutes],
  homeSources: [adminHomeSource],
});
