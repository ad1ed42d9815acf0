import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { invalidField } from '#core/errors';
import { monthEnd, monthStart } from '../common/index';
import { prodOrderLines, prodOrders, prodShipments } from '../demand/index';
import { prodItems } from '../master/index';
import { prodStockDocs, prodStockMoves } from './ledger.schema';
import { type PostedStockDoc, postStockDocument } from './ledger.service';
import type { ShipmentIssueBody, ShipmentOption } from './warehouse-ops.contract';

// A shipment issue (出库单, purpose shipment) against a line of the month's shipment plan
// (PP-5 / PP-16): the warehouse issues the finished goods and the document names the sales
// order sheet it went out for. What the warehouse issued is read back from the ledger.

const SHIPMENT_REF = 'shipment';

/** The shipment plan lines of a month, with what the warehouse has issued against each. */
export async function findShipmentOptions(db: Db, actor: Actor, month: string): Promise<ShipmentOption[]> {
  requireAccess(actor, 'production.read');
  const rows = await db
    .select({
      id: prodShipments.id,
      plannedOn: prodShipments.plannedOn,
      customer: prodOrders.customer,
      salesSheetNumber: prodOrders.salesSheetNumber,
      itemId: prodItems.id,
      code: prodItems.code,
      name: prodItems.name,
      unit: prodItems.unit,
      qty: prodShipments.qty,
    })
    .from(prodShipments)
    .innerJoin(prodOrderLines, and(eq(prodOrderLines.orgId, prodShipments.orgId), eq(prodOrderLines.id, prodShipments.orderLineId)))
    .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderLines.orgId), eq(prodOrders.id, prodOrderLines.orderId)))
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodOrderLines.orgId), eq(prodItems.id, prodOrderLines.itemId)))
    .where(and(eq(prodShipments.orgId, actor.orgId), gte(prodShipments.plannedOn, monthStart(month)), lte(prodShipments.plannedOn, monthEnd(month))))
    .orderBy(asc(prodShipments.plannedOn), asc(prodOrders.customer));
  const issued = await issuedAgainst(
    db,
    actor.orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, issued: issued.get(r.id) ?? 0 }));
}

async function issuedAgainst(db: Db, orgId: string, shipmentIds: string[]): Promise<Map<string, number>> {
  if (shipmentIds.length === 0) return new Map();
  const rows = await db
    .select({ id: prodStockDocs.referenceId, qty: sql<number>`coalesce(sum(-${prodStockMoves.qty}), 0)::float8` })
    .from(prodStockDocs)
    .innerJoin(prodStockMoves, and(eq(prodStockMoves.orgId, prodStockDocs.orgId), eq(prodStockMoves.docId, prodStockDocs.id)))
    .where(
      and(
        eq(prodStockDocs.orgId, orgId),
        eq(prodStockDocs.referenceType, SHIPMENT_REF),
        inArray(prodStockDocs.referenceId, shipmentIds),
        isNull(prodStockDocs.reversedById),
      ),
    )
    .groupBy(prodStockDocs.referenceId);
  return new Map(rows.map((r) => [r.id!, Number(r.qty)]));
}

export async function postShipmentIssue(db: Db, actor: Actor, input: ShipmentIssueBody, now: Date): Promise<PostedStockDoc> {
  requireAccess(actor, 'production.stock.write');
  const [shipment] = await db
    .select({
      id: prodShipments.id,
      itemId: prodOrderLines.itemId,
      customer: prodOrders.customer,
      salesSheetNumber: prodOrders.salesSheetNumber,
      orderNumber: prodOrders.number,
    })
    .from(prodShipments)
    .innerJoin(prodOrderLines, and(eq(prodOrderLines.orgId, prodShipments.orgId), eq(prodOrderLines.id, prodShipments.orderLineId)))
    .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderLines.orgId), eq(prodOrders.id, prodOrderLines.orderId)))
    .where(and(eq(prodShipments.orgId, actor.orgId), eq(prodShipments.id, input.shipmentId)));
  if (!shipment) throw invalidField('shipmentId', '出货计划行不存在', 'unknown shipment');
  return db.transaction((tx) =>
    postStockDocument(
      tx,
      actor,
      {
        kind: 'issue',
        purpose: 'shipment',
        docDate: input.docDate,
        reference: { type: SHIPMENT_REF, id: shipment.id, number: shipment.salesSheetNumber ?? shipment.orderNumber },
        note: [shipment.customer, input.note?.trim()].filter(Boolean).join('；'),
        lines: input.lines.map((l) => ({ itemId: shipment.itemId, locationId: l.locationId, lot: l.lot, qty: l.qty })),
      },
      now,
    ),
  );
}
