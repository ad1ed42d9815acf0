import { and, eq, sql } from 'drizzle-orm';
import type { ApprovalGuard, DocumentTypeInfo, GuardDeclaration } from '#core/approval';
import { prodPlans } from '../plan/index';
import { PURCHASE_PLAN_DOC } from './purchase-plan.service';
import { prodPurchasePlans } from './purchase.schema';

// The purchase plan in the approval engine (T4 第二十三条: 经有关领导逐级审批后，组织实施):
// its chain is data per organisation (the demo: purchasing head → VP → GM).

export const purchaseDocumentTypes: DocumentTypeInfo[] = [
  {
    docType: PURCHASE_PLAN_DOC,
    label: { zh: '物资采购计划', en: 'Purchase plan' },
    numberPrefix: 'CGJH',
    link: (id) => `/production/purchase-plan-doc/${id}`,
    isGenericEditable: false,
  },
];

/** Nothing goes up that is out of date or empty: the plan's MRP changed since, or there is nothing to buy. */
export const purchaseReadyGuard: ApprovalGuard = async (db, _actor, doc) => {
  const [row] = await db
    .select({
      id: prodPurchasePlans.id,
      compiledAt: prodPurchasePlans.compiledAt,
      materialsAt: prodPlans.materialsAt,
      lines: sql<number>`(select count(*) from prod_purchase_lines l where l.org_id = ${prodPurchasePlans.orgId} and l.purchase_plan_id = ${prodPurchasePlans.id})::int`,
    })
    .from(prodPurchasePlans)
    .innerJoin(prodPlans, and(eq(prodPlans.orgId, prodPurchasePlans.orgId), eq(prodPlans.id, prodPurchasePlans.sourcePlanId)))
    .where(and(eq(prodPurchasePlans.orgId, doc.orgId), eq(prodPurchasePlans.documentId, doc.id)));
  if (!row) return null;
  if (row.materialsAt && row.materialsAt > row.compiledAt)
    return {
      zh: '生产计划的物料需求已重新分解，请先重新编制采购计划',
      en: 'The production plan’s materials were decomposed again; compile the purchase plan again first',
    };
  if (row.lines === 0) return { zh: '没有需要采购的物料，无须报批', en: 'Nothing needs buying; there is nothing to approve' };
  return null;
};

export const purchaseGuards: GuardDeclaration[] = [{ docType: PURCHASE_PLAN_DOC, action: 'submit', name: 'production.purchase-ready', fn: purchaseReadyGuard }];
