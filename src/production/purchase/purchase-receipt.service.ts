import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { documents } from '#core/approval';
import type { Db } from '#core/db';
import { invalidField } from '#core/errors';
import { type PostedStockDoc, postStockDocument, prodPurchaseReceiptLines, prodPurchaseReceipts } from '../warehouse/index';
import { ORDERING_STATES } from './open-orders.query';
import type { PurchaseReceiptBody } from './purchase.contract';
import { prodPurchaseLines, prodPurchasePlans } from './purchase.schema';

// A purchase receipt (采购入库单, PP-16) with its supplier, optionally against the lines of an
// approved purchase plan (PP-15): the goods go into the ledger and each line records which
// order line it fills, in one transaction, so received-versus-ordered is read from the ledger.

export async function postPurchaseReceipt(db: Db, actor: Actor, input: PurchaseReceiptBody, now: Date): Promise<PostedStockDoc> {
  requireAccess(actor, 'production.stock.write');
  const lineIds = [...new Set(input.lines.map((l) => l.purchaseLineId).filter((x): x is string => !!x))];
  const orderLines = lineIds.length
    ? await db
        .select({
          id: prodPurchaseLines.id,
          itemId: prodPurchaseLines.itemId,
          supplier: prodPurchaseLines.supplier,
          planId: prodPurchaseLines.purchasePlanId,
          state: documents.state,
          number: documents.number,
        })
        .from(prodPurchaseLines)
        .innerJoin(prodPurchasePlans, and(eq(prodPurchasePlans.orgId, prodPurchaseLines.orgId), eq(prodPurchasePlans.id, prodPurchaseLines.purchasePlanId)))
        .innerJoin(documents, and(eq(documents.orgId, prodPurchasePlans.orgId), eq(documents.id, prodPurchasePlans.documentId)))
        .where(and(eq(prodPurchaseLines.orgId, actor.orgId), inArray(prodPurchaseLines.id, lineIds)))
    : [];
  const byId = new Map(orderLines.map((l) => [l.id, l]));
  let planId = input.purchasePlanId ?? null;
  input.lines.forEach((l, i) => {
    if (!l.purchaseLineId) return;
    const o = byId.get(l.purchaseLineId);
    if (!o) throw invalidField(`lines.${i}.purchaseLineId`, '采购订单行不存在', 'unknown purchase order line');
    if (!(ORDERING_STATES as readonly string[]).includes(o.state))
      throw invalidField(`lines.${i}.purchaseLineId`, `采购计划 ${o.number} 尚未批准，不能按它入库`, `purchase plan ${o.number} is not approved`);
    if (o.itemId !== l.itemId) throw invalidField(`lines.${i}.itemId`, '物料与采购订单行不符', 'the item differs from the order line');
    if (planId && o.planId !== planId)
      throw invalidField(`lines.${i}.purchaseLineId`, '订单行不属于所选采购计划', 'the order line belongs to another purchase plan');
    planId = o.planId;
  });
  let reference: { type: string; id: string; number: string } | null = null;
  if (planId) {
    const [plan] = await db
      .select({ id: prodPurchasePlans.id, number: documents.number, state: documents.state })
      .from(prodPurchasePlans)
      .innerJoin(documents, and(eq(documents.orgId, prodPurchasePlans.orgId), eq(documents.id, prodPurchasePlans.documentId)))
      .where(and(eq(prodPurchasePlans.orgId, actor.orgId), eq(prodPurchasePlans.id, planId)));
    if (!plan) throw invalidField('purchasePlanId', '采购计划不存在', 'unknown purchase plan');
    if (!(ORDERING_STATES as readonly string[]).includes(plan.state))
      throw invalidField('purchasePlanId', `采购计划 ${plan.number} 尚未批准，不能按它入库`, `purchase plan ${plan.number} is not approved`);
    reference = { type: 'purchase_plan', id: plan.id, number: plan.number };
  }
  // The supplier of the order lines when the keeper did not type one.
  const supplier = (input.supplier ?? '').trim() || orderLines.find((o) => o.supplier)?.supplier || '';
  return db.transaction(async (tx) => {
    const posted = await postStockDocument(
      tx,
      actor,
      {
        kind: 'receipt',
        purpose: 'purchase',
        docDate: input.docDate,
        reference,
        note: [supplier && `供应商：${supplier}`, input.note?.trim()].filter(Boolean).join('；'),
        lines: input.lines.map((l) => ({ itemId: l.itemId, qty: l.qty, lot: l.lot, locationId: l.locationId })),
      },
      now,
    );
    await tx.insert(prodPurchaseReceipts).values({ orgId: actor.orgId, docId: posted.doc.id, supplier, purchasePlanId: planId });
    // A receipt posts one move per line, in order: move k is line k.
    const filled = input.lines.flatMap((l, i) =>
      l.purchaseLineId ? [{ orgId: actor.orgId, docId: posted.doc.id, lineNo: posted.moves[i].lineNo, purchaseLineId: l.purchaseLineId }] : [],
    );
    if (filled.length) await tx.insert(prodPurchaseReceiptLines).values(filled);
    return posted;
  });
}
