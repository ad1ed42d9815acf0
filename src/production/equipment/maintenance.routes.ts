import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import {
  BalanceQuery,
  MaintenanceBalance,
  MaintenanceLinesInput,
  MaintenancePlanCreate,
  MaintenancePlanSummary,
  MaintenancePlanView,
  SlotDone,
  SlotMove,
} from './maintenance.contract';
import { completeSlot, getMaintenanceBalance, moveSlot } from './maintenance-balance.service';
import {
  createMaintenancePlan,
  findMaintenancePlanByDocument,
  findMaintenancePlans,
  getMaintenancePlan,
  saveMaintenanceLines,
} from './maintenance-plan.service';
import { notFound } from '#core/errors';
import { IdParams } from '#core/validation';

const tags = ['production equipment'];
const SlotAnswer = z.object({ id: z.string(), plannedOn: z.string(), version: z.number() });

/** PP-25 (T4 第四十八、四十九条): the annual maintenance plan and its monthly balance. */
export const maintenanceRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/equipment/maintenance-plans',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '年度设备保养计划 Annual maintenance plans (PP-25)', response: { 200: z.array(MaintenancePlanSummary) } },
    },
    async (req) => findMaintenancePlans(ctx.db, actorOf(req)),
  );
  app.post(
    '/production/equipment/maintenance-plans',
    {
      config: { permission: 'production.equipment.write' },
      schema: { tags, summary: '制定年度保养计划 New annual plan', body: MaintenancePlanCreate, response: { 201: MaintenancePlanSummary } },
    },
    async (req, reply) => reply.code(201).send(await createMaintenancePlan(ctx.db, ctx.registry.workflows, actorOf(req), req.body, ctx.clock())),
  );
  app.get(
    '/production/equipment/maintenance-plans/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '年度设备保养计划 Annual plan with its lines and approval', params: IdParams, response: { 200: MaintenancePlanView } },
    },
    async (req) => getMaintenancePlan(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id),
  );
  app.get(
    '/production/equipment/maintenance-plans/by-document/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '由审批文件打开 The plan of an approval document', params: IdParams, response: { 200: z.object({ id: z.string() }) } },
    },
    async (req) => {
      const plan = await findMaintenancePlanByDocument(ctx.db, actorOf(req).orgId, req.params.id);
      if (!plan) throw notFound('设备保养计划', 'Maintenance plan');
      return { id: plan.id };
    },
  );
  app.put(
    '/production/equipment/maintenance-plans/:id/lines',
    {
      config: { permission: 'production.equipment.write' },
      schema: {
        tags,
        summary: '保养计划明细 Plan lines (draft)',
        params: IdParams,
        body: MaintenanceLinesInput,
        response: { 200: z.object({ version: z.number(), lines: z.number() }) },
      },
    },
    async (req) => saveMaintenanceLines(ctx.db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/production/equipment/maintenance/balance',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '保养与生产负荷平衡 Maintenance against production load (T4 第四十九条)',
        querystring: BalanceQuery,
        response: { 200: MaintenanceBalance },
      },
    },
    async (req) => getMaintenanceBalance(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
  app.post(
    '/production/equipment/maintenance/slots/:id/move',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '调整保养日期 Move a maintenance slot', params: IdParams, body: SlotMove, response: { 200: SlotAnswer } },
    },
    async (req) => moveSlot(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.post(
    '/production/equipment/maintenance/slots/:id/done',
    {
      config: { permission: 'production.equipment.write' },
      schema: { tags, summary: '保养完成 Maintenance done', params: IdParams, body: SlotDone, response: { 200: SlotAnswer } },
    },
    async (req) => completeSlot(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
};
