import { defineModule } from '../http';
import { seedApprovalDemo } from './approval.demo';
import { approvalRoutes } from './approval.routes';
import { remindUnacknowledged } from './distribution.service';

/** Approval chains, versioned documents, distribution and the inbox (CORE-3, CORE-4, CORE-5). */
export const approvalModule = defineModule({
  name: 'approval',
  label: { zh: '审批与文件', en: 'Approvals and documents' },
  isCore: true,
  permissions: [
    { code: 'document.read', label: { zh: '查看文件', en: 'Read documents' } },
    { code: 'document.write', label: { zh: '起草文件', en: 'Draft documents' } },
    { code: 'approval.act', label: { zh: '审批', en: 'Act on approvals' } },
  ],
  policySections: ['approval'],
  routes: [approvalRoutes],
  // Issue 14 item 8: those who have not acknowledged an issued document are reminded daily.
  jobs: [
    async (ctx) => {
      await remindUnacknowledged(ctx.db, ctx.registry.workflows, ctx.clock());
    },
  ],
  demo: seedApprovalDemo,
});
