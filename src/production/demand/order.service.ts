import { and, asc, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { users } from '#core/org';
import { nextProductionNumber } from '../common/index';
import { prodItems } from '../master/index';
import { type OrderRow, type OrderState, prodOrderChanges, prodOrderLines, prodOrderReviews, prodOrders } from './demand.schema';
import type { OrderChangeBody, OrderInput, OrderLineInput } from './demand.contract';

export const orderLink = (id: string) => `/production/orders/${id}`;

export type { OrderInput, OrderLineInput } from './demand.contract';

export async function getOrderRow(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<OrderRow> {
  const q = db
    .select()
    .from(prodOrders)
    .where(and(eq(prodOrders.orgId, orgId), eq(prodOrders.id, id)));
  const [row] = options.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('订单', 'Order');
  return row;
}

async function checkLines(db: Db, orgId: string, input: OrderInput) {
  if (!input.customer.trim()) throw invalidField('customer', '请填写客户', 'the customer is required');
  if (input.lines.length === 0) throw invalidField('lines', '订单至少需要一行', 'an order needs at least one line');
  const ids = [...new Set(input.lines.map((l) => l.itemId))];
  const found = await db
    .select({ id: prodItems.id, category: prodItems.category })
    .from(prodItems)
    .where(and(eq(prodItems.orgId, orgId), eq(prodItems.isActive, true), inArray(prodItems.id, ids)));
  const known = new Set(found.map((f) => f.id));
  input.lines.forEach((l, i) => {
    if (!known.has(l.itemId)) throw invalidField(`lines[${i}].itemId`, '产品不存在', 'unknown product');
    if (!(l.qty > 0)) throw invalidField(`lines[${i}].qty`, '数量须大于 0', 'quantity must be above 0');
    if (l.requestedShipOn < input.receivedOn)
      throw invalidField(`lines[${i}].requestedShipOn`, '要求发货日期早于接单日期', 'requested ship date is before the order was received');
  });
}

const lineRows = (orgId: string, orderId: string, lines: OrderLineInput[]) =>
  lines.map((l, i) => ({ orgId, orderId, lineNo: i + 1, itemId: l.itemId, qty: l.qty, requestedShipOn: l.requestedShipOn, unitPrice: l.unitPrice ?? null }));

/** PP-3: a contract, oral or written order or a delivery request, as the market department receives it. */
export async function createOrder(db: Db, actor: Actor, input: OrderInput, now: Date) {
  requireAccess(actor, 'production.demand.write');
  await checkLines(db, actor.orgId, input);
  return db.transaction(async (tx) => {
    const number = await nextProductionNumber(tx, actor.orgId, 'DD', Number(input.receivedOn.slice(0, 4)));
    const [row] = await tx
      .insert(prodOrders)
      .values({
        orgId: actor.orgId,
        number,
        kind: input.kind,
        customer: input.customer.trim(),
        contact: input.contact ?? '',
        receivedOn: input.receivedOn,
        note: input.note ?? '',
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await tx.insert(prodOrderLines).values(lineRows(actor.orgId, row.id, input.lines));
    await writeAudit(tx, actor, { action: 'production.order.create', entity: 'prod_order', entityId: row.id, after: { ...row, lines: input.lines } });
    return row;
  });
}

/** Before the joint review concludes, the market department may still correct the order. */
export async function updateOrder(db: Db, actor: Actor, id: string, input: OrderChangeBody) {
  requireAccess(actor, 'production.demand.write');
  const before = await getOrderRow(db, actor.orgId, id);
  if (!['received', 'in_review', 'rejected'].includes(before.state))
    throw invalidState('订单已提交审批或已批准，不能修改；客户变更请走变更确认', 'The order is submitted or approved; record a customer change instead');
  await checkLines(db, actor.orgId, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodOrders)
      .set({
        kind: input.kind,
        customer: input.customer.trim(),
        contact: input.contact ?? '',
        receivedOn: input.receivedOn,
        note: input.note ?? '',
        version: sql`${prodOrders.version} + 1`,
      })
      .where(and(eq(prodOrders.orgId, actor.orgId), eq(prodOrders.id, id), eq(prodOrders.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await tx.delete(prodOrderLines).where(and(eq(prodOrderLines.orgId, actor.orgId), eq(prodOrderLines.orderId, id)));
    await tx.insert(prodOrderLines).values(lineRows(actor.orgId, id, input.lines));
    // Opinions were given on the old figures.
    await tx.delete(prodOrderReviews).where(and(eq(prodOrderReviews.orgId, actor.orgId), eq(prodOrderReviews.orderId, id)));
    await writeAudit(tx, actor, { action: 'production.order.update', entity: 'prod_order', entityId: id, before, after: { ...row, lines: input.lines } });
    return row;
  });
}

export async function cancelOrder(db: Db, actor: Actor, id: string, version: number) {
  requireAccess(actor, 'production.demand.write');
  const before = await getOrderRow(db, actor.orgId, id);
  if (before.state === 'submitted' || before.state === 'approved')
    throw invalidState('已提交或已批准的订单不能直接取消，请走客户变更', 'A submitted or approved order is changed through a customer change');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodOrders)
      .set({ state: 'cancelled', version: sql`${prodOrders.version} + 1` })
      .where(and(eq(prodOrders.orgId, actor.orgId), eq(prodOrders.id, id), eq(prodOrders.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'production.order.cancel',
      entity: 'prod_order',
      entityId: id,
      before: { state: before.state },
      after: { state: 'cancelled' },
    });
    return row;
  });
}

export async function findOrderLines(db: Db, orgId: string, orderId: string) {
  return db
    .select({ line: prodOrderLines, code: prodItems.code, name: prodItems.name, spec: prodItems.spec, unit: prodItems.unit })
    .from(prodOrderLines)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodOrderLines.orgId), eq(prodItems.id, prodOrderLines.itemId)))
    .where(and(eq(prodOrderLines.orgId, orgId), eq(prodOrderLines.orderId, orderId)))
    .orderBy(asc(prodOrderLines.lineNo));
}

export async function getOrder(db: Db, actor: Actor, id: string) {
  requireAccess(actor, 'production.read');
  const order = await getOrderRow(db, actor.orgId, id);
  const [lines, reviews, changes] = await Promise.all([
    findOrderLines(db, actor.orgId, id),
    db
      .select({ r: prodOrderReviews, reviewerName: users.displayName })
      .from(prodOrderReviews)
      .innerJoin(users, and(eq(users.orgId, prodOrderReviews.orgId), eq(users.id, prodOrderReviews.reviewerId)))
      .where(and(eq(prodOrderReviews.orgId, actor.orgId), eq(prodOrderReviews.orderId, id))),
    db
      .select()
      .from(prodOrderChanges)
      .where(and(eq(prodOrderChanges.orgId, actor.orgId), eq(prodOrderChanges.orderId, id)))
      .orderBy(desc(prodOrderChanges.createdAt)),
  ]);
  return {
    ...order,
    lines: lines.map(({ line, ...item }) => ({ ...line, ...item })),
    reviews: reviews.map(({ r, reviewerName }) => ({ ...r, reviewerName })),
    changes,
  };
}

export interface OrderFilter {
  state?: OrderState;
  from?: string;
  to?: string;
  q?: string;
  limit?: number;
}

export async function findOrders(db: Db, actor: Actor, filter: OrderFilter = {}) {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodOrders.orgId, actor.orgId)];
  if (filter.state) where.push(eq(prodOrders.state, filter.state));
  if (filter.from) where.push(gte(prodOrders.receivedOn, filter.from));
  if (filter.to) where.push(lte(prodOrders.receivedOn, filter.to));
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(prodOrders.customer, like), ilike(prodOrders.number, like), ilike(prodOrders.salesSheetNumber, like))!);
  }
  const totals = db
    .select({
      orderId: prodOrderLines.orderId,
      qty: sql<number>`sum(coalesce(${prodOrderLines.agreedQty}, ${prodOrderLines.qty}))::float8`.as('qty'),
      firstShip: sql<string>`min(coalesce(${prodOrderLines.agreedShipOn}, ${prodOrderLines.requestedShipOn}))::text`.as('first_ship'),
      n: sql<number>`count(*)::int`.as('n'),
    })
    .from(prodOrderLines)
    .where(eq(prodOrderLines.orgId, actor.orgId))
    .groupBy(prodOrderLines.orderId)
    .as('totals');
  const rows = await db
    .select({ o: prodOrders, qty: totals.qty, firstShip: totals.firstShip, n: totals.n })
    .from(prodOrders)
    .leftJoin(totals, eq(totals.orderId, prodOrders.id))
    .where(and(...where))
    .orderBy(desc(prodOrders.receivedOn), desc(prodOrders.number))
    .limit(Math.min(filter.limit ?? 200, 1000));
  return rows.map(({ o, qty, firstShip, n }) => ({ ...o, totalQty: qty ?? 0, firstShipOn: firstShip, lineCount: n ?? 0, link: orderLink(o.id) }));
}
