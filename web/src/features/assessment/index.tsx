import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { FindingsPrintPage } from './findings-print.page';
import { FindingsPage } from './findings.page';

export const assessmentRoutes: AppRoute[] = [
  { path: '/assessment', element: <FindingsPage />, menu: { section: 'home', label: tx('考核结果', 'Findings'), order: 20 } },
  { path: '/assessment/print', element: <FindingsPrintPage /> },
];
