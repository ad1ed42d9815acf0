import { defineModule } from '../http';
import { assessmentRoutes, findingsExcelTable } from './assessment.routes';

/** Findings from rules, each citing its clause; disputes and confirmation (CORE-8). */
export const assessmentModule = defineModule({
  name: 'assessment',
  label: { zh: '考核', en: 'Assessment' },
  isCore: true,
  permissions: [
    { code: 'assessment.read', label: { zh: '查看考核', en: 'Read assessment' } },
    { code: 'assessment.manage', label: { zh: '考核管理', en: 'Manage assessment' } },
  ],
  routes: [assessmentRoutes],
  excelTables: [findingsExcelTable],
});
