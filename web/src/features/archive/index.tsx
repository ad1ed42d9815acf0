import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const ArchivePage = lazyPage(() => import('./archive.page'), 'ArchivePage');
const ExcelPage = lazyPage(() => import('./excel.page'), 'ExcelPage');

export const archiveRoutes: AppRoute[] = [
  { path: '/archive', element: <ArchivePage />, menu: { section: 'home', label: tx('档案', 'Archives'), order: 30 } },
  {
    path: '/admin/excel',
    element: <ExcelPage />,
    menu: { section: 'admin', label: tx('Excel 导入导出', 'Excel import/export'), permission: 'excel.import', order: 60 },
  },
];
