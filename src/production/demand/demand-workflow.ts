import type { Actor } from '#core/access';
import type { DocumentTypeInfo, HookDeclaration, TransitionEvent } from '#core/approval';
import { completeDeadline } from '#core/calendar';
import type { Db } from '#core/db';
import { ORDER_REVIEW_DOC, onOrderReviewTransition } from './order-review.service';
import { FORECAST_SUBJECT, findSalesPlanByDocument } from './sales-plan.service';

/** PP-2: sending next month's sales plan for approval is the forecast reaching production. */
async function onSalesPlanTransition(tx: Db, actor: Actor, event: TransitionEvent): Promise<void> {
  if (event.action !== 'submit') return;
  const plan = await findSalesPlanByDocument(tx, event.document.orgId, event.document.id);
  if (plan?.kind === 'monthly') await completeDeadline(tx, actor, FORECAST_SUBJECT, plan.periodStart.slice(0, 7), event.document.updatedAt);
}

export const demandDocumentTypes: DocumentTypeInfo[] = [
  {
    docType: 'production.sales_plan',
    label: { zh: '销售计划', en: 'Sales plan' },
    numberPrefix: 'XSJH',
    link: (id) => `/production/sales-plan-doc/${id}`,
    isGenericEditable: false,
  },
  { docType: ORDER_REVIEW_DOC, label: { zh: '订单汇审报告', en: 'Joint order review' }, numberPrefix: 'HSBG', isGenericEditable: false },
];

export const demandTransitionHooks: HookDeclaration[] = [
  { docType: 'production.sales_plan', fn: onSalesPlanTransition },
  { docType: ORDER_REVIEW_DOC, fn: onOrderReviewTransition },
];
