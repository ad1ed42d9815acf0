import { z } from 'zod';
import { localDateOf, schoolYearOf, termOf, termRange } from '#core/calendar';
import { actorOf, type RouteModule } from '#core/http';
import { getPolicy } from '#core/policy';
import {
  BlackboardCheckSchema,
  BlackboardCheckViewSchema,
  BlackboardScoreSchema,
  FlagRaisingSchema,
  FlagRaisingWeeksSchema,
  LeaguePlanItemSchema,
  LeaguePlanSchema,
  TermPlanSchema,
  ThemedMonthSchema,
} from './work-plan.contract';
import { addPlanItem, createLeaguePlan, getLeaguePlan, updatePlanItem } from './work-plan.service';
import { findBlackboardChecks, findFlagRaisings, saveFlagRaising, scheduleBlackboardChecks, scoreBranch } from './week.service';
import { IdParams } from '#core/validation';

const Day = z.iso.date();
const Year = z.string().regex(/^\d{4}-\d{4}$/);
const TermQ = z.object({ schoolYear: Year.optional(), term: z.coerce.number().int().min(1).max(2).optional() });

export const workPlanRoutes: RouteModule = (app, ctx) => {
  const termOfQuery = async (orgId: string, q: { schoolYear?: string; term?: number }) => {
    const policy = await getPolicy(ctx.db, orgId);
    const today = localDateOf(ctx.clock(), policy.calendar.utcOffsetMinutes);
    const schoolYear = q.schoolYear ?? schoolYearOf(today);
    const term = (q.term ?? termOf(today)) as 1 | 2;
    return { today, schoolYear, term, range: termRange(schoolYear, term) };
  };

  app.get(
    '/league/plan/template',
    {
      config: { permission: 'league.read' },
      schema: { tags: ['league'], summary: 'S5 主题教育月模板 Themed months template', response: { 200: z.array(ThemedMonthSchema) } },
    },
    async (req) => (await getPolicy(ctx.db, actorOf(req).orgId)).league.themedMonths,
  );

  app.get(
    '/league/plan',
    {
      config: { permission: 'league.read' },
      schema: { tags: ['league'], summary: '团委学期工作计划 Term plan by month (YL-2)', querystring: TermQ, response: { 200: TermPlanSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      const t = await termOfQuery(actor.orgId, req.query);
      return { schoolYear: t.schoolYear, term: t.term, plan: await getLeaguePlan(ctx.db, actor, t.schoolYear, t.term) };
    },
  );

  app.post(
    '/league/plan',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '制定学期计划 Create the term plan',
        body: z.object({
          schoolYear: Year,
          term: z.union([z.literal(1), z.literal(2)]),
          title: z.string().max(200),
          guiding: z.string().max(5000).optional(),
          goals: z.string().max(5000).optional(),
          useTemplate: z.boolean(),
        }),
        response: { 201: LeaguePlanSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createLeaguePlan(ctx.db, actorOf(req), req.body)),
  );

  app.post(
    '/league/plan/:id/items',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '增加活动 Add an activity',
        params: IdParams,
        body: z.object({ month: z.number().int().min(1).max(12), theme: z.string().max(50).nullish(), title: z.string().max(200) }),
        response: { 201: LeaguePlanItemSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addPlanItem(ctx.db, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/league/plan/items/:id',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '活动完成情况 Mark an activity',
        params: IdParams,
        body: z.object({
          state: z.enum(['planned', 'done', 'dropped']),
          doneOn: Day.nullish(),
          note: z.string().max(1000).nullish(),
          version: z.number().int(),
        }),
        response: { 200: LeaguePlanItemSchema },
      },
    },
    async (req) => updatePlanItem(ctx.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/league/flag-raisings',
    {
      config: { permission: 'league.read' },
      schema: { tags: ['league'], summary: '每周升旗与主题 Weekly flag-raising (YL-3)', querystring: TermQ, response: { 200: FlagRaisingWeeksSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      const t = await termOfQuery(actor.orgId, req.query);
      return findFlagRaisings(ctx.db, actor, t.range, t.today);
    },
  );

  app.put(
    '/league/flag-raisings',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '本周升旗主题 Save the week’s themes',
        body: z.object({
          weekStart: Day,
          theme: z.string().max(100),
          focus: z.string().max(500).nullish(),
          classMeetingTheme: z.string().max(100).nullish(),
          blackboardTheme: z.string().max(100).nullish(),
          speaker: z.string().max(50).nullish(),
          heldOn: Day.nullish(),
        }),
        response: { 200: FlagRaisingSchema },
      },
    },
    async (req) => saveFlagRaising(ctx.db, actorOf(req), req.body),
  );

  app.get(
    '/league/blackboard',
    {
      config: { permission: 'league.read' },
      schema: { tags: ['league'], summary: '板报检查 Blackboard checks (YL-3)', querystring: TermQ, response: { 200: z.array(BlackboardCheckViewSchema) } },
    },
    async (req) => {
      const actor = actorOf(req);
      const t = await termOfQuery(actor.orgId, req.query);
      return findBlackboardChecks(ctx.db, actor, t.range);
    },
  );

  app.post(
    '/league/blackboard/schedule',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '排定双周检查并公布标准 Schedule bi-weekly checks with published criteria',
        body: z.object({
          firstCheckOn: Day,
          to: Day,
          themes: z.array(z.string().trim().min(1).max(100)).max(20),
          criteria: z
            .array(z.object({ item: z.string().max(100), points: z.number().min(1).max(100) }))
            .max(10)
            .optional(),
        }),
        response: { 200: z.array(BlackboardCheckSchema) },
      },
    },
    async (req) => scheduleBlackboardChecks(ctx.db, actorOf(req), req.body, ctx.clock()),
  );

  app.post(
    '/league/blackboard/:id/scores',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '检查评分 Score a branch',
        params: IdParams,
        body: z.object({ branchId: z.uuid(), scores: z.record(z.string().max(100), z.number()), comment: z.string().max(500).nullish() }),
        response: { 200: BlackboardScoreSchema },
      },
    },
    async (req) => scoreBranch(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
};
