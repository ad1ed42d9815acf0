import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import { addDepartment, addPerson, findDepartments, findPeople, findRoles, updateDepartment, updatePerson, updateRolePermissions } from './people.service';
import { IdParams } from '../validation';
import { AppError } from '../errors';
import { findOrgModules, scopedRegistryOf, setModuleEnabled } from './org-modules.service';
import {
  DepartmentChangeBody,
  DepartmentsQuery,
  DepartmentViewSchema,
  ModuleParams,
  ModuleSwitchBody,
  NewDepartmentBody,
  NewPersonBody,
  PersonChangeBody,
  PersonViewSchema,
  RoleParams,
  RolePermissionsBody,
  RolesPageSchema,
  RoleViewSchema,
} from './org.contract';

export const orgRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/org/people',
    { config: { permission: 'admin.users' }, schema: { tags: ['org'], summary: '人员列表 People', response: { 200: z.array(PersonViewSchema) } } },
    async (req) => findPeople(ctx.db, actorOf(req), ctx.clock()),
  );

  app.post(
    '/org/people',
    {
      config: { permission: 'admin.users' },
      schema: {
        tags: ['org'],
        summary: '新增人员 Add a person',
        body: NewPersonBody,
        response: { 201: PersonViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addPerson(ctx.db, actorOf(req), req.body)),
  );

  app.patch(
    '/org/people/:id',
    {
      config: { permission: 'admin.users' },
      schema: {
        tags: ['org'],
        summary: '修改人员 Change a person',
        params: IdParams,
        body: PersonChangeBody,
        response: { 200: PersonViewSchema },
      },
    },
    async (req) => updatePerson(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.get(
    '/org/departments',
    {
      schema: {
        tags: ['org'],
        summary: '部门、车间、教研组 Departments',
        querystring: DepartmentsQuery,
        response: { 200: z.array(DepartmentViewSchema) },
      },
    },
    async (req) => findDepartments(ctx.db, actorOf(req), { includeRetired: req.query.includeRetired === 'true' }),
  );

  app.patch(
    '/org/departments/:id',
    {
      config: { permission: 'admin.org' },
      schema: {
        tags: ['org'],
        summary: '改名、调整上级、撤销或恢复部门 Rename, move, retire or restore a department',
        params: IdParams,
        body: DepartmentChangeBody,
        response: { 200: DepartmentViewSchema },
      },
    },
    async (req) => updateDepartment(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.post(
    '/org/departments',
    {
      config: { permission: 'admin.org' },
      schema: {
        tags: ['org'],
        summary: '新增部门 Add a department',
        body: NewDepartmentBody,
        response: { 201: DepartmentViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addDepartment(ctx.db, actorOf(req), req.body)),
  );

  app.get('/org/roles', { schema: { tags: ['org'], summary: '角色与权限 Roles', response: { 200: RolesPageSchema } } }, async (req) => ({
    roles: await findRoles(ctx.db, actorOf(req)),
    // Issue 12: only the permissions of the organisation's modules (a plant sees no training ones).
    permissions: (await scopedRegistryOf(ctx.db, ctx.registry, actorOf(req).orgId)).permissions.map((p) => ({ code: p.code, ...p.label })),
  }));

  const ModuleView = z.object({ name: z.string(), label: z.object({ zh: z.string(), en: z.string() }), isOn: z.boolean() });

  // Issue 12: the organisation's modules; any signed-in person (the menu shows only those on).
  app.get(
    '/org/modules',
    { schema: { tags: ['org'], summary: '本组织的模块 Modules of the organisation', response: { 200: z.array(ModuleView) } } },
    async (req) => findOrgModules(ctx.db, ctx.registry, actorOf(req).orgId),
  );

  app.put(
    '/org/modules/:name',
    {
      config: { permission: 'admin.org' },
      schema: {
        tags: ['org'],
        summary: '启用或停用模块 Switch a module on or off',
        params: ModuleParams,
        body: ModuleSwitchBody,
        response: { 200: z.array(ModuleView) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!ctx.registry.optionalModules.some((m) => m.name === req.params.name)) throw new AppError('NOT_FOUND', '模块不存在', 'No such module');
      await setModuleEnabled(ctx.db, actor, req.params.name, req.body.isOn);
      return findOrgModules(ctx.db, ctx.registry, actor.orgId);
    },
  );

  app.put(
    '/org/roles/:code',
    {
      config: { permission: 'admin.roles' },
      schema: {
        tags: ['org'],
        summary: '修改角色权限 Change a role',
        params: RoleParams,
        body: RolePermissionsBody,
        response: { 200: RoleViewSchema },
      },
    },
    async (req) => updateRolePermissions(ctx.db, actorOf(req), req.params.code, req.body, ctx.registry.isDeclaredPermission),
  );
};
