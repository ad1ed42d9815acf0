import { z } from 'zod';
import { requireAccess } from '#core/access';
import { actorOf, type RouteModule } from '#core/http';
import { isMonth } from '../common/index';
import { invalidField } from '#core/errors';
import { createLocation, findLocations, reactivateLocation, retireLocation, updateLocation } from './location.service';
import { postShipmentIssue, findShipmentOptions } from './shipment-issue.service';
import { getStockDocument } from './stock.query';
import { findStockDocuments, getDocumentContext } from './stock-docs.query';
import { findStockSummary, getStockCard } from './stock-summary.query';
import { StockDocView } from './warehouse.contract';
import {
  DocumentContext,
  DocumentListQuery,
  DocumentPage,
  LocationBody,
  LocationChange,
  LocationsQuery,
  LocationVersion,
  LocationView,
  ShipmentIssueBody,
  ShipmentOption,
  ShipmentOptionsQuery,
  StockCard,
  StockCardQuery,
  StockSummaryPage,
  StockSummaryQuery,
} from './warehouse-ops.contract';
import { IdParams } from '#core/validation';

const tags = ['production warehouse'];
const LocationRowOut = LocationView.omit({ stockLines: true });

/** Locations, the document list and page, stock on hand with standards, the stock card, shipment issues (PP-16). */
export const warehouseOpsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/locations',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '库位 Locations',
        querystring: LocationsQuery,
        response: { 200: z.array(LocationView) },
      },
    },
    async (req) => findLocations(ctx.db, actorOf(req), req.query.active !== 'true'),
  );
  app.post(
    '/production/locations',
    {
      config: { permission: 'production.stock.write' },
      schema: { tags, summary: '新增库位 Add a location', body: LocationBody, response: { 201: LocationRowOut } },
    },
    async (req, reply) => reply.code(201).send(await createLocation(ctx.db, actorOf(req), req.body)),
  );
  app.patch(
    '/production/locations/:id',
    {
      config: { permission: 'production.stock.write' },
      schema: { tags, summary: '修改库位 Rename a location or change its kind', params: IdParams, body: LocationChange, response: { 200: LocationRowOut } },
    },
    async (req) => updateLocation(ctx.db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/production/locations/:id/retire',
    {
      config: { permission: 'production.stock.write' },
      schema: { tags, summary: '停用库位（须无库存） Retire an empty location', params: IdParams, body: LocationVersion, response: { 200: LocationRowOut } },
    },
    async (req) => retireLocation(ctx.db, actorOf(req), req.params.id, req.body.version),
  );
  app.post(
    '/production/locations/:id/reactivate',
    {
      config: { permission: 'production.stock.write' },
      schema: { tags, summary: '启用库位 Reactivate a location', params: IdParams, body: LocationVersion, response: { 200: LocationRowOut } },
    },
    async (req) => reactivateLocation(ctx.db, actorOf(req), req.params.id, req.body.version),
  );

  app.get(
    '/production/stock-documents',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '仓库单据列表 Warehouse documents, filtered and paged', querystring: DocumentListQuery, response: { 200: DocumentPage } },
    },
    async (req) => {
      const q = req.query;
      if (q.from && q.to && q.to < q.from) throw invalidField('to', '结束日期早于开始日期', 'ends before it starts');
      return findStockDocuments(ctx.db, actorOf(req), q);
    },
  );
  app.get(
    '/production/stock-documents/:id/context',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '单据的经办人、车间、冲销关系、供应商 Who, where and what a document reverses',
        params: IdParams,
        response: { 200: DocumentContext },
      },
    },
    async (req) => getDocumentContext(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/production/stock/summary',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '按物料的库存与最高/最低/安全库存 On hand per item with its standards',
        querystring: StockSummaryQuery,
        response: { 200: StockSummaryPage },
      },
    },
    async (req) => findStockSummary(ctx.db, actorOf(req), req.query),
  );
  app.get(
    '/production/items/:id/stock-card',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '库存台账 The stock card of an item',
        params: IdParams,
        querystring: StockCardQuery,
        response: { 200: StockCard },
      },
    },
    async (req) => getStockCard(ctx.db, actorOf(req), req.params.id, req.query.limit),
  );

  app.get(
    '/production/shipment-issues/options',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '可出库的出货计划行 Shipment lines of a month',
        querystring: ShipmentOptionsQuery,
        response: { 200: z.array(ShipmentOption) },
      },
    },
    async (req) => {
      if (!isMonth(req.query.month)) throw invalidField('month', '月份格式应为 YYYY-MM', 'expected YYYY-MM');
      return findShipmentOptions(ctx.db, actorOf(req), req.query.month);
    },
  );
  app.post(
    '/production/shipment-issues',
    {
      config: { permission: 'production.stock.write' },
      schema: { tags, summary: '销售出库 Issue finished goods for a shipment', body: ShipmentIssueBody, response: { 201: StockDocView } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requireAccess(actor, 'production.stock.write');
      const posted = await postShipmentIssue(ctx.db, actor, req.body, ctx.clock());
      return reply.code(201).send(await getStockDocument(ctx.db, actor.orgId, posted.doc.id));
    },
  );
};
