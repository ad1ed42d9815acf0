import { defineModule } from '../http';
import { auditRoutes } from './audit.routes';

/** The append-only audit trail (CORE-10). */
export const auditModule = defineModule({
  name: 'audit',
  label: { zh: '审计日志', en: 'Audit trail' },
  isCore: true,
  permissions: [{ code: 'audit.read', label: { zh: '查看审计日志', en: 'Read audit log' } }],
  routes: [auditRoutes],
});
