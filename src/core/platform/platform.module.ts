import { defineModule, type ModuleDeclaration } from '../http';
import { platformRoutes } from './platform.routes';
import type { PlatformDeps } from './platform.service';

/**
 * The platform operator (issue 12): a role above organisations, held by the people of the one
 * organisation of kind 'platform'. Only that organisation has the module; no admin can switch
 * it on (the server leaves it out of the optional modules).
 */
export const definePlatformModule = (deps: PlatformDeps): ModuleDeclaration =>
  defineModule({
    name: 'platform',
    label: { zh: '平台运营', en: 'Platform operation' },
    defaultFor: ['platform'],
    permissions: [{ code: 'platform.orgs', label: { zh: '平台运营', en: 'Platform operation' } }],
    routes: [platformRoutes(deps)],
    audit: {
      actions: {
        'platform.init': { zh: '建立平台组织', en: 'Set up the platform' },
        'platform.org.create': { zh: '新建组织', en: 'Created an organisation' },
        'platform.org.disable': { zh: '停用组织', en: 'Disabled an organisation' },
        'platform.org.enable': { zh: '启用组织', en: 'Re-enabled an organisation' },
      },
      entities: { organisation: { zh: '组织', en: 'Organisation' } },
      fields: {
        state: { zh: '状态', en: 'State' },
        reason: { zh: '原因', en: 'Reason' },
        template: { zh: '模板', en: 'Template' },
        admin: { zh: '管理员', en: 'Administrator' },
      },
    },
  });
