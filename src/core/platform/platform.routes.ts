import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import { IdParams } from '../validation';
import { CreatedOrganisation, DisableBody, NewOrganisationBody, OrganisationSummary, TemplateOption } from './platform.contract';
import {
  assertOperator,
  createOrganisationAsOperator,
  disableOrganisation,
  enableOrganisation,
  findOrganisationSummaries,
  type PlatformDeps,
} from './platform.service';

// Issue 12: the platform operator's routes. The module is on only for the platform
// organisation (others get 404 from the module scope) and every use case checks again.
export const platformRoutes =
  (deps: PlatformDeps): RouteModule =>
  (app, ctx) => {
    const config = { permission: 'platform.orgs' } as const;

    app.get(
      '/platform/organisations',
      { config, schema: { tags: ['platform'], summary: '组织列表与规模 Organisations and their size', response: { 200: z.array(OrganisationSummary) } } },
      async (req) => {
        await assertOperator(ctx.db, actorOf(req));
        return findOrganisationSummaries(ctx.db, ctx.registry, ctx.clock());
      },
    );

    app.post(
      '/platform/organisations',
      {
        config,
        schema: {
          tags: ['platform'],
          summary: '按模板新建组织 Create an organisation from a template',
          body: NewOrganisationBody,
          response: { 201: CreatedOrganisation },
        },
      },
      async (req, reply) => reply.code(201).send(await createOrganisationAsOperator(ctx.db, ctx.registry, deps, actorOf(req), req.body)),
    );

    app.post(
      '/platform/organisations/:id/disable',
      {
        config,
        schema: {
          tags: ['platform'],
          summary: '停用组织 Disable an organisation',
          params: IdParams,
          body: DisableBody,
          response: { 200: OrganisationSummary },
        },
      },
      async (req) => disableOrganisation(ctx.db, ctx.registry, actorOf(req), req.params.id, req.body.reason, ctx.clock()),
    );

    app.post(
      '/platform/organisations/:id/enable',
      { config, schema: { tags: ['platform'], summary: '启用组织 Re-enable an organisation', params: IdParams, response: { 200: OrganisationSummary } } },
      async (req) => enableOrganisation(ctx.db, ctx.registry, actorOf(req), req.params.id, ctx.clock()),
    );

    app.get(
      '/platform/templates',
      { config, schema: { tags: ['platform'], summary: '组织模板 Organisation templates', response: { 200: z.array(TemplateOption) } } },
      async (req) => {
        await assertOperator(ctx.db, actorOf(req));
        return [...deps.templates];
      },
    );
  };
