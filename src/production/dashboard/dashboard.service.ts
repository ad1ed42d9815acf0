import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import type { InboxItem, Workflows } from '#core/approval';
import { deadlines, deadlineStatus, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { users } from '#core/org';
import { addMonths, monthOf, monthStart } from '../common/index';
import { prodOrderChanges, prodOrderReviews, prodOrders } from '../demand/index';
import { prodWorkshops } from '../master/index';
import { findPlans, getPlanView, prodPlanRequests, prodPlans, refreshIfCalendarChanged } from '../plan/index';
import { countOpenProductionFindings, countOrdersIn } from './home';

/** The planner's dashboard: this and next month's plan, approval state, heat map, late items. */
export async function getPlanningDashboard(db: Db, workflows: Workflows, actor: Actor, now: Date) {
  requireAccess(actor, 'production.read');
  const today = await orgToday(db, actor.orgId, now);
  const month = monthOf(today);
  const next = addMonths(month, 1);
  // Issue 14 item 1: the verdicts shown here are on the capacity calendar as it stands today.
  const rows = await db
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.kind, 'monthly'), inArray(prodPlans.periodStart, [monthStart(month), monthStart(next)])));
  for (const row of rows) await refreshIfCalendarChanged(db, row, today);
  const monthly = await findPlans(db, actor, { kind: 'monthly', from: monthStart(month), to: monthStart(next) });
  const thisPlan = monthly.find((p) => p.periodStart === monthStart(month)) ?? null;
  const nextPlan = monthly.find((p) => p.periodStart === monthStart(next)) ?? null;
  // Late in the month the planner works on next month's plan; before that, on this one.
  const focus = (Number(today.slice(8, 10)) >= 20 ? (nextPlan ?? thisPlan) : (thisPlan ?? nextPlan)) ?? null;
  const focusView = focus ? await getPlanView(db, workflows, actor, focus.id, now) : null;
  const due = await db
    .select({ d: deadlines, ownerName: users.displayName })
    .from(deadlines)
    .innerJoin(users, and(eq(users.orgId, deadlines.orgId), eq(users.id, deadlines.ownerUserId)))
    .where(and(eq(deadlines.orgId, actor.orgId), like(deadlines.subjectType, 'production.%'), inArray(deadlines.state, ['open', 'missed'])))
    .orderBy(asc(deadlines.dueAt))
    .limit(50);
  const counts = (states: string[]) => countOrdersIn(db, actor.orgId, states);
  const [changes] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(prodOrderChanges)
    .where(and(eq(prodOrderChanges.orgId, actor.orgId), eq(prodOrderChanges.state, 'pending')));
  const requests = await db
    .select()
    .from(prodPlanRequests)
    .where(and(eq(prodPlanRequests.orgId, actor.orgId), inArray(prodPlanRequests.state, ['received', 'infeasible'])));
  const openFindings = await countOpenProductionFindings(db, actor.orgId);
  return {
    today,
    month,
    nextMonth: next,
    thisPlan,
    nextPlan,
    focus: focusView
      ? {
          id: focusView.id,
          title: focusView.title,
          number: focusView.number,
          state: focusView.state,
          revision: focusView.revision,
          capacity: focusView.capacity,
          capacityStatus: focusView.capacityStatus,
          overloads: focusView.overloads,
          underloads: focusView.underloads,
          items: focusView.items,
          materialsSummary: focusView.materialsSummary,
          waitingFor: focusView.document?.state === 'submitted' ? (focusView.document.steps[focusView.document.stepIndex ?? 0] ?? null) : null,
        }
      : null,
    deadlines: due.map(({ d, ownerName }) => ({
      id: d.id,
      title: { zh: d.titleZh, en: d.titleEn },
      dueOn: d.dueOn,
      clause: d.clause,
      status: deadlineStatus(d, now),
      ownerName,
      link: d.link,
    })),
    orders: { toReview: await counts(['received', 'in_review', 'rejected']), submitted: await counts(['submitted']), pendingChanges: changes.n },
    requests: requests.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      kind: r.kind,
      issueDueOn: r.issueDueOn,
      isFeasible: r.isFeasible,
      link: `/production/requests/${r.id}`,
    })),
    findings: { open: openFindings.n, amount: openFindings.amount },
  };
}

/** My production to-dos for the inbox: reviews my party owes, changes and requests to handle, weekly plans to confirm. */
export async function findProductionInbox(db: Db, actor: Actor): Promise<InboxItem[]> {
  if (!hasPermission(actor, 'production.read')) return [];
  const items: InboxItem[] = [];
  if (hasPermission(actor, 'production.plan.write')) {
    const waiting = await db
      .select({ o: prodOrders })
      .from(prodOrders)
      .leftJoin(
        prodOrderReviews,
        and(eq(prodOrderReviews.orgId, prodOrders.orgId), eq(prodOrderReviews.orderId, prodOrders.id), eq(prodOrderReviews.party, 'production')),
      )
      .where(and(eq(prodOrders.orgId, actor.orgId), inArray(prodOrders.state, ['received', 'in_review']), sql`${prodOrderReviews.orderId} is null`));
    for (const { o } of waiting) {
      items.push({
        kind: 'production.order.review',
        tag: { zh: '订单汇审', en: 'Order review' },
        id: o.id,
        title: { zh: `订单汇审（生产部意见）：${o.number} ${o.customer}`, en: `Joint review (production): ${o.number} ${o.customer}` },
        link: `/production/orders/${o.id}`,
        since: o.createdAt.toISOString(),
      });
    }
    const changes = await db
      .select({ c: prodOrderChanges, number: prodOrders.salesSheetNumber, customer: prodOrders.customer })
      .from(prodOrderChanges)
      .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderChanges.orgId), eq(prodOrders.id, prodOrderChanges.orderId)))
      .where(and(eq(prodOrderChanges.orgId, actor.orgId), eq(prodOrderChanges.state, 'pending')));
    for (const { c, number, customer } of changes) {
      items.push({
        kind: 'production.order.change',
        tag: { zh: '客户变更', en: 'Customer change' },
        id: c.id,
        title: { zh: `客户变更待处理：${number ?? ''} ${customer}`, en: `Customer change: ${number ?? ''} ${customer}` },
        link: `/production/orders/${c.orderId}`,
        since: c.createdAt.toISOString(),
      });
    }
    const requests = await db
      .select()
      .from(prodPlanRequests)
      .where(and(eq(prodPlanRequests.orgId, actor.orgId), inArray(prodPlanRequests.state, ['received', 'infeasible'])));
    for (const r of requests) {
      items.push({
        kind: 'production.request',
        tag: { zh: '待编计划', en: 'To plan' },
        id: r.id,
        title: { zh: `${r.kind === 'special' ? '专项' : '临时'}需求待编计划：${r.number} ${r.title}`, en: `Requirement to plan: ${r.number} ${r.title}` },
        link: `/production/requests/${r.id}`,
        since: r.receivedAt.toISOString(),
        due: r.issueDueOn,
      });
    }
  }
  const [me] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  if (me?.departmentId && hasPermission(actor, 'document.write')) {
    const weekly = await db
      .select({ p: prodPlans })
      .from(prodPlans)
      .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodPlans.orgId), eq(prodWorkshops.id, prodPlans.workshopId)))
      .where(
        and(
          eq(prodPlans.orgId, actor.orgId),
          eq(prodPlans.kind, 'weekly'),
          eq(prodWorkshops.departmentId, me.departmentId),
          sql`${prodPlans.confirmedAt} is null`,
        ),
      );
    for (const { p } of weekly) {
      items.push({
        kind: 'production.weekly.confirm',
        tag: { zh: '周计划待确认', en: 'Weekly plan' },
        id: p.id,
        title: { zh: `待确认周计划：${p.title}`, en: `Weekly plan to confirm: ${p.title}` },
        link: `/production/plans/${p.id}`,
        since: p.createdAt.toISOString(),
        due: p.periodStart,
      });
    }
  }
  return items;
}
