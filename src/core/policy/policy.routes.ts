import { z } from 'zod';
import { requestLocale } from '../excel';
import { actorOf, type RouteModule } from '../http';
import { scopedRegistryOf } from '../org';
import { FIELD_META, SECTION_LABELS } from './policy.meta';
import { getOrganisation } from '#core/org';
import { POLICY_PRESETS, PRESET_LABELS } from './policy.presets';
import {
  PolicyChangeSchema,
  PolicyDiffQuery,
  PolicyMetaSchema,
  PolicyUpdateBody,
  PolicyVersionParams,
  PolicyVersionRowSchema,
  PolicyViewSchema,
  PresetApplyBody,
  PresetParams,
  PresetValuesSchema,
} from './policy.contract';
import { PRESET_NAMES } from './policy.schema';
import { applyPreset, diffPolicyVersions, findPolicyVersions, getPolicy, getPolicyVersion, getPolicyView, updatePolicy } from './policy.service';

export const policyRoutes: RouteModule = (app, ctx) => {
  app.get('/policy', { schema: { tags: ['policy'], summary: '当前制度参数 Policy in force', response: { 200: PolicyViewSchema } } }, async (req) =>
    getPolicyView(ctx.db, actorOf(req)),
  );

  app.get(
    '/policy/time-zone',
    {
      schema: {
        tags: ['policy'],
        summary: "组织时区 The organisation's time zone",
        response: { 200: z.object({ utcOffsetMinutes: z.number().int() }) },
      },
    },
    // Any signed-in person: the web shows every time in the organisation's zone, not the browser's.
    async (req) => ({ utcOffsetMinutes: (await getPolicy(ctx.db, actorOf(req).orgId)).calendar.utcOffsetMinutes }),
  );

  app.get(
    '/policy/meta',
    { schema: { tags: ['policy'], summary: '参数说明与条款 Field labels, units and clauses', response: { 200: PolicyMetaSchema } } },
    async (req) => {
      const { orgId } = actorOf(req);
      const org = await getOrganisation(ctx.db, orgId);
      return {
        // Issue 12: the sections of the organisation's modules only (a school has no production section).
        sections: Object.fromEntries((await scopedRegistryOf(ctx.db, ctx.registry, orgId)).policySections.map((s) => [s, SECTION_LABELS[s]])),
        fields: FIELD_META,
        // The presets of the organisation's kind only: a plant is not offered a school's or the district's.
        presets: PRESET_NAMES.map((name) => ({ name, ...PRESET_LABELS[name] })).filter((p) => !org || p.kind === org.kind),
      };
    },
  );

  app.get(
    '/policy/presets/:name',
    {
      schema: {
        tags: ['policy'],
        summary: '模板预设值 Preset values',
        params: PresetParams,
        response: { 200: PresetValuesSchema },
      },
    },
    async (req) => ({ name: req.params.name, values: POLICY_PRESETS[req.params.name] }),
  );

  app.put(
    '/policy',
    {
      config: { permission: 'admin.policy' },
      schema: {
        tags: ['policy'],
        summary: '保存新版本 Save a new version',
        // Values are checked by the service so that errors name the policy path itself.
        body: PolicyUpdateBody,
        response: { 200: PolicyViewSchema },
      },
    },
    async (req) => updatePolicy(ctx.db, actorOf(req), { ...req.body, locale: requestLocale(req) }, ctx.registry.policyChecks),
  );

  app.post(
    '/policy/apply-preset',
    {
      config: { permission: 'admin.policy' },
      schema: {
        tags: ['policy'],
        summary: '套用模板 Apply a preset',
        body: PresetApplyBody,
        response: { 200: PolicyViewSchema },
      },
    },
    async (req) => applyPreset(ctx.db, actorOf(req), req.body, ctx.registry.policyChecks),
  );

  app.get(
    '/policy/versions',
    { schema: { tags: ['policy'], summary: '版本历史 Version history', response: { 200: z.array(PolicyVersionRowSchema) } } },
    async (req) => findPolicyVersions(ctx.db, actorOf(req)),
  );

  app.get(
    '/policy/versions/:version',
    { schema: { tags: ['policy'], summary: '某一版本 One version', params: PolicyVersionParams, response: { 200: PolicyViewSchema } } },
    async (req) => getPolicyVersion(ctx.db, actorOf(req), req.params.version),
  );

  app.get(
    '/policy/diff',
    {
      schema: {
        tags: ['policy'],
        summary: '版本差异 Diff of two versions',
        querystring: PolicyDiffQuery,
        response: { 200: z.array(PolicyChangeSchema) },
      },
    },
    async (req) => diffPolicyVersions(ctx.db, actorOf(req), req.query.from, req.query.to),
  );
};
