import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { type Actor, hasPermission } from '#core/access';
import type { InboxItem } from '#core/approval';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { prodWorkshops } from '../master/index';
import { prodPlanRequests } from '../plan/index';
import { EXCEPTION_LABELS, exceptionLink } from './exception.labels';
import { prodExceptions } from './exception.schema';
import { prodUnmetPlanRoutes } from './plan-route.schema';

// 我的待办: exceptions the production department has not yet handled, those escalated to the
// vice GM, and temporary plans not met waiting for production or the market.

export async function findExceptionInbox(db: Db, actor: Actor): Promise<InboxItem[]> {
  if (!hasPermission(actor, 'production.read')) return [];
  const items: InboxItem[] = [];
  const isProduction = hasPermission(actor, 'production.plan.write');
  const policy = await getPolicy(db, actor.orgId);
  const isVp = actor.roles.includes(policy.production.coordinationChairRole);
  if (isProduction || isVp) {
    const rows = await db
      .select({ e: prodExceptions, workshop: prodWorkshops.name })
      .from(prodExceptions)
      .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodExceptions.orgId), eq(prodWorkshops.id, prodExceptions.workshopId)))
      .where(and(eq(prodExceptions.orgId, actor.orgId), inArray(prodExceptions.state, ['reported', 'coordinating'])))
      .limit(100);
    for (const { e, workshop } of rows) {
      const label = `${e.number} ${workshop} ${EXCEPTION_LABELS[e.kind].zh}`;
      const labelEn = `${e.number} ${workshop} ${EXCEPTION_LABELS[e.kind].en}`;
      if (isProduction && e.state === 'reported') {
        items.push({
          kind: 'production.exception',
          tag: { zh: '生产异常', en: 'Exception' },
          id: e.id,
          title: { zh: `生产异常待处理：${label}`, en: `Exception to handle: ${labelEn}` },
          link: exceptionLink(e.id),
          since: e.reportedAt.toISOString(),
        });
      } else if (isVp && e.escalatedAt) {
        items.push({
          kind: 'production.exception.escalated',
          tag: { zh: '上报的异常', en: 'Escalated exception' },
          id: e.id,
          title: { zh: `上报的生产异常：${label}`, en: `Escalated exception: ${labelEn}` },
          link: exceptionLink(e.id),
          since: e.escalatedAt.toISOString(),
        });
      }
    }
  }
  const isMarket = hasPermission(actor, 'production.demand.write');
  const waiting = [...(isProduction ? (['reported'] as const) : []), ...(isMarket ? (['forwarded'] as const) : [])];
  if (waiting.length) {
    const routes = await db
      .select({ r: prodUnmetPlanRoutes, number: prodPlanRequests.number, title: prodPlanRequests.title })
      .from(prodUnmetPlanRoutes)
      .innerJoin(prodPlanRequests, and(eq(prodPlanRequests.orgId, prodUnmetPlanRoutes.orgId), eq(prodPlanRequests.id, prodUnmetPlanRoutes.requestId)))
      .where(and(eq(prodUnmetPlanRoutes.orgId, actor.orgId), inArray(prodUnmetPlanRoutes.state, [...waiting]), isNotNull(prodUnmetPlanRoutes.reportedAt)))
      .limit(50);
    for (const { r, number, title } of routes) {
      const toMarket = r.state === 'forwarded';
      items.push({
        kind: 'production.unmet-plan',
        tag: { zh: '临时计划无法完成', en: 'Plan not met' },
        id: r.id,
        title: toMarket
          ? { zh: `临时计划无法完成，须联系客户修改合同：${number} ${title}`, en: `Temporary plan not met, change the contract: ${number}` }
          : { zh: `车间无法完成临时计划，待确认：${number} ${title}`, en: `Workshop cannot meet temporary plan: ${number}` },
        link: `/production/requests/${r.requestId}`,
        since: (toMarket ? (r.forwardedAt ?? r.reportedAt) : r.reportedAt).toISOString(),
      });
    }
  }
  return items;
}
