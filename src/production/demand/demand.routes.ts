import { z } from 'zod';
import type { Actor } from '#core/access';
import type { Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { actorOf, type RouteModule } from '#core/http';
import { applyCustomerChange, rejectCustomerChange, requestCustomerChange } from './customer-change.service';
import {
  ApplyChangeBody,
  ChangeApplied,
  ConcludeBody,
  CustomerChangeBody,
  CustomerChangeOut,
  IdOut,
  MonthParams,
  MonthQuery,
  MonthSummary,
  NewSalesPlanBody,
  OrderBody,
  OrderCancelBody,
  OrderChangeBody,
  OrderOut,
  OrdersQuery,
  OrderSummary,
  OrderView,
  RejectChangeBody,
  ReviewOpinionBody,
  SalesPlanLinesBody,
  SalesPlanLinesSaved,
  SalesPlanOut,
  SalesPlansQuery,
  SalesPlanSummary,
  SalesPlanView,
  ShipmentChangeBody,
  ShipmentLine,
  ShipmentOut,
} from './demand.contract';
import { concludeReview, findReviewParties, recordReviewOpinion } from './order-review.service';
import { cancelOrder, createOrder, findOrders, getOrder, updateOrder } from './order.service';
import { createSalesPlan, findSalesPlanByDocument, findSalesPlans, getSalesPlan, saveSalesPlanLines } from './sales-plan.service';
import { findShipmentPlan, getMonthSummary, recordShipment, submitMonthReport } from './shipment.service';
import { notFound } from '#core/errors';
import { IdParams } from '#core/validation';

const tags = ['production demand'];
export interface DemandRouteDeps {
  /** PP-12: an order line's quantity or date changed after approval; the plan checks its forecast. */
  onOrderLineChanged: (db: Db, workflows: Workflows, actor: Actor, orderLineId: string, now: Date) => Promise<unknown>;
}

export const makeDemandRoutes =
  (deps: DemandRouteDeps): RouteModule =>
  (app, ctx) => {
    app.get(
      '/production/sales-plans',
      {
        config: { permission: 'production.read' },
        schema: {
          tags,
          summary: '销售计划 Sales plans (PP-1)',
          querystring: SalesPlansQuery,
          response: { 200: z.array(SalesPlanSummary) },
        },
      },
      async (req) => findSalesPlans(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/production/sales-plans',
      {
        config: { permission: 'production.demand.write' },
        schema: {
          tags,
          summary: '新建销售计划 New sales plan (PP-1, PP-2)',
          body: NewSalesPlanBody,
          response: { 201: SalesPlanOut },
        },
      },
      async (req, reply) => reply.code(201).send(await createSalesPlan(ctx.db, ctx.registry.workflows, actorOf(req), req.body, ctx.clock())),
    );
    app.get(
      '/production/sales-plans/:id',
      { config: { permission: 'production.read' }, schema: { tags, summary: '销售计划明细 Sales plan', params: IdParams, response: { 200: SalesPlanView } } },
      async (req) => getSalesPlan(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id),
    );
    app.get(
      '/production/sales-plans/by-document/:id',
      {
        config: { permission: 'production.read' },
        schema: { tags, summary: '按审批文件查找销售计划 Sales plan of a document', params: IdParams, response: { 200: IdOut } },
      },
      async (req) => {
        const row = await findSalesPlanByDocument(ctx.db, actorOf(req).orgId, req.params.id);
        if (!row) throw notFound('销售计划', 'Sales plan');
        return { id: row.id };
      },
    );
    app.put(
      '/production/sales-plans/:id/lines',
      {
        config: { permission: 'production.demand.write' },
        schema: {
          tags,
          summary: '保存销售计划明细 Save sales plan lines',
          params: IdParams,
          body: SalesPlanLinesBody,
          response: { 200: SalesPlanLinesSaved },
        },
      },
      async (req) => saveSalesPlanLines(ctx.db, actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/production/orders',
      {
        config: { permission: 'production.read' },
        schema: {
          tags,
          summary: '订单 Orders (PP-3)',
          querystring: OrdersQuery,
          response: { 200: z.array(OrderSummary) },
        },
      },
      async (req) => findOrders(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/production/orders',
      {
        config: { permission: 'production.demand.write' },
        schema: { tags, summary: '登记订单 Record an order', body: OrderBody, response: { 201: OrderOut } },
      },
      async (req, reply) => reply.code(201).send(await createOrder(ctx.db, actorOf(req), req.body, ctx.clock())),
    );
    app.get(
      '/production/orders/:id',
      { config: { permission: 'production.read' }, schema: { tags, summary: '订单详情 Order', params: IdParams, response: { 200: OrderView } } },
      async (req) => ({ ...(await getOrder(ctx.db, actorOf(req), req.params.id)), reviewParties: await findReviewParties(ctx.db, actorOf(req)) }),
    );
    app.put(
      '/production/orders/:id',
      {
        config: { permission: 'production.demand.write' },
        schema: {
          tags,
          summary: '修改订单 Change an order',
          params: IdParams,
          body: OrderChangeBody,
          response: { 200: OrderOut },
        },
      },
      async (req) => updateOrder(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/production/orders/:id/cancel',
      {
        config: { permission: 'production.demand.write' },
        schema: { tags, summary: '取消订单 Cancel an order', params: IdParams, body: OrderCancelBody, response: { 200: OrderOut } },
      },
      async (req) => cancelOrder(ctx.db, actorOf(req), req.params.id, req.body.version),
    );
    app.post(
      '/production/orders/:id/reviews',
      {
        config: { permission: 'production.read' },
        schema: {
          tags,
          summary: '汇审意见 Joint review opinion (T4 第十四条)',
          params: IdParams,
          body: ReviewOpinionBody,
          response: { 200: OrderOut },
        },
      },
      async (req) => recordReviewOpinion(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
    );
    app.post(
      '/production/orders/:id/conclude',
      {
        config: { permission: 'production.demand.write' },
        schema: {
          tags,
          summary: '汇审结论并报总经理 Conclude the joint review and send it to the GM',
          params: IdParams,
          body: ConcludeBody,
          response: { 200: OrderOut },
        },
      },
      async (req) => concludeReview(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, req.body, ctx.clock()),
    );
    app.post(
      '/production/orders/:id/changes',
      {
        config: { permission: 'production.demand.write' },
        schema: {
          tags,
          summary: '登记客户变更 Record a customer change (PP-4)',
          params: IdParams,
          body: CustomerChangeBody,
          response: { 201: CustomerChangeOut },
        },
      },
      async (req, reply) => reply.code(201).send(await requestCustomerChange(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock())),
    );
    app.post(
      '/production/orders/:id/changes/:changeId/apply',
      {
        config: { permission: 'production.plan.write' },
        schema: {
          tags,
          summary: '执行客户变更 Apply a customer change',
          params: IdParams.extend({ changeId: z.uuid() }),
          body: ApplyChangeBody,
          response: { 200: ChangeApplied },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const result = await applyCustomerChange(ctx.db, actor, req.params.id, req.params.changeId, req.body, ctx.clock());
        const absorption = await deps.onOrderLineChanged(ctx.db, ctx.registry.workflows, actor, result.line.id, ctx.clock());
        return { ...result, absorption };
      },
    );
    app.post(
      '/production/orders/:id/changes/:changeId/reject',
      {
        config: { permission: 'production.plan.write' },
        schema: {
          tags,
          summary: '不能执行的客户变更 Decline a customer change',
          params: IdParams.extend({ changeId: z.uuid() }),
          body: RejectChangeBody,
          response: { 200: CustomerChangeOut },
        },
      },
      async (req) => rejectCustomerChange(ctx.db, actorOf(req), req.params.id, req.params.changeId, req.body, ctx.clock()),
    );

    app.get(
      '/production/shipments',
      {
        config: { permission: 'production.read' },
        schema: { tags, summary: '月出货计划 Monthly shipment plan (PP-5)', querystring: MonthQuery, response: { 200: z.array(ShipmentLine) } },
      },
      async (req) => findShipmentPlan(ctx.db, actorOf(req), req.query.month),
    );
    app.patch(
      '/production/shipments/:id',
      {
        config: { permission: 'production.read' },
        schema: {
          tags,
          summary: '登记出货与回款 Record a shipment and collection',
          params: IdParams,
          body: ShipmentChangeBody,
          response: { 200: ShipmentOut },
        },
      },
      async (req) => recordShipment(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/production/month-summary',
      {
        config: { permission: 'production.read' },
        schema: { tags, summary: '月末销售统计与回款汇总 Month-end summary (PP-5)', querystring: MonthQuery, response: { 200: MonthSummary } },
      },
      async (req) => getMonthSummary(ctx.db, actorOf(req), req.query.month),
    );
    app.post(
      '/production/month-summary/:month/submit',
      {
        config: { permission: 'production.demand.write' },
        schema: { tags, summary: '报送总经理 Send to the GM', params: MonthParams, response: { 200: MonthSummary } },
      },
      async (req) => submitMonthReport(ctx.db, actorOf(req), req.params.month, ctx.clock()),
    );
  };
