import { z } from 'zod';
import type { DepartmentKind } from './org.schema';

// What the people, departments and roles API answers (admin pages). No secret leaves here:
// the person view carries no password hash, the role no more than its permissions.

export const DEPARTMENT_KINDS = ['department', 'workshop', 'teaching_group', 'leadership_group', 'league'] as const satisfies readonly DepartmentKind[];

/** POST /org/people: a new person. The people import checks each new row with it (issue 16). */
export const NewPersonBody = z.object({
  username: z.string().min(2).max(64),
  displayName: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  departmentId: z.uuid().nullish(),
  positions: z.array(z.string().max(50)).max(20).optional(),
  phone: z.string().max(30).nullish(),
  roles: z.array(z.string()).max(20).optional(),
});

/** PATCH /org/people/:id: a change to a person. The people import checks each known row with it (issue 16). */
export const PersonChangeBody = z.object({
  version: z.number().int(),
  displayName: z.string().min(1).max(100).optional(),
  departmentId: z.uuid().nullish(),
  positions: z.array(z.string().max(50)).max(20).optional(),
  phone: z.string().max(30).nullish(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  isActive: z.boolean().optional(),
  roles: z.array(z.string()).max(20).optional(),
  newPassword: z.string().max(200).optional(),
  unlock: z.boolean().optional(),
});

/** POST /org/departments: a new department. The departments import checks each row with it (issue 16). */
export const NewDepartmentBody = z.object({
  name: z.string().min(1).max(100),
  kind: z.enum(DEPARTMENT_KINDS),
  parentId: z.uuid().nullish(),
});

export const PersonViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.string().nullable(),
  positions: z.array(z.string()),
  phone: z.string().nullable(),
  locale: z.string(),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  roles: z.array(z.string()),
  version: z.number().int(),
});
export type PersonView = z.infer<typeof PersonViewSchema>;

export const DepartmentViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  name: z.string(),
  kind: z.enum(DEPARTMENT_KINDS),
  parentId: z.string().nullable(),
  sort: z.number().int(),
  version: z.number().int(),
  createdAt: z.date(),
  /** Retired departments stay for the records that name them; nobody can be placed in one. */
  retiredAt: z.date().nullable(),
});
export type DepartmentView = z.infer<typeof DepartmentViewSchema>;

export const RoleViewSchema = z.object({
  orgId: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.string()),
  version: z.number().int(),
});
export type RoleView = z.infer<typeof RoleViewSchema>;

export const RolesPageSchema = z.object({
  roles: z.array(RoleViewSchema),
  /** The permissions of the organisation's modules, with their names. */
  permissions: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
});
export type RolesPage = z.infer<typeof RolesPageSchema>;

/** GET /org/departments: includeRetired=true lists the retired ones too. */
export const DepartmentsQuery = z.object({ includeRetired: z.enum(['true', 'false']).optional() });

export const DepartmentChangeBody = z.object({
  version: z.number().int(),
  name: z.string().min(1).max(100).optional(),
  parentId: z.uuid().nullish(),
  retired: z.boolean().optional(),
});
export type DepartmentChange = z.infer<typeof DepartmentChangeBody>;

/** PUT /org/modules/:name: the optional module's name. */
export const ModuleParams = z.object({ name: z.string().max(64) });

export const ModuleSwitchBody = z.object({ isOn: z.boolean() });

/** PUT /org/roles/:code: the role's code. */
export const RoleParams = z.object({ code: z.string() });

export const RolePermissionsBody = z.object({ permissions: z.array(z.string()), version: z.number().int() });
