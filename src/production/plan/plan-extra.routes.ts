import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { applyLevelPlan, findAnnualInputs, getLevelPlan, saveAnnualInput } from './level-plan.service';
import { AnnualInputOut, AnnualInputView, LevelPlanView, LinesSaved, PlanOut, AnnualInputBody, PlanVersionBody, WeeklyDeriveBody } from './plan.contract';
import { PlanFromRequest, PlanRequestOut, PlanRequestRow, PlanRequestView, PlanRequestBody } from './plan-request.contract';
import { ANNUAL_PARTIES } from './plan.schema';
import { PlanSignatures, PlanSignaturesParams } from './plan-signatures.contract';
import { getPlanSignatures } from './plan-signatures.service';
import { ReserveCeilingParams, ReserveCeilings } from './reserve-ceiling.contract';
import { getReserveCeilings } from './reserve-ceiling.service';
import { createPlanFromRequest, createPlanRequest, findPlanRequests, getPlanRequest, reevaluatePlanRequest } from './request.service';
import { confirmWeeklyPlan, deriveWeeklyPlans } from './weekly-plan.service';
import { IdParams as Id } from '#core/validation';

const tags = ['production plans'];

/** Weekly (PP-10), special and temporary (PP-11), level (PP-7) and annual inputs (PP-6). */
export const planExtraRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/production/plans/:id/weekly',
    {
      config: { permission: 'production.plan.write' },
      schema: {
        tags,
        summary: '分解车间周计划 Derive weekly workshop plans (PP-10)',
        params: Id,
        body: WeeklyDeriveBody,
        response: { 200: z.array(PlanOut) },
      },
    },
    async (req) => deriveWeeklyPlans(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, req.body.weekOf, ctx.clock()),
  );
  app.post(
    '/production/plans/:id/confirm',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '车间确认周计划 Confirm a weekly plan', params: Id, body: PlanVersionBody, response: { 200: PlanOut } },
    },
    async (req) => confirmWeeklyPlan(ctx.db, actorOf(req), req.params.id, req.body.version, ctx.clock()),
  );
  app.get(
    '/production/plans/:id/signatures',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '打印签字栏：电子审批记录 Signature lines from the approval records (issue 14 item 11)',
        params: PlanSignaturesParams,
        response: { 200: PlanSignatures },
      },
    },
    async (req) => getPlanSignatures(ctx.db, actorOf(req), req.params.id),
  );
  app.get(
    '/production/plans/:id/level',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '综合平衡（均衡生产）Level plan (PP-7)', params: Id, response: { 200: LevelPlanView } },
    },
    async (req) => getLevelPlan(ctx.db, actorOf(req), req.params.id),
  );
  app.get(
    '/production/plans/:id/ceilings',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '物资准备和在制品最高储备量（按最大产量）Material and WIP ceilings at maximum output (PP-7)',
        params: ReserveCeilingParams,
        response: { 200: ReserveCeilings },
      },
    },
    async (req) => getReserveCeilings(ctx.db, actorOf(req), req.params.id),
  );
  app.post(
    '/production/plans/:id/level/apply',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '采用均衡方案 Apply the level plan', params: Id, body: PlanVersionBody, response: { 200: LinesSaved } },
    },
    async (req) => applyLevelPlan(ctx.db, actorOf(req), req.params.id, req.body.version, ctx.clock()),
  );
  app.get(
    '/production/plans/:id/annual-inputs',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '各部门年度计划资料 Department inputs (PP-6)', params: Id, response: { 200: z.array(AnnualInputView) } },
    },
    async (req) => findAnnualInputs(ctx.db, actorOf(req), req.params.id),
  );
  app.put(
    '/production/plans/:id/annual-inputs/:party',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '提交年度计划资料 Give a department input',
        params: Id.extend({ party: z.enum(ANNUAL_PARTIES) }),
        body: AnnualInputBody,
        response: { 200: AnnualInputOut },
      },
    },
    async (req) => saveAnnualInput(ctx.db, actorOf(req), req.params.id, { party: req.params.party, content: req.body.content }, ctx.clock()),
  );

  app.get(
    '/production/requests',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '专项/临时需求 Special and temporary requirements (PP-11)', response: { 200: z.array(PlanRequestRow) } },
    },
    async (req) => findPlanRequests(ctx.db, actorOf(req)),
  );
  app.post(
    '/production/requests',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '登记专项/临时需求（自动可行性评估）Record a requirement; feasibility is judged at once',
        body: PlanRequestBody,
        response: { 201: PlanRequestOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createPlanRequest(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
  app.get(
    '/production/requests/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '需求详情与书面反馈 Requirement and feedback', params: Id, response: { 200: PlanRequestView } },
    },
    async (req) => getPlanRequest(ctx.db, actorOf(req), req.params.id),
  );
  app.post(
    '/production/requests/:id/evaluate',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '重新评估 Re-judge feasibility', params: Id, body: PlanVersionBody, response: { 200: PlanRequestOut } },
    },
    async (req) => reevaluatePlanRequest(ctx.db, actorOf(req), req.params.id, req.body.version, ctx.clock()),
  );
  app.post(
    '/production/requests/:id/plan',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '编制专项/临时计划 Make its plan', params: Id, body: PlanVersionBody, response: { 200: PlanFromRequest } },
    },
    async (req) => createPlanFromRequest(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, req.body.version, ctx.clock()),
  );
};
