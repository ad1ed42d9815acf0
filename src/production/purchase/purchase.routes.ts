import { z } from 'zod';
import { requireAccess } from '#core/access';
import { exportSheet, exportWorkbook, requestLocale, XLSX_MIME } from '#core/excel';
import { actorOf, type RouteModule, sendFile } from '#core/http';
import { getStockDocument, StockDocView } from '../warehouse/index';
import { and, eq } from 'drizzle-orm';
import { notFound } from '#core/errors';
import { getMaterialPlan } from './material-plan.service';
import {
  CompileBody,
  MaterialPlanExportQuery,
  MaterialPlanQuery,
  MaterialPlanView,
  OpenOrderLine,
  OpenOrderLinesQuery,
  PurchasePlanSummary,
  PurchasePlansQuery,
  PurchasePlanView,
  PurchaseReceiptBody,
  ShortageView,
  VersionBody,
} from './purchase.contract';
import { findOpenOrderLines, findPurchasePlans, getPurchasePlanView } from './purchase-plan.query';
import { compilePurchasePlan, recompilePurchasePlan } from './purchase-plan.service';
import { prodPurchasePlans } from './purchase.schema';
import { postPurchaseReceipt } from './purchase-receipt.service';
import { materialPlanWorkbook, purchaseOrderRows, purchaseOrderSheet } from './purchase.sheet';
import { findShortages } from './shortage.service';
import { IdParams as Id } from '#core/validation';

const tags = ['production purchase'];

/** The purchase plan (PP-15), receipts against it, shortages and the plan's material view. */
export const purchaseRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/purchase-plans',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '物资采购计划 Purchase plans',
        querystring: PurchasePlansQuery,
        response: { 200: z.array(PurchasePlanSummary) },
      },
    },
    async (req) => findPurchasePlans(ctx.db, actorOf(req), { sourcePlanId: req.query.sourcePlanId }),
  );
  app.post(
    '/production/purchase-plans',
    {
      config: { permission: 'production.purchase.write' },
      schema: {
        tags,
        summary: '按已下达的生产计划编制采购计划 Compile a purchase plan (T4 第二十三条)',
        body: CompileBody,
        response: { 201: PurchasePlanView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await compilePurchasePlan(ctx.db, ctx.registry.workflows, actor, req.body, ctx.clock());
      return reply.code(201).send(await getPurchasePlanView(ctx.db, actor, row.id));
    },
  );
  app.get(
    '/production/purchase-plans/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '采购计划明细 A purchase plan: netting, orders per supplier and period', params: Id, response: { 200: PurchasePlanView } },
    },
    async (req) => getPurchasePlanView(ctx.db, actorOf(req), req.params.id),
  );
  app.get(
    '/production/purchase-plan-doc/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '由审批文件找到采购计划 The purchase plan of an approval document', params: Id, response: { 200: z.object({ id: z.uuid() }) } },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAccess(actor, 'production.read');
      const [row] = await ctx.db
        .select({ id: prodPurchasePlans.id })
        .from(prodPurchasePlans)
        .where(and(eq(prodPurchasePlans.orgId, actor.orgId), eq(prodPurchasePlans.documentId, req.params.id)));
      if (!row) throw notFound('采购计划', 'Purchase plan');
      return row;
    },
  );
  app.post(
    '/production/purchase-plans/:id/recompile',
    {
      config: { permission: 'production.purchase.write' },
      schema: { tags, summary: '重新编制（草稿） Compile a draft again', params: Id, body: VersionBody, response: { 200: PurchasePlanView } },
    },
    async (req) => {
      const actor = actorOf(req);
      await recompilePurchasePlan(ctx.db, ctx.registry.workflows, actor, req.params.id, req.body.version, ctx.clock());
      return getPurchasePlanView(ctx.db, actor, req.params.id);
    },
  );
  app.get(
    '/production/purchase-plans/:id/export',
    { config: { permission: 'production.read' }, schema: { tags, summary: '导出 Excel Export the order lines', params: Id } },
    async (req, reply) => {
      const view = await getPurchasePlanView(ctx.db, actorOf(req), req.params.id);
      const body = await exportSheet(purchaseOrderSheet, purchaseOrderRows(view), requestLocale(req));
      return sendFile(reply, `${view.number}-${view.title}.xlsx`, XLSX_MIME, body);
    },
  );
  app.get(
    '/production/purchase-orders/open',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '未到齐的采购订单行 Open purchase order lines',
        querystring: OpenOrderLinesQuery,
        response: { 200: z.array(OpenOrderLine) },
      },
    },
    async (req) => findOpenOrderLines(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/production/purchase-receipts',
    {
      config: { permission: 'production.stock.write' },
      schema: {
        tags,
        summary: '采购入库（可按采购计划行） Purchase receipt, against an approved plan or not',
        body: PurchaseReceiptBody,
        response: { 201: StockDocView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const posted = await postPurchaseReceipt(ctx.db, actor, req.body, ctx.clock());
      return reply.code(201).send(await getStockDocument(ctx.db, actor.orgId, posted.doc.id));
    },
  );
  app.get(
    '/production/shortages',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '缺料预警与欠料 Shortages ahead and recorded (T4 第二十六、二十七条)', response: { 200: ShortageView } },
    },
    async (req) => findShortages(ctx.db, actorOf(req), ctx.clock()),
  );
  app.get(
    '/production/plans/:id/material-plan',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '计划的物料需求：净需求与按周合并的订单 The plan’s material netting and orders per period',
        params: Id,
        querystring: MaterialPlanQuery,
        response: { 200: MaterialPlanView },
      },
    },
    async (req) => getMaterialPlan(ctx.db, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/production/plans/:id/material-plan/export',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '导出物料需求：按周订单、净需求、合计 Export the plan’s material orders, netting and totals',
        params: Id,
        querystring: MaterialPlanExportQuery,
      },
    },
    async (req, reply) => {
      const view = await getMaterialPlan(ctx.db, actorOf(req), req.params.id, { period: req.query.period });
      const body = await exportWorkbook(materialPlanWorkbook(view), requestLocale(req));
      return sendFile(reply, `${view.title}-物料需求.xlsx`, XLSX_MIME, body);
    },
  );
};
