import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const ApprovalChainsPage = lazyPage(() => import('./approval-chains.page'), 'ApprovalChainsPage');
const DocumentPage = lazyPage(() => import('./document.page'), 'DocumentPage');
const DocumentsPage = lazyPage(() => import('./documents.page'), 'DocumentsPage');
const InboxPage = lazyPage(() => import('./inbox.page'), 'InboxPage');

export const approvalRoutes: AppRoute[] = [
  { path: '/inbox', element: <InboxPage />, menu: { section: 'home', label: tx('我的待办', 'My inbox'), order: 1 } },
  { path: '/documents', element: <DocumentsPage />, menu: { section: 'home', label: tx('文件', 'Documents'), permission: 'document.read', order: 2 } },
  { path: '/documents/:id', element: <DocumentPage /> },
  {
    path: '/admin/approval-chains',
    element: <ApprovalChainsPage />,
    menu: { section: 'admin', label: tx('审批流程', 'Approval chains'), permission: 'admin.policy', order: 30 },
  },
];
