import { z } from 'zod';
import { requireAccess } from '#core/access';
import { invalidField } from '#core/errors';
import { actorOf, type RouteModule } from '#core/http';
import { dayCount } from '../common/index';
import { createBomLine, deleteBomLine, findBomLines, updateBomLine } from './bom.service';
import { approveSafetyStock, createItem, findItems, updateItem, updateStock } from './item.service';
import {
  BomLineBody,
  BomQuery,
  BomLineOut,
  BomLineView,
  CapacityCalendarQuery,
  CapacityCalendarRow,
  ItemBody,
  ItemOut,
  ItemsQuery,
  ItemWithStock,
  RoutingBody,
  RoutingOpOut,
  RoutingOpView,
  RoutingsQuery,
  SafetyApproveBody,
  StockLevelsChangeBody,
  StockStandards,
  WorkshopBody,
  WorkshopDayBody,
  WorkshopDayOut,
  WorkshopOut,
} from './master.contract';
import { findRoutingOps, saveRouting } from './routing.service';
import {
  type CalendarHooks,
  createWorkshop,
  findWorkshopDays,
  findWorkshops,
  loadWorkshopCapacity,
  removeWorkshopDay,
  setWorkshopDay,
  updateWorkshop,
} from './workshop.service';
import { IdParams, VersionQuery } from '#core/validation';

const tags = ['production master'];

/** Issue 14 item 1: the composition root passes what a calendar change sets off (plans recomputed). */
export interface MasterRouteHooks {
  onCalendarChanged?: CalendarHooks['onCalendarChanged'];
}

export const makeMasterRoutes =
  (hooks: MasterRouteHooks = {}): RouteModule =>
  (app, ctx) => {
    const calendar = (): CalendarHooks | undefined => (hooks.onCalendarChanged ? { now: ctx.clock(), onCalendarChanged: hooks.onCalendarChanged } : undefined);
    app.get(
      '/production/items',
      {
        config: { permission: 'production.read' },
        schema: {
          tags,
          summary: '物料 Items with stock',
          querystring: ItemsQuery,
          response: { 200: z.array(ItemWithStock) },
        },
      },
      async (req) => findItems(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/production/items',
      { config: { permission: 'production.master.write' }, schema: { tags, summary: '新增物料 Add an item', body: ItemBody, response: { 201: ItemOut } } },
      async (req, reply) => reply.code(201).send(await createItem(ctx.db, actorOf(req), req.body)),
    );
    app.patch(
      '/production/items/:id',
      {
        config: { permission: 'production.master.write' },
        schema: {
          tags,
          summary: '修改物料 Change an item',
          params: IdParams,
          body: ItemBody.partial().extend({ version: z.number().int() }),
          response: { 200: ItemOut },
        },
      },
      async (req) => updateItem(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.put(
      '/production/items/:id/stock',
      {
        config: { permission: 'production.read' },
        schema: {
          tags,
          summary: '库存与最高/最低/安全库存 Stock levels',
          params: IdParams,
          // Strict: what is on hand changes only through warehouse documents, so an onHand here is refused, not dropped.
          body: StockLevelsChangeBody,
          response: { 200: StockStandards },
        },
      },
      async (req) => updateStock(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
    );
    app.post(
      '/production/items/:id/stock/approve-safety',
      {
        config: { permission: 'production.plan.approve' },
        schema: {
          tags,
          summary: '批准安全库存 Approve the safety stock (T4 第二十四条)',
          params: IdParams,
          body: SafetyApproveBody,
          response: { 200: StockStandards },
        },
      },
      async (req) => approveSafetyStock(ctx.db, actorOf(req), req.params.id, req.body.version, ctx.clock()),
    );

    app.get(
      '/production/bom',
      {
        config: { permission: 'production.read' },
        schema: { tags, summary: '物料清单 BOM lines', querystring: BomQuery, response: { 200: z.array(BomLineView) } },
      },
      async (req) => findBomLines(ctx.db, actorOf(req), req.query.parentItemId),
    );
    app.post(
      '/production/bom',
      {
        config: { permission: 'production.master.write' },
        schema: {
          tags,
          summary: '新增物料清单行 Add a BOM line',
          body: BomLineBody,
          response: { 201: BomLineOut },
        },
      },
      async (req, reply) => reply.code(201).send(await createBomLine(ctx.db, actorOf(req), req.body)),
    );
    app.patch(
      '/production/bom/:id',
      {
        config: { permission: 'production.master.write' },
        schema: {
          tags,
          summary: '修改物料清单行 Change a BOM line',
          params: IdParams,
          body: BomLineBody.pick({ qtyPer: true, scrapRate: true, yieldRate: true }).partial().extend({ version: z.number().int() }),
          response: { 200: BomLineOut },
        },
      },
      async (req) => updateBomLine(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/production/bom/:id',
      {
        config: { permission: 'production.master.write' },
        schema: {
          tags,
          summary: '删除物料清单行 Remove a BOM line',
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await deleteBomLine(ctx.db, actorOf(req), req.params.id, req.query.version);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/production/workshops',
      { config: { permission: 'production.read' }, schema: { tags, summary: '车间 Workshops', response: { 200: z.array(WorkshopOut) } } },
      async (req) => findWorkshops(ctx.db, actorOf(req)),
    );
    app.post(
      '/production/workshops',
      {
        config: { permission: 'production.master.write' },
        schema: { tags, summary: '新增车间 Add a workshop', body: WorkshopBody, response: { 201: WorkshopOut } },
      },
      async (req, reply) => reply.code(201).send(await createWorkshop(ctx.db, actorOf(req), req.body)),
    );
    app.patch(
      '/production/workshops/:id',
      {
        config: { permission: 'production.master.write' },
        schema: {
          tags,
          summary: '修改车间 Change a workshop',
          params: IdParams,
          body: WorkshopBody.partial().extend({ version: z.number().int() }),
          response: { 200: WorkshopOut },
        },
      },
      async (req) => updateWorkshop(ctx.db, actorOf(req), req.params.id, req.body, calendar()),
    );
    app.get(
      '/production/workshops/:id/days',
      {
        config: { permission: 'production.read' },
        schema: { tags, summary: '产能日历例外 Calendar exceptions', params: IdParams, response: { 200: z.array(WorkshopDayOut) } },
      },
      async (req) => findWorkshopDays(ctx.db, actorOf(req), req.params.id),
    );
    app.put(
      '/production/workshops/:id/days/:day',
      {
        config: { permission: 'production.master.write' },
        schema: {
          tags,
          summary: '设置例外日（加班、停产） Set an exception day',
          params: IdParams.extend({ day: z.iso.date() }),
          body: WorkshopDayBody,
          response: { 200: WorkshopDayOut },
        },
      },
      async (req) => setWorkshopDay(ctx.db, actorOf(req), req.params.id, { day: req.params.day, ...req.body }, calendar()),
    );
    app.delete(
      '/production/workshops/:id/days/:day',
      {
        config: { permission: 'production.master.write' },
        schema: { tags, summary: '删除例外日 Remove an exception day', params: IdParams.extend({ day: z.iso.date() }), response: { 204: z.null() } },
      },
      async (req, reply) => {
        await removeWorkshopDay(ctx.db, actorOf(req), req.params.id, req.params.day, calendar());
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/production/capacity-calendar',
      {
        config: { permission: 'production.read' },
        schema: {
          tags,
          summary: '各车间每日产能（小时） Capacity hours per day',
          querystring: CapacityCalendarQuery,
          response: { 200: z.array(CapacityCalendarRow) },
        },
      },
      async (req) => {
        requireAccess(actorOf(req), 'production.read');
        const { from, to } = req.query;
        if (to < from) throw invalidField('to', '结束日期早于开始日期', 'ends before it starts');
        if (dayCount(from, to) > 400) throw invalidField('to', '最长 400 天', 'at most 400 days');
        const rows = await loadWorkshopCapacity(ctx.db, actorOf(req).orgId, from, to);
        return rows.map((r) => ({ id: r.workshop.id, code: r.workshop.code, name: r.workshop.name, hours: r.hours }));
      },
    );

    app.get(
      '/production/routings',
      {
        config: { permission: 'production.read' },
        schema: { tags, summary: '工艺路线 Routings', querystring: RoutingsQuery, response: { 200: z.array(RoutingOpView) } },
      },
      async (req) => findRoutingOps(ctx.db, actorOf(req), req.query.itemId),
    );
    app.put(
      '/production/items/:id/routing',
      {
        config: { permission: 'production.master.write' },
        schema: {
          tags,
          summary: '保存工艺路线 Save an item’s routing',
          params: IdParams,
          body: RoutingBody,
          response: { 200: z.array(RoutingOpOut) },
        },
      },
      async (req) => saveRouting(ctx.db, actorOf(req), req.params.id, req.body),
    );
  };

export const masterRoutes: RouteModule = makeMasterRoutes();
