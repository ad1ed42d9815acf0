import { approvalModule } from '#core/approval';
import { archiveModule } from '#core/archive';
import { assessmentModule } from '#core/assessment';
import { auditModule } from '#core/audit';
import { authModule } from '#core/auth';
import { calendarModule } from '#core/calendar';
import { excelModule } from '#core/excel';
import { AppError } from '#core/errors';
import { defineModule, type ModuleDeclaration, type Registry } from '#core/http';
import { homeModule } from '#core/home';
import { meetingModule } from '#core/meeting';
import { notifyModule } from '#core/notify';
import { orgModule } from '#core/org';
import { definePlatformModule } from '#core/platform';
import { policyModule } from '#core/policy';
import { districtLinksModule, districtModule } from '#district';
import { leagueModule } from '#league';
import { productionModule } from '#production';
import { trainingModule } from '#training';
import { healthRoutes } from './health.routes';
import { createOrganisationFromTemplate, isOrgTemplate, ORG_TEMPLATE_OPTIONS } from './org-templates';
import { composeRegistry } from './registry';

const serverModule = defineModule({ name: 'server', label: { zh: '服务', en: 'Server' }, isCore: true, routes: [healthRoutes] });
// Issue 12: the platform operator's module, given the templates and how an organisation is made.
const platformModule = definePlatformModule({
  templates: ORG_TEMPLATE_OPTIONS,
  createOrganisation: (db, registry, input) => {
    if (!isOrgTemplate(input.template)) throw new AppError('VALIDATION_FAILED', '没有此模板', 'Unknown template', [{ field: 'template', reason: 'unknown' }]);
    return createOrganisationFromTemplate(db, registry, { ...input, template: input.template });
  },
});

// Every module the app is made of, in mounting and seeding order. One line per module.
export const APP_MODULES: readonly ModuleDeclaration[] = [
  serverModule,
  authModule,
  orgModule,
  auditModule,
  notifyModule,
  approvalModule,
  policyModule,
  calendarModule,
  meetingModule,
  assessmentModule,
  archiveModule,
  excelModule,
  homeModule,
  platformModule,
  productionModule,
  trainingModule,
  districtModule,
  districtLinksModule,
  leagueModule,
];

/** The registry of the whole app; the server, the CLI and the tests build it the same way. */
export const composeAppRegistry = (): Registry => {
  const registry = composeRegistry(APP_MODULES);
  // The platform module belongs to the platform organisation alone: no admin may switch it on.
  return { ...registry, optionalModules: registry.optionalModules.filter((m) => m !== platformModule) };
};
