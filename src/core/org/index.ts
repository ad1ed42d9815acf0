export { departments, organisations, roles, userRoles, users } from './org.schema';
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
export { countOrganisations, createOrganisation, findOrganisationByCode, getOrganisation } from './organisation.service';
export type { OrganisationSeed, RoleSeed } from './organisation.service';
export { orgModule } from './org.module';
export { findUserIdsInDepartment, findUserIdsWithPermission, findUserIdsWithRole } from './directory.service';
