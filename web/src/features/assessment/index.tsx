import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const FindingsPrintPage = lazyPage(() => import('./findings-print.page'), 'FindingsPrintPage');
const FindingsPage = lazyPage(() => import('./findings.page'), 'FindingsPage');

export const assessmentRoutes: AppRoute[] = [
  { path: '/assessment', element: <FindingsPage />, menu: { section: 'home', label: tx('考核结果', 'Findings'), order: 20 } },
  { path: '/assessment/print', element: <FindingsPrintPage /> },
];
