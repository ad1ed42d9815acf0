import { defineModule } from '../http';
import { calendarRoutes } from './calendar.routes';
import { runDueDeadlines } from './deadline.runner';

/** Business days, holidays, deadlines with reminders and escalation (CORE-6). */
export const calendarModule = defineModule({
  name: 'calendar',
  label: { zh: '日历与截止', en: 'Calendar and deadlines' },
  isCore: true,
  policySections: ['calendar', 'deadlines'],
  routes: [calendarRoutes],
  audit: {
    actions: {
      'holiday.add': { zh: '添加节假日', en: 'Added a holiday' },
      'holiday.update': { zh: '修改节假日', en: 'Changed a holiday' },
      'holiday.remove': { zh: '删除节假日', en: 'Removed a holiday' },
      'holiday.import': { zh: '导入国家节假日', en: 'Imported national holidays' },
      'deadline.create': { zh: '新建期限', en: 'Created a deadline' },
      'deadline.complete': { zh: '完成期限事项', en: 'Completed a deadline' },
      'deadline.cancel': { zh: '取消期限', en: 'Cancelled a deadline' },
      'deadline.missed': { zh: '期限逾期', en: 'Deadline missed' },
    },
    entities: { holiday: { zh: '节假日', en: 'Holiday' }, deadline: { zh: '期限', en: 'Deadline' } },
    fields: {
      isWorkday: { zh: '调休上班', en: 'Working day' },
      added: { zh: '新增天数', en: 'Days added' },
      kept: { zh: '保留天数', en: 'Days kept' },
      year: { zh: '年份', en: 'Year' },
    },
  },
  jobs: [
    async (ctx) => {
      await runDueDeadlines(ctx);
    },
  ],
});
