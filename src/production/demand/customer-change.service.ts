import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsInDepartment, findUserIdsWithPermission } from '#core/org';
import { getPolicy } from '#core/policy';
import { getItemRow, prodRoutingOps, prodWorkshops } from '../master/index';
import { changeNotice } from './demand.rules';
import { type OrderChangeRow, prodOrderChanges, prodOrderLines, prodShipments } from './demand.schema';
import { getOrderRow, orderLink } from './order.service';
import type { CustomerChangeBody } from './demand.contract';

/** PP-4: a customer's change of an approved order, with how much notice production gets. */
export async function requestCustomerChange(db: Db, actor: Actor, orderId: string, input: CustomerChangeBody, now: Date) {
  requireAccess(actor, 'production.demand.write');
  const order = await getOrderRow(db, actor.orgId, orderId);
  if (order.state !== 'approved') throw invalidState('只有已批准的销售计划单才需登记客户变更', 'Customer changes apply to approved sales order sheets');
  const [line] = await db
    .select()
    .from(prodOrderLines)
    .where(and(eq(prodOrderLines.orgId, actor.orgId), eq(prodOrderLines.orderId, orderId), eq(prodOrderLines.id, input.orderLineId)));
  if (!line) throw invalidField('orderLineId', '订单行不存在', 'unknown order line');
  if (input.kind === 'product' && !input.newItemId) throw invalidField('newItemId', '请选择新产品', 'choose the new product');
  if (input.kind === 'quantity' && (input.newQty === undefined || input.newQty === null)) throw invalidField('newQty', '请填写新数量', 'give the new quantity');
  if (input.kind === 'date' && !input.newShipOn) throw invalidField('newShipOn', '请填写新的发货日期', 'give the new ship date');
  if (input.newItemId)
    await getItemRow(db, actor.orgId, input.newItemId).catch(() => {
      throw invalidField('newItemId', '产品不存在', 'unknown product');
    });
  if (input.reason.trim().length < 2) throw invalidField('reason', '请说明变更内容', 'describe the change');
  const policy = await getPolicy(db, actor.orgId);
  const notice = changeNotice(input.receivedOn, [line.agreedShipOn, input.newShipOn], policy.production.customerChangeNoticeDays);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(prodOrderChanges)
      .values({
        orgId: actor.orgId,
        orderId,
        orderLineId: line.id,
        kind: input.kind,
        newItemId: input.newItemId ?? null,
        newQty: input.newQty ?? null,
        newShipOn: input.newShipOn ?? null,
        reason: input.reason.trim(),
        receivedOn: input.receivedOn,
        hasWrittenConfirmation: input.hasWrittenConfirmation,
        confirmationRef: input.confirmationRef ?? '',
        noticeDays: notice.noticeDays,
        isShortNotice: notice.isShortNotice,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'production.order-change.request', entity: 'prod_order', entityId: orderId, after: row });
    const planners = await findUserIdsWithPermission(tx, actor.orgId, 'production.plan.write');
    await notifyUsers(tx, actor.orgId, planners, {
      kind: 'production.order-change',
      title: {
        zh: `客户变更待处理：${order.salesSheetNumber ?? order.number} ${order.customer}`,
        en: `Customer change to handle: ${order.salesSheetNumber ?? order.number}`,
      },
      body: notice.isShortNotice
        ? {
            zh: `仅提前 ${notice.noticeDays} 天通知，少于制度要求的 ${policy.production.customerChangeNoticeDays} 天（T3 第十六条）`,
            en: `Only ${notice.noticeDays} days’ notice, fewer than the ${policy.production.customerChangeNoticeDays} required (T3 art. 16)`,
          }
        : undefined,
      link: orderLink(orderId),
    });
    return row;
  });
}

async function getChange(db: Db, orgId: string, orderId: string, id: string): Promise<OrderChangeRow> {
  const [row] = await db
    .select()
    .from(prodOrderChanges)
    .where(and(eq(prodOrderChanges.orgId, orgId), eq(prodOrderChanges.orderId, orderId), eq(prodOrderChanges.id, id)));
  if (!row) throw notFound('客户变更', 'Customer change');
  return row;
}

/** Everyone the change touches: planners, the warehouse and the workshops on the product's routing. */
async function affectedPeople(tx: Db, orgId: string, itemIds: string[]): Promise<string[]> {
  const workshops = await tx
    .selectDistinct({ departmentId: prodWorkshops.departmentId })
    .from(prodRoutingOps)
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodRoutingOps.orgId), eq(prodWorkshops.id, prodRoutingOps.workshopId)))
    .where(and(eq(prodRoutingOps.orgId, orgId), inArray(prodRoutingOps.itemId, itemIds)));
  const people = await Promise.all(workshops.flatMap((w) => (w.departmentId ? [findUserIdsInDepartment(tx, orgId, w.departmentId)] : [])));
  return [
    ...people.flat(),
    ...(await findUserIdsWithPermission(tx, orgId, 'production.plan.write')),
    ...(await findUserIdsWithPermission(tx, orgId, 'production.stock.write')),
  ];
}

export interface ChangeDecision {
  version: number;
  /** Production accepts a change that came with less notice than the policy asks (T3 第十六条). */
  acceptShortNotice?: boolean;
  shortNoticeReason?: string;
}

/**
 * Applies a confirmed change to the sales order sheet and tells every affected department
 * (T4 第十六条). Returns the changed line so the plan can check it against its forecast (PP-12).
 */
export async function applyCustomerChange(db: Db, actor: Actor, orderId: string, id: string, decision: ChangeDecision, now: Date) {
  requireAccess(actor, 'production.plan.write');
  const change = await getChange(db, actor.orgId, orderId, id);
  if (change.state !== 'pending') throw invalidState('该变更已处理', 'This change has been decided');
  if (!change.hasWrittenConfirmation) {
    throw new AppError(
      'INVALID_STATE',
      '客户变更须经客户书面确认后才能执行（T4 第十六条）',
      'A customer change needs the customer’s written confirmation first (T4 art. 16)',
      [{ field: 'hasWrittenConfirmation', reason: 'required' }],
    );
  }
  if (change.isShortNotice && (!decision.acceptShortNotice || (decision.shortNoticeReason ?? '').trim().length < 2)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `变更仅提前 ${change.noticeDays} 天通知（T3 第十六条），须由生产部说明接受理由`,
      `Only ${change.noticeDays} days’ notice (T3 art. 16); production must accept it with a reason`,
      [{ field: 'shortNoticeReason', reason: 'required for short notice' }],
    );
  }
  const order = await getOrderRow(db, actor.orgId, orderId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodOrderChanges)
      .set({
        state: 'applied',
        decidedBy: actor.userId,
        decidedAt: now,
        shortNoticeReason: decision.shortNoticeReason?.trim() || null,
        version: sql`${prodOrderChanges.version} + 1`,
      })
      .where(and(eq(prodOrderChanges.orgId, actor.orgId), eq(prodOrderChanges.id, id), eq(prodOrderChanges.version, decision.version)))
      .returning();
    if (!row) throw versionConflict();
    const [before] = await tx
      .select()
      .from(prodOrderLines)
      .where(and(eq(prodOrderLines.orgId, actor.orgId), eq(prodOrderLines.id, change.orderLineId)));
    const set = {
      ...(change.kind === 'product' ? { itemId: change.newItemId! } : {}),
      ...(change.newQty !== null ? { agreedQty: change.newQty } : {}),
      ...(change.kind === 'cancel' ? { agreedQty: 0 } : {}),
      ...(change.newShipOn ? { agreedShipOn: change.newShipOn } : {}),
    };
    const [line] = await tx
      .update(prodOrderLines)
      .set({ ...set, version: sql`${prodOrderLines.version} + 1` })
      .where(and(eq(prodOrderLines.orgId, actor.orgId), eq(prodOrderLines.id, change.orderLineId)))
      .returning();
    // The shipment plan follows the sales order sheet.
    await tx
      .update(prodShipments)
      .set({ plannedOn: line.agreedShipOn!, qty: line.agreedQty ?? 0, version: sql`${prodShipments.version} + 1` })
      .where(and(eq(prodShipments.orgId, actor.orgId), eq(prodShipments.orderLineId, line.id), eq(prodShipments.shippedQty, 0)));
    await writeAudit(tx, actor, { action: 'production.order-change.apply', entity: 'prod_order', entityId: orderId, before, after: { line, change: row } });
    const people = await affectedPeople(tx, actor.orgId, [...new Set([before.itemId, line.itemId])]);
    await notifyUsers(tx, actor.orgId, people, {
      kind: 'production.order-change.applied',
      title: {
        zh: `客户变更已执行：${order.salesSheetNumber ?? order.number} ${order.customer}`,
        en: `Customer change applied: ${order.salesSheetNumber ?? order.number}`,
      },
      body: {
        zh: `${change.reason}（书面确认：${change.confirmationRef || '有'}）`,
        en: `${change.reason} (written confirmation: ${change.confirmationRef || 'yes'})`,
      },
      link: orderLink(orderId),
    });
    return { change: row, line, order };
  });
}

export async function rejectCustomerChange(db: Db, actor: Actor, orderId: string, id: string, input: { version: number; note: string }, now: Date) {
  requireAccess(actor, 'production.plan.write');
  const change = await getChange(db, actor.orgId, orderId, id);
  if (change.state !== 'pending') throw invalidState('该变更已处理', 'This change has been decided');
  if (input.note.trim().length < 2) throw invalidField('note', '请说明不能执行的原因', 'say why it cannot be done');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodOrderChanges)
      .set({ state: 'rejected', decidedBy: actor.userId, decidedAt: now, decisionNote: input.note.trim(), version: sql`${prodOrderChanges.version} + 1` })
      .where(and(eq(prodOrderChanges.orgId, actor.orgId), eq(prodOrderChanges.id, id), eq(prodOrderChanges.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.order-change.reject', entity: 'prod_order', entityId: orderId, after: row });
    await notifyUsers(tx, actor.orgId, [change.createdBy], {
      kind: 'production.order-change.rejected',
      title: { zh: '客户变更未能执行', en: 'Customer change not possible' },
      body: { zh: input.note.trim(), en: input.note.trim() },
      link: orderLink(orderId),
    });
    return row;
  });
}
