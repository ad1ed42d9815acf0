import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '#core/errors';
import { importFailed, requestLocale, XLSX_MIME } from '#core/excel';
import { actorOf, type RouteModule, sendFile } from '#core/http';
import { findAbsorptions } from './absorption.service';
import { findOrderHeadroom, recheckPendingOrders } from './order-headroom.service';
import { addCountermeasure, computePlanCapacityOf, removeCountermeasure } from './plan-capacity.service';
import { exportPlanWorkbook, importPlanWorkbook } from './plan-excel';
import { copyPlanFromPrevious, fillPlanFromDemand } from './plan-fill.service';
import { savePlanLines } from './plan-lines.service';
import { getPlanMaterials, runPlanMaterials } from './plan-materials.service';
import { submitPlan } from './plan-submit.service';
import { diffPlanRevisions, getPlanIdByDocument, getPlanView } from './plan-view.service';
import { findWorkingLines, getPlanRow } from './plan.query';
import {
  AbsorptionResultOut,
  AbsorptionRow,
  CapacityCheck,
  CapacityPreviewBody,
  CountermeasureBody,
  CountermeasureOut,
  LinesSaved,
  MaterialSummaryOut,
  NewPlanBody,
  OrderHeadroom,
  PlanDiff,
  PlanDiffQuery,
  PlanIdOut,
  PlanLinesBody,
  PlanMaterials,
  PlanOut,
  PlansQuery,
  PlanSubmitBody,
  PlanSummary,
  PlanVersionBody,
  PlanView,
} from './plan.contract';
import { createPlan, findPlans } from './plan.service';
import { requireAccess } from '#core/access';
import { orgToday as localToday } from '#core/calendar';
import { IdParams as Id, VersionQuery } from '#core/validation';

const tags = ['production plans'];
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function readWorkbook(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw new AppError('VALIDATION_FAILED', '请以表单方式上传文件', 'Upload the file as multipart/form-data', [
      { field: 'file', reason: 'multipart required' },
    ]);
  const file = await req.file();
  if (!file) throw new AppError('VALIDATION_FAILED', '缺少上传文件', 'No file was uploaded', [{ field: 'file', reason: 'required' }]);
  const buffer = await file.toBuffer();
  if (!/\.xlsx$/i.test(file.filename) || buffer.subarray(0, 4).compare(ZIP_MAGIC) !== 0)
    throw importFailed([{ reason: '只能导入 .xlsx 格式的 Excel 文件 / only .xlsx workbooks' }]);
  return buffer;
}

export const planRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/plans',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '生产计划 Production plans',
        querystring: PlansQuery,
        response: { 200: z.array(PlanSummary) },
      },
    },
    async (req) => findPlans(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/production/plans',
    {
      config: { permission: 'production.plan.write' },
      schema: {
        tags,
        summary: '新建年度/季度/月度计划 New annual, quarterly or monthly plan',
        body: NewPlanBody,
        response: { 201: PlanOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createPlan(ctx.db, ctx.registry.workflows, actorOf(req), req.body, ctx.clock())),
  );
  app.get(
    '/production/plans/:id',
    { config: { permission: 'production.read' }, schema: { tags, summary: '计划明细、产能热力图、审批 Plan view', params: Id, response: { 200: PlanView } } },
    async (req) => getPlanView(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, ctx.clock()),
  );
  app.get(
    '/production/plans/by-document/:id',
    { config: { permission: 'production.read' }, schema: { tags, summary: '按审批文件查找计划 Plan of a document', params: Id, response: { 200: PlanIdOut } } },
    async (req) => getPlanIdByDocument(ctx.db, actorOf(req), req.params.id),
  );
  app.put(
    '/production/plans/:id/lines',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '保存计划明细（整表或变更行）Save plan lines',
        params: Id,
        body: PlanLinesBody,
        response: { 200: LinesSaved },
      },
    },
    async (req) => savePlanLines(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.post(
    '/production/plans/:id/capacity-preview',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '未保存修改的产能预览 Capacity of unsaved edits (PP-9)',
        params: Id,
        body: CapacityPreviewBody,
        response: { 200: CapacityCheck },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAccess(actor, 'production.read');
      const plan = await getPlanRow(ctx.db, actor.orgId, req.params.id);
      const changed = new Map(req.body.upsert.map((l) => [l.itemId, l]));
      const removed = new Set(req.body.remove ?? []);
      const lines = (await findWorkingLines(ctx.db, actor.orgId, plan.id)).filter((l) => !changed.has(l.itemId) && !removed.has(l.itemId));
      return computePlanCapacityOf(ctx.db, plan, await localToday(ctx.db, actor.orgId, ctx.clock()), [...lines, ...req.body.upsert]);
    },
  );
  app.post(
    '/production/plans/:id/copy-previous',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '复制上期 Copy the previous period', params: Id, body: PlanVersionBody, response: { 200: LinesSaved } },
    },
    async (req) => copyPlanFromPrevious(ctx.db, actorOf(req), req.params.id, req.body.version, ctx.clock()),
  );
  app.post(
    '/production/plans/:id/fill-demand',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '按销售计划和订单生成 Fill from demand (PP-8)', params: Id, body: PlanVersionBody, response: { 200: LinesSaved } },
    },
    async (req) => fillPlanFromDemand(ctx.db, actorOf(req), req.params.id, req.body.version, ctx.clock()),
  );
  app.post(
    '/production/plans/:id/submit',
    {
      config: { permission: 'document.write' },
      schema: {
        tags,
        summary: '提交审批（须通过产能检查）Submit (capacity-checked)',
        params: Id,
        body: PlanSubmitBody,
        response: { 200: PlanView },
      },
    },
    async (req) => {
      await submitPlan(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, req.body, ctx.clock());
      return getPlanView(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, ctx.clock());
    },
  );
  app.get(
    '/production/plans/:id/excel',
    { config: { permission: 'production.read' }, schema: { tags, summary: '导出计划 Excel Export the grid', params: Id } },
    async (req, reply) => {
      const file = await exportPlanWorkbook(ctx.db, actorOf(req), req.params.id, requestLocale(req));
      return sendFile(reply, file.fileName, XLSX_MIME, file.body);
    },
  );
  app.post(
    '/production/plans/:id/excel',
    {
      config: { permission: 'excel.import' },
      schema: {
        tags,
        summary: '导入计划 Excel（全部成功或全部不写入）Import the grid',
        params: Id,
        querystring: VersionQuery,
        response: { 200: LinesSaved },
      },
    },
    async (req) => importPlanWorkbook(ctx.db, actorOf(req), req.params.id, req.query.version, await readWorkbook(req), requestLocale(req), ctx.clock()),
  );
  app.post(
    '/production/plans/:id/countermeasures',
    {
      // The service decides: planners, or a workshop's own people on its weekly plan.
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '记录超产能应对措施 Record a countermeasure (PP-9)',
        params: Id,
        body: CountermeasureBody,
        response: { 201: CountermeasureOut },
      },
    },
    async (req, reply) => reply.code(201).send(await addCountermeasure(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock())),
  );
  app.delete(
    '/production/plans/:id/countermeasures/:cmId',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '删除应对措施 Remove a countermeasure',
        params: Id.extend({ cmId: z.uuid() }),
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeCountermeasure(ctx.db, actorOf(req), req.params.id, req.params.cmId, req.query.version);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/production/plans/:id/materials',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '零件、采购、外协计划 Part, purchase and outsourcing plans (PP-8)', params: Id, response: { 200: PlanMaterials } },
    },
    async (req) => getPlanMaterials(ctx.db, actorOf(req), req.params.id),
  );
  app.post(
    '/production/plans/:id/materials/run',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '重新分解 Run the MRP decomposition', params: Id, response: { 200: MaterialSummaryOut } },
    },
    async (req) => runPlanMaterials(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );
  app.get(
    '/production/plans/:id/diff',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '版本对比 Diff of revisions (CORE-4)', params: Id, querystring: PlanDiffQuery, response: { 200: PlanDiff } },
    },
    async (req) => diffPlanRevisions(ctx.db, actorOf(req), req.params.id, req.query.from, req.query.to),
  );
  app.get(
    '/production/plans/:id/absorptions',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '计划后订单的处理 Orders after the plan (PP-12)', params: Id, response: { 200: z.array(AbsorptionRow) } },
    },
    async (req) => {
      const actor = actorOf(req);
      await getPlanRow(ctx.db, actor.orgId, req.params.id);
      return (await findAbsorptions(ctx.db, actor.orgId, req.params.id)).map(({ a, ...o }) => ({ ...a, ...o }));
    },
  );
  app.get(
    '/production/plans/:id/order-headroom',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '各产品预估量、本月订货与余量 Forecast, orders and headroom per product (PP-12)', params: Id, response: { 200: OrderHeadroom } },
    },
    async (req) => findOrderHeadroom(ctx.db, actorOf(req), req.params.id),
  );
  app.post(
    '/production/plans/:id/absorptions/recheck',
    {
      config: { permission: 'production.plan.write' },
      schema: {
        tags,
        summary: '核对待处理的计划后订单 Check the pending orders against the plan (PP-12)',
        params: Id,
        response: { 200: z.array(AbsorptionResultOut) },
      },
    },
    async (req) => recheckPendingOrders(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, ctx.clock()),
  );
};
