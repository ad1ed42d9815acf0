import { defineModule } from '../http';
import { archiveExcelTable, archiveRoutes } from './archive.routes';

/** Attachments on any record, the organisation and personal archives (CORE-9). */
export const archiveModule = defineModule({
  name: 'archive',
  label: { zh: '档案', en: 'Archives' },
  isCore: true,
  permissions: [
    { code: 'archive.read', label: { zh: '查看档案', en: 'Read archives' } },
    { code: 'archive.write', label: { zh: '上传档案', en: 'Upload to archives' } },
  ],
  routes: [archiveRoutes],
  excelTables: [archiveExcelTable],
});
