import { z } from 'zod';
import { localDateOf, schoolYearOf, termOf, termRange } from '#core/calendar';
import { actorOf, type RouteModule } from '#core/http';
import { getPolicy } from '#core/policy';
import {
  BlackboardCheckSchema,
  BlackboardCheckViewSchema,
  BlackboardScheduleBody,
  BlackboardScoreSchema,
  BranchScoreBody,
  FlagRaisingBody,
  FlagRaisingSchema,
  FlagRaisingWeeksSchema,
  LeaguePlanItemSchema,
  LeaguePlanSchema,
  NewPlanBody,
  NewPlanItemBody,
  PlanItemChangeBody,
  TermPlanSchema,
  TermQuery,
  ThemedMonthSchema,
} from './work-plan.contract';
import { addPlanItem, createLeaguePlan, getLeaguePlan, updatePlanItem } from './work-plan.service';
import { findBlackboardChecks, findFlagRaisings, saveFlagRaising, scheduleBlackboardChecks, scoreBranch } from './week.service';
import { IdParams } from '#core/validation';

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
      schema: { tags: ['league'], summary: '团委学期工作计划 Term plan by month (YL-2)', querystring: TermQuery, response: { 200: TermPlanSchema } },
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
        body: NewPlanBody,
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
        body: NewPlanItemBody,
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
        body: PlanItemChangeBody,
        response: { 200: LeaguePlanItemSchema },
      },
    },
    async (req) => updatePlanItem(ctx.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/league/flag-raisings',
    {
      config: { permission: 'league.read' },
      schema: { tags: ['league'], summary: '每周升旗与主题 Weekly flag-raising (YL-3)', querystring: TermQuery, response: { 200: FlagRaisingWeeksSchema } },
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
        body: FlagRaisingBody,
        response: { 200: FlagRaisingSchema },
      },
    },
    async (req) => saveFlagRaising(ctx.db, actorOf(req), req.body),
  );

  app.get(
    '/league/blackboard',
    {
      config: { permission: 'league.read' },
      schema: { tags: ['league'], summary: '板报检查 Blackboard checks (YL-3)', querystring: TermQuery, response: { 200: z.array(BlackboardCheckViewSchema) } },
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
        body: BlackboardScheduleBody,
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
        body: BranchScoreBody,
        response: { 200: BlackboardScoreSchema },
      },
    },
    async (req) => scoreBranch(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
};
