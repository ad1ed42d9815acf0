export { definePlatformModule } from './platform.module';
export { addOperator, ensurePlatformOrganisation } from './platform.service';
export type { PlatformDeps } from './platform.service';
export { OPERATOR_ROLE, PLATFORM_ORG_CODE } from './platform.rules';
export type { OrganisationSummary, TemplateOption } from './platform.contract';
