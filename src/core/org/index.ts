export { departments, organisations, orgModules, roles, userRoles, users } from './org.schema';
export type { DepartmentKind } from './org.schema';
export {
  addDepartment,
  addPerson,
  findDepartments,
  findPeople,
  findRoles,
  getPerson,
  updatePerson,
  updateRolePermissions,
} from './people.service';
export type { NewPerson, PersonChange, PersonView } from './people.service';
export {
  countOrganisations,
  createOrganisation,
  findActiveOrganisationIds,
  isOrganisationActive,
  findOrganisationByCode,
  findOrganisations,
  getOrganisation,
} from './organisation.service';
export { findEnabledModules, findOrgModules, scopedRegistryOf, setModuleEnabled } from './org-modules.service';
export type { ModuleView } from './org-modules.service';
export type { OrganisationSeed, RoleSeed } from './organisation.service';
export { orgModule } from './org.module';
export { findUserIdsInDepartment, findUserIdsWithPermission, findUserIdsWithRole } from './directory.service';
export {
  DEPARTMENT_KINDS,
  DepartmentViewSchema,
  NewDepartmentBody,
  NewPersonBody,
  PersonChangeBody,
  PersonViewSchema,
  RolesPageSchema,
  RoleViewSchema,
} from './org.contract';
export type { DepartmentView, RolesPage, RoleView } from './org.contract';
