import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { documents } from '#core/approval';
import type { Db } from '#core/db';
import { users } from '#core/org';
import { prodItems } from '../master/index';
import { prodPlans } from '../plan/index';
import { receivedByLine } from './open-orders.query';
import type { OpenOrderLine, PurchasePlanSummary, PurchasePlanView } from './purchase.contract';
import { supplierTotals, totalsByUnit } from './purchase.rules';
import { prodPurchaseLines, prodPurchasePlanItems, prodPurchasePlans } from './purchase.schema';
import { getPurchasePlanRow } from './purchase-plan.service';

export const purchasePlanLink = (id: string) => `/production/purchase-plans/${id}`;

export async function findPurchasePlans(
  db: Db,
  actor: Actor,
  filter: { id?: string; sourcePlanId?: string; state?: string; limit?: number } = {},
): Promise<PurchasePlanSummary[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodPurchasePlans.orgId, actor.orgId)];
  if (filter.id) where.push(eq(prodPurchasePlans.id, filter.id));
  if (filter.sourcePlanId) where.push(eq(prodPurchasePlans.sourcePlanId, filter.sourcePlanId));
  if (filter.state) where.push(eq(documents.state, filter.state as 'draft'));
  const received = receivedByLine(db, actor.orgId);
  const counts = db
    .select({
      planId: prodPurchaseLines.purchasePlanId,
      lines: sql<number>`count(*)::int`.as('lines'),
      suppliers: sql<number>`count(distinct ${prodPurchaseLines.supplier})::int`.as('suppliers'),
      received: sql<number>`(count(*) filter (where coalesce(${received.received}, 0) >= ${prodPurchaseLines.qty} - 1e-6))::int`.as('received_lines'),
    })
    .from(prodPurchaseLines)
    .leftJoin(received, eq(received.lineId, prodPurchaseLines.id))
    .where(eq(prodPurchaseLines.orgId, actor.orgId))
    .groupBy(prodPurchaseLines.purchasePlanId)
    .as('counts');
  const rows = await db
    .select({
      p: prodPurchasePlans,
      number: documents.number,
      state: documents.state,
      sourceTitle: prodPlans.title,
      lines: counts.lines,
      suppliers: counts.suppliers,
      received: counts.received,
    })
    .from(prodPurchasePlans)
    .innerJoin(documents, and(eq(documents.orgId, prodPurchasePlans.orgId), eq(documents.id, prodPurchasePlans.documentId)))
    .innerJoin(prodPlans, and(eq(prodPlans.orgId, prodPurchasePlans.orgId), eq(prodPlans.id, prodPurchasePlans.sourcePlanId)))
    .leftJoin(counts, eq(counts.planId, prodPurchasePlans.id))
    .where(and(...where))
    .orderBy(desc(prodPurchasePlans.createdAt))
    .limit(Math.min(filter.limit ?? 100, 500));
  return rows.map(({ p, number, state, sourceTitle, lines, suppliers, received: got }) => ({
    id: p.id,
    documentId: p.documentId,
    number,
    title: p.title,
    state,
    sourcePlanId: p.sourcePlanId,
    sourcePlanTitle: sourceTitle,
    orderPeriod: p.orderPeriod,
    compiledAt: p.compiledAt,
    lines: lines ?? 0,
    suppliers: suppliers ?? 0,
    received: got ?? 0,
    link: purchasePlanLink(p.id),
  }));
}

const lineColumns = (received: ReturnType<typeof receivedByLine>) => ({
  id: prodPurchaseLines.id,
  itemId: prodPurchaseLines.itemId,
  code: prodItems.code,
  name: prodItems.name,
  spec: prodItems.spec,
  unit: prodItems.unit,
  supplier: prodPurchaseLines.supplier,
  periodStart: prodPurchaseLines.periodStart,
  needOn: prodPurchaseLines.needOn,
  releaseOn: prodPurchaseLines.releaseOn,
  gross: prodPurchaseLines.gross,
  net: prodPurchaseLines.net,
  qty: prodPurchaseLines.qty,
  isPastDue: prodPurchaseLines.isPastDue,
  received: sql<number>`coalesce(${received.received}, 0)::float8`,
});

export async function getPurchasePlanView(db: Db, actor: Actor, id: string): Promise<PurchasePlanView> {
  requireAccess(actor, 'production.read');
  const row = await getPurchasePlanRow(db, actor.orgId, id);
  const [[summary], [head], [author]] = await Promise.all([
    findPurchasePlans(db, actor, { id }),
    db
      .select({ sourceDoc: documents.number, materialsAt: prodPlans.materialsAt })
      .from(prodPlans)
      .leftJoin(documents, and(eq(documents.orgId, prodPlans.orgId), eq(documents.id, prodPlans.documentId)))
      .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.id, row.sourcePlanId))),
    db
      .select({ name: users.displayName })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, row.createdBy))),
  ]);
  const materials = await db
    .select({
      itemId: prodPurchasePlanItems.itemId,
      code: prodItems.code,
      name: prodItems.name,
      spec: prodItems.spec,
      unit: prodItems.unit,
      supplier: prodPurchasePlanItems.supplier,
      gross: prodPurchasePlanItems.gross,
      onHand: prodPurchasePlanItems.onHand,
      openOrders: prodPurchasePlanItems.openOrders,
      safety: prodPurchasePlanItems.safety,
      minQty: prodPurchasePlanItems.minQty,
      maxQty: prodPurchasePlanItems.maxQty,
      net: prodPurchasePlanItems.net,
      planned: prodPurchasePlanItems.planned,
    })
    .from(prodPurchasePlanItems)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodPurchasePlanItems.orgId), eq(prodItems.id, prodPurchasePlanItems.itemId)))
    .where(and(eq(prodPurchasePlanItems.orgId, actor.orgId), eq(prodPurchasePlanItems.purchasePlanId, id)))
    .orderBy(asc(prodPurchasePlanItems.supplier), asc(prodItems.code));
  const received = receivedByLine(db, actor.orgId);
  const orders = (
    await db
      .select(lineColumns(received))
      .from(prodPurchaseLines)
      .innerJoin(prodItems, and(eq(prodItems.orgId, prodPurchaseLines.orgId), eq(prodItems.id, prodPurchaseLines.itemId)))
      .leftJoin(received, eq(received.lineId, prodPurchaseLines.id))
      .where(and(eq(prodPurchaseLines.orgId, actor.orgId), eq(prodPurchaseLines.purchasePlanId, id)))
      .orderBy(asc(prodPurchaseLines.supplier), asc(prodPurchaseLines.periodStart), asc(prodItems.code))
  ).map((o) => ({ ...o, received: Number(o.received) }));
  return {
    ...summary,
    sourcePlanNumber: head?.sourceDoc ?? null,
    lotPolicy: row.lotPolicy,
    version: row.version,
    createdByName: author?.name ?? '',
    materials,
    orders,
    suppliers: supplierTotals(orders),
    totals: totalsByUnit(materials, ['gross', 'onHand', 'safety', 'net', 'planned']),
    isStale: !!head?.materialsAt && head.materialsAt > row.compiledAt,
  };
}

/** Lines of approved purchase plans with something still to come: what a receipt is posted against. */
export async function findOpenOrderLines(db: Db, actor: Actor, filter: { purchasePlanId?: string; supplier?: string } = {}): Promise<OpenOrderLine[]> {
  requireAccess(actor, 'production.read');
  const received = receivedByLine(db, actor.orgId);
  const where: SQL[] = [eq(prodPurchaseLines.orgId, actor.orgId), inArray(documents.state, ['approved', 'issued'])];
  if (filter.purchasePlanId) where.push(eq(prodPurchaseLines.purchasePlanId, filter.purchasePlanId));
  if (filter.supplier !== undefined) where.push(eq(prodPurchaseLines.supplier, filter.supplier));
  const rows = await db
    .select({ ...lineColumns(received), purchasePlanId: prodPurchaseLines.purchasePlanId, number: documents.number })
    .from(prodPurchaseLines)
    .innerJoin(prodPurchasePlans, and(eq(prodPurchasePlans.orgId, prodPurchaseLines.orgId), eq(prodPurchasePlans.id, prodPurchaseLines.purchasePlanId)))
    .innerJoin(documents, and(eq(documents.orgId, prodPurchasePlans.orgId), eq(documents.id, prodPurchasePlans.documentId)))
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodPurchaseLines.orgId), eq(prodItems.id, prodPurchaseLines.itemId)))
    .leftJoin(received, eq(received.lineId, prodPurchaseLines.id))
    .where(and(...where))
    .orderBy(asc(prodPurchaseLines.needOn), asc(prodPurchaseLines.supplier), asc(prodItems.code))
    .limit(2000);
  return rows
    .map((r) => ({ ...r, received: Number(r.received), open: Math.max(0, Math.round((r.qty - Number(r.received)) * 1e6) / 1e6) }))
    .filter((r) => r.open > 0);
}
