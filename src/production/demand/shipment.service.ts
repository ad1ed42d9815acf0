import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { documents } from '#core/approval';
import { writeAudit } from '#core/audit';
import { completeDeadline } from '#core/calendar';
import type { Db } from '#core/db';
import { invalidField, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission } from '#core/org';
import { monthEnd, monthStart } from '../common/index';
import { prodItems } from '../master/index';
import { summariseCollection, summariseSales } from './demand.rules';
import { prodMonthReports, prodOrderLines, prodOrders, prodSalesPlanLines, prodSalesPlans, prodShipments } from './demand.schema';

export const SALES_STATISTICS_SUBJECT = 'production.sales-statistics';

/** Shipment lines with their order and product, in ship-date order; `within` narrows the dates. */
export function findShipmentLines(db: Db, orgId: string, within?: { from: string; to: string }) {
  return db
    .select({
      id: prodShipments.id,
      plannedOn: prodShipments.plannedOn,
      qty: prodShipments.qty,
      shippedOn: prodShipments.shippedOn,
      shippedQty: prodShipments.shippedQty,
      invoicedAmount: prodShipments.invoicedAmount,
      collectedAmount: prodShipments.collectedAmount,
      version: prodShipments.version,
      orderId: prodOrders.id,
      salesSheetNumber: prodOrders.salesSheetNumber,
      customer: prodOrders.customer,
      itemId: prodItems.id,
      code: prodItems.code,
      name: prodItems.name,
      spec: prodItems.spec,
      unit: prodItems.unit,
    })
    .from(prodShipments)
    .innerJoin(prodOrderLines, and(eq(prodOrderLines.orgId, prodShipments.orgId), eq(prodOrderLines.id, prodShipments.orderLineId)))
    .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderLines.orgId), eq(prodOrders.id, prodOrderLines.orderId)))
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodOrderLines.orgId), eq(prodItems.id, prodOrderLines.itemId)))
    .where(and(eq(prodShipments.orgId, orgId), ...(within ? [gte(prodShipments.plannedOn, within.from), lte(prodShipments.plannedOn, within.to)] : [])))
    .orderBy(asc(prodShipments.plannedOn), asc(prodOrders.customer), asc(prodItems.code));
}

/** PP-5 (T4 第十七条): the month's shipment plan from the approved sales order sheets. */
export async function findShipmentPlan(db: Db, actor: Actor, month: string) {
  requireAccess(actor, 'production.read');
  return findShipmentLines(db, actor.orgId, { from: monthStart(month), to: monthEnd(month) });
}

export interface ShipmentRecord {
  version: number;
  shippedOn?: string | null;
  shippedQty?: number;
  invoicedAmount?: number;
  collectedAmount?: number;
}

export async function recordShipment(db: Db, actor: Actor, id: string, input: ShipmentRecord) {
  if (!hasPermission(actor, 'production.stock.write')) requireAccess(actor, 'production.demand.write');
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(prodShipments)
      .where(and(eq(prodShipments.orgId, actor.orgId), eq(prodShipments.id, id)));
    if (!before) throw notFound('出货计划行', 'Shipment');
    const collected = input.collectedAmount ?? before.collectedAmount;
    const invoiced = input.invoicedAmount ?? before.invoicedAmount;
    if (collected > invoiced + 1e-9) throw invalidField('collectedAmount', '回款不能超过开票金额', 'collection cannot exceed the invoiced amount');
    const [row] = await tx
      .update(prodShipments)
      .set({
        shippedOn: input.shippedOn === undefined ? before.shippedOn : input.shippedOn,
        shippedQty: input.shippedQty ?? before.shippedQty,
        invoicedAmount: invoiced,
        collectedAmount: collected,
        version: sql`${prodShipments.version} + 1`,
      })
      .where(and(eq(prodShipments.orgId, actor.orgId), eq(prodShipments.id, id), eq(prodShipments.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.shipment.record', entity: 'prod_shipment', entityId: id, before, after: row });
    return row;
  });
}

/** T4 第十八条: sales statistics by product and collection by customer for the month. */
export async function getMonthSummary(db: Db, actor: Actor, month: string) {
  requireAccess(actor, 'production.read');
  const shipments = await findShipmentPlan(db, actor, month);
  const planRows = await db
    .select({ itemId: prodSalesPlanLines.itemId, qty: sql<number>`sum(${prodSalesPlanLines.qty})::float8` })
    .from(prodSalesPlanLines)
    .innerJoin(prodSalesPlans, and(eq(prodSalesPlans.orgId, prodSalesPlanLines.orgId), eq(prodSalesPlans.id, prodSalesPlanLines.planId)))
    .innerJoin(documents, and(eq(documents.orgId, prodSalesPlans.orgId), eq(documents.id, prodSalesPlans.documentId)))
    .where(
      and(
        eq(prodSalesPlanLines.orgId, actor.orgId),
        eq(prodSalesPlans.kind, 'monthly'),
        isNotNull(documents.effectiveRevision),
        gte(prodSalesPlanLines.onDate, monthStart(month)),
        lte(prodSalesPlanLines.onDate, monthEnd(month)),
      ),
    )
    .groupBy(prodSalesPlanLines.itemId);
  const sales = summariseSales(new Map(planRows.map((r) => [r.itemId, r.qty])), shipments);
  const ids = sales.map((s) => s.itemId);
  const labels = new Map(
    ids.length
      ? (
          await db
            .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, unit: prodItems.unit })
            .from(prodItems)
            .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, ids)))
        ).map((i) => [i.id, i])
      : [],
  );
  const [report] = await db
    .select()
    .from(prodMonthReports)
    .where(and(eq(prodMonthReports.orgId, actor.orgId), eq(prodMonthReports.month, month)));
  return {
    month,
    sales: sales
      .map((s) => ({ ...s, code: labels.get(s.itemId)?.code ?? '', name: labels.get(s.itemId)?.name ?? '', unit: labels.get(s.itemId)?.unit ?? '' }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    collection: summariseCollection(shipments),
    submittedAt: report?.submittedAt ?? null,
    reportVersion: report?.version ?? null,
  };
}

/** Sends the month-end sales statistics and collection summary to the general manager (PP-5). */
export async function submitMonthReport(db: Db, actor: Actor, month: string, now: Date) {
  requireAccess(actor, 'production.demand.write');
  const summary = await getMonthSummary(db, actor, month);
  return db.transaction(async (tx) => {
    await tx
      .insert(prodMonthReports)
      .values({ orgId: actor.orgId, month, summary, submittedBy: actor.userId, submittedAt: now })
      .onConflictDoUpdate({
        target: [prodMonthReports.orgId, prodMonthReports.month],
        set: { summary, submittedBy: actor.userId, submittedAt: now, version: sql`${prodMonthReports.version} + 1` },
      });
    await completeDeadline(tx, actor, SALES_STATISTICS_SUBJECT, month, now);
    const leaders = await findUserIdsWithPermission(tx, actor.orgId, 'production.plan.approve');
    await notifyUsers(tx, actor.orgId, leaders, {
      kind: 'production.month-report',
      title: { zh: `${month} 产品销售统计表、货款回收汇总表`, en: `Sales statistics and collection summary ${month}` },
      link: `/production/shipments?month=${month}`,
    });
    await writeAudit(tx, actor, { action: 'production.month-report.submit', entity: 'prod_month_report', entityId: month, after: { month } });
    return getMonthSummary(tx, actor, month);
  });
}
