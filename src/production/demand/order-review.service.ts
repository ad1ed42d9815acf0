import { and, eq, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { applyTransition, createDocument, getDocument, type TransitionEvent, updateDocument, type Workflows } from '#core/approval';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { departments, findUserIdsWithPermission, users } from '#core/org';
import { nextProductionNumber } from '../common/index';
import { ORDER_KIND_LABELS, partiesOfDepartment, REVIEW_PARTY_LABELS, reviewGaps, reviewPartyDepartments } from './demand.rules';
import { prodOrderLines, prodOrderReviews, prodOrders, prodShipments, REVIEW_PARTIES, type ReviewParty } from './demand.schema';
import { findOrderLines, getOrderRow, orderLink } from './order.service';
import type { ConcludeBody } from './demand.contract';

export const ORDER_REVIEW_DOC = 'production.order_review';

const mayJoinReview = (actor: Actor) =>
  ['production.demand.write', 'production.plan.write', 'approval.act'].some((p) => hasPermission(actor, p as 'approval.act'));

/** The parties of the joint review and which of them this person may speak for (issue 14 item 6). */
export async function findReviewParties(db: Db, actor: Actor) {
  const [all, [me]] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.orgId, actor.orgId)),
    db
      .select({ departmentId: users.departmentId })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId))),
  ]);
  const map = reviewPartyDepartments(all);
  const mine = mayJoinReview(actor) ? partiesOfDepartment(map, me?.departmentId ?? null) : [];
  return REVIEW_PARTIES.map((party) => ({
    party,
    departmentNames: all.filter((d) => map[party].includes(d.id)).map((d) => d.name),
    mayReview: mine.includes(party),
  }));
}

/** One party's opinion in the joint review (订单汇审, T4 第十四条), given by a member of that party's department. */
export async function recordReviewOpinion(db: Db, actor: Actor, orderId: string, input: { party: ReviewParty; opinion: string; isAgreed: boolean }, now: Date) {
  requireAccess(actor, 'production.read');
  if (!mayJoinReview(actor)) {
    throw new AppError('FORBIDDEN', '没有参加订单汇审的权限', 'You may not take part in the joint order review');
  }
  const party = (await findReviewParties(db, actor)).find((p) => p.party === input.party);
  if (!party?.mayReview) {
    const label = REVIEW_PARTY_LABELS[input.party];
    const where = party?.departmentNames.length ? party.departmentNames.join('、') : label.zh;
    throw new AppError(
      'FORBIDDEN',
      `${label.zh}的汇审意见只能由${where}的人员填写（T4 第十四条）`,
      `The ${label.en} opinion can only be given by a member of ${party?.departmentNames.join(', ') || label.en} (T4 art. 14)`,
    );
  }
  const opinion = input.opinion.trim();
  if (opinion.length < 2) throw invalidField('opinion', '请填写评审意见', 'write the review opinion');
  return db.transaction(async (tx) => {
    const order = await getOrderRow(tx, actor.orgId, orderId, { forUpdate: true });
    if (!['received', 'in_review', 'rejected'].includes(order.state)) throw invalidState('汇审已结束', 'The joint review has ended');
    await tx
      .insert(prodOrderReviews)
      .values({ orgId: actor.orgId, orderId, party: input.party, reviewerId: actor.userId, opinion, isAgreed: input.isAgreed, at: now })
      .onConflictDoUpdate({
        target: [prodOrderReviews.orgId, prodOrderReviews.orderId, prodOrderReviews.party],
        set: { reviewerId: actor.userId, opinion, isAgreed: input.isAgreed, at: now },
      });
    if (order.state === 'received') {
      await tx
        .update(prodOrders)
        .set({ state: 'in_review', version: sql`${prodOrders.version} + 1` })
        .where(and(eq(prodOrders.orgId, actor.orgId), eq(prodOrders.id, orderId)));
    }
    await writeAudit(tx, actor, {
      action: 'production.order.review',
      entity: 'prod_order',
      entityId: orderId,
      after: { party: input.party, opinion, isAgreed: input.isAgreed },
    });
    return getOrderRow(tx, actor.orgId, orderId);
  });
}

/**
 * Fixes quantities and ship dates and sends the joint-review report to the general manager.
 * Once approved the order becomes a 销售计划单 (T4 第十四条, PP-3).
 */
export async function concludeReview(db: Db, workflows: Workflows, actor: Actor, orderId: string, input: ConcludeBody, now: Date) {
  requireAccess(actor, 'production.demand.write');
  requireAccess(actor, 'document.write');
  return db.transaction(async (tx) => {
    const order = await getOrderRow(tx, actor.orgId, orderId, { forUpdate: true });
    if (order.version !== input.version) throw versionConflict();
    if (!['received', 'in_review', 'rejected'].includes(order.state)) throw invalidState('订单不在汇审阶段', 'The order is not under joint review');
    const reviews = await tx
      .select()
      .from(prodOrderReviews)
      .where(and(eq(prodOrderReviews.orgId, actor.orgId), eq(prodOrderReviews.orderId, orderId)));
    const gaps = reviewGaps(reviews);
    if (gaps.missing.length || gaps.disagreeing.length) {
      const zh = [...gaps.missing.map((p) => `${REVIEW_PARTY_LABELS[p].zh}未评审`), ...gaps.disagreeing.map((p) => `${REVIEW_PARTY_LABELS[p].zh}不同意`)].join(
        '；',
      );
      const en = [
        ...gaps.missing.map((p) => `${REVIEW_PARTY_LABELS[p].en} has not reviewed`),
        ...gaps.disagreeing.map((p) => `${REVIEW_PARTY_LABELS[p].en} disagrees`),
      ].join('; ');
      throw invalidState(`订单汇审未完成（T4 第十四条）：${zh}`, `The joint review is not complete (T4 art. 14): ${en}`);
    }
    const lines = await findOrderLines(tx, actor.orgId, orderId);
    for (const [i, { line }] of lines.entries()) {
      const agreed = input.lines.find((l) => l.lineId === line.id);
      if (!agreed) throw invalidField(`lines[${i}]`, `第 ${line.lineNo} 行未确定数量和发货日期`, `line ${line.lineNo} has no agreed quantity and ship date`);
      if (!(agreed.agreedQty >= 0)) throw invalidField(`lines[${i}].agreedQty`, '数量不能为负数', 'must not be negative');
      if (agreed.agreedShipOn < order.receivedOn)
        throw invalidField(`lines[${i}].agreedShipOn`, '发货日期早于接单日期', 'ship date is before the order was received');
      await tx
        .update(prodOrderLines)
        .set({ agreedQty: agreed.agreedQty, agreedShipOn: agreed.agreedShipOn, version: sql`${prodOrderLines.version} + 1` })
        .where(and(eq(prodOrderLines.orgId, actor.orgId), eq(prodOrderLines.id, line.id)));
    }
    const after = await findOrderLines(tx, actor.orgId, orderId);
    const body = {
      orderId,
      content: [
        `客户：${order.customer}；${ORDER_KIND_LABELS[order.kind].zh} ${order.number}，接单日期 ${order.receivedOn}。`,
        ...reviews.map((r) => `${REVIEW_PARTY_LABELS[r.party].zh}：${r.isAgreed ? '同意' : '不同意'}。${r.opinion}`),
      ].join('\n'),
      lines: after.map(({ line, code, name, spec, unit }) => ({
        key: `${code} ${name} ${spec}`.trim(),
        value: `${line.agreedQty} ${unit}，发货 ${line.agreedShipOn}`,
      })),
    };
    const title = `订单汇审报告 ${order.number} ${order.customer}`;
    let docId = order.reviewDocumentId;
    if (!docId) {
      docId = (await createDocument(tx, workflows, actor, { docType: ORDER_REVIEW_DOC, title, body }, now)).id;
    } else {
      let doc = await getDocument(tx, workflows, actor, docId);
      if (doc.state === 'rejected') {
        await applyTransition(tx, workflows, actor, docId, 'revise', { version: doc.version }, now);
        doc = await getDocument(tx, workflows, actor, docId);
      }
      await updateDocument(tx, workflows, actor, docId, { version: doc.version, title, body }, now);
    }
    const doc = await getDocument(tx, workflows, actor, docId);
    await applyTransition(tx, workflows, actor, docId, 'submit', { version: doc.version }, now);
    const [row] = await tx
      .update(prodOrders)
      .set({ state: 'submitted', reviewDocumentId: docId, version: sql`${prodOrders.version} + 1` })
      .where(and(eq(prodOrders.orgId, actor.orgId), eq(prodOrders.id, orderId)))
      .returning();
    await writeAudit(tx, actor, {
      action: 'production.order.conclude-review',
      entity: 'prod_order',
      entityId: orderId,
      after: { documentId: docId, lines: input.lines },
    });
    return row;
  });
}

/** The general manager's decision on the joint-review report moves the order along. */
export async function onOrderReviewTransition(tx: Db, actor: Actor, event: TransitionEvent): Promise<void> {
  const doc = event.document;
  const [order] = await tx
    .select()
    .from(prodOrders)
    .where(and(eq(prodOrders.orgId, doc.orgId), eq(prodOrders.reviewDocumentId, doc.id)));
  if (!order) return;
  const now = doc.updatedAt;
  const set = (state: 'approved' | 'rejected' | 'in_review', extra: object = {}) =>
    tx
      .update(prodOrders)
      .set({ state, ...extra, version: sql`${prodOrders.version} + 1` })
      .where(and(eq(prodOrders.orgId, doc.orgId), eq(prodOrders.id, order.id)));
  if (event.to === 'approved') {
    const number = await nextProductionNumber(tx, doc.orgId, 'XSD', now.getUTCFullYear());
    await set('approved', { salesSheetNumber: number, approvedAt: now });
    const lines = await findOrderLines(tx, doc.orgId, order.id);
    const shipments = lines
      .filter(({ line }) => (line.agreedQty ?? 0) > 0)
      .map(({ line }) => ({ orgId: doc.orgId, orderLineId: line.id, plannedOn: line.agreedShipOn!, qty: line.agreedQty! }));
    if (shipments.length) await tx.insert(prodShipments).values(shipments).onConflictDoNothing();
    const planners = await findUserIdsWithPermission(tx, doc.orgId, 'production.plan.write');
    await notifyUsers(tx, doc.orgId, planners, {
      kind: 'production.sales-sheet',
      title: { zh: `销售计划单 ${number}：${order.customer}`, en: `Sales order sheet ${number}: ${order.customer}` },
      body: {
        zh: `订单 ${order.number} 汇审报告已经总经理批准，请据此安排生产`,
        en: `The joint review of order ${order.number} was approved; plan production accordingly`,
      },
      link: orderLink(order.id),
    });
    await writeAudit(tx, actor, { action: 'production.order.approve', entity: 'prod_order', entityId: order.id, after: { salesSheetNumber: number } });
  } else if (event.to === 'rejected') {
    await set('rejected');
  } else if (event.action === 'withdraw') {
    await set('in_review');
  }
}
