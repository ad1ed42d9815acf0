import { defineModule } from '../http';
import { departmentsExcelTable } from './departments.table';
import { excelRoutes } from './excel.routes';
import { peopleExcelTable } from './people.table';

/** Excel import and export of every main table, printable headers (CORE-11). */
export const excelModule = defineModule({
  name: 'excel',
  label: { zh: 'Excel 导入导出', en: 'Excel import and export' },
  isCore: true,
  permissions: [{ code: 'excel.import', label: { zh: 'Excel 导入', en: 'Excel import' } }],
  routes: [excelRoutes],
  excelTables: [peopleExcelTable, departmentsExcelTable],
});
