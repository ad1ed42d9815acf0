import { defineModule } from '../http';
import { policyRoutes } from './policy.routes';
import { seedPolicyDemo } from './policy.seed';

/** Policy parameters from the regulation templates, versioned. */
export const policyModule = defineModule({
  name: 'policy',
  label: { zh: '制度参数', en: 'Policy parameters' },
  isCore: true,
  permissions: [{ code: 'admin.policy', label: { zh: '制度参数', en: 'Policy parameters' } }],
  routes: [policyRoutes],
  demo: seedPolicyDemo,
});
