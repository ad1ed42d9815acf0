import { defineModule } from '../http';
import { calendarRoutes } from './calendar.routes';
import { runDueDeadlines } from './deadline.runner';

/** Business days, holidays, deadlines with reminders and escalation (CORE-6). */
export const calendarModule = defineModule({
  name: 'calendar',
  label: { zh: '日历与截止', en: 'Calendar and deadlines' },
  isCore: true,
  routes: [calendarRoutes],
  jobs: [
    async (ctx) => {
      await runDueDeadlines(ctx);
    },
  ],
});
