import { z } from 'zod';
import { requireAccess } from '#core/access';
import { actorOf, type RouteModule } from '#core/http';
import { checkRequisitionPosting } from '../requisition/index';
import { postStockDocument, reverseStockDocument } from './ledger.service';
import { findOnHand, getStockDocument } from './stock.query';
import { OnHandQuery, OnHandRow, ReverseBody, StockDocBody, StockDocView } from './warehouse.contract';
import { IdParams } from '#core/validation';

const tags = ['production warehouse'];

export const warehouseRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/stock',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '库存（按物料、库位、批次）Stock on hand by item, location and lot (PP-16)',
        querystring: OnHandQuery,
        response: { 200: z.array(OnHandRow) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAccess(actor, 'production.read');
      const q = req.query;
      return findOnHand(ctx.db, actor.orgId, {
        itemIds: q.itemId ? [q.itemId] : undefined,
        locationId: q.locationId,
        q: q.q,
        includeZero: q.includeZero === 'true',
        limit: q.limit,
      });
    },
  );

  app.post(
    '/production/stock-documents',
    {
      config: { permission: 'production.stock.write' },
      schema: { tags, summary: '过账仓库单据 Post a receipt, issue, transfer or count (PP-16)', body: StockDocBody, response: { 201: StockDocView } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requireAccess(actor, 'production.stock.write');
      // PP-17: an issue for a requisition goes out only against an approved one, within it.
      const posted = await ctx.db.transaction(async (tx) => postStockDocument(tx, actor, await checkRequisitionPosting(tx, actor, req.body), ctx.clock()));
      return reply.code(201).send(await getStockDocument(ctx.db, actor.orgId, posted.doc.id));
    },
  );

  app.get(
    '/production/stock-documents/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '仓库单据 A warehouse document with its lines', params: IdParams, response: { 200: StockDocView } },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAccess(actor, 'production.read');
      return getStockDocument(ctx.db, actor.orgId, req.params.id);
    },
  );

  app.post(
    '/production/stock-documents/:id/reverse',
    {
      config: { permission: 'production.stock.write' },
      schema: {
        tags,
        summary: '冲销 Reverse a wrong document (never edited or deleted)',
        params: IdParams,
        body: ReverseBody,
        response: { 201: StockDocView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requireAccess(actor, 'production.stock.write');
      const posted = await ctx.db.transaction((tx) => reverseStockDocument(tx, actor, req.params.id, req.body.reason, ctx.clock()));
      return reply.code(201).send(await getStockDocument(ctx.db, actor.orgId, posted.doc.id));
    },
  );
};
