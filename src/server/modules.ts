import { approvalModule } from '#core/approval';
import { archiveModule } from '#core/archive';
import { assessmentModule } from '#core/assessment';
import { auditModule } from '#core/audit';
import { authModule } from '#core/auth';
import { calendarModule } from '#core/calendar';
import { excelModule } from '#core/excel';
import { defineModule, type ModuleDeclaration, type Registry } from '#core/http';
import { homeModule } from '#core/home';
import { meetingModule } from '#core/meeting';
import { notifyModule } from '#core/notify';
import { orgModule } from '#core/org';
import { policyModule } from '#core/policy';
import { districtLinksModule, districtModule } from '#district';
import { leagueModule } from '#league';
import { productionModule } from '#production';
import { trainingModule } from '#training';
import { healthRoutes } from './health.routes';
import { composeRegistry } from './registry';

const serverModule = defineModule({ name: 'server', label: { zh: '服务', en: 'Server' }, isCore: true, routes: [healthRoutes] });

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
  productionModule,
  trainingModule,
  districtModule,
  districtLinksModule,
  leagueModule,
];

/** The registry of the whole app; the server, the CLI and the tests build it the same way. */
export const composeAppRegistry = (): Registry => composeRegistry(APP_MODULES);
