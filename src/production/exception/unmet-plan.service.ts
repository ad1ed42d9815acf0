import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission, users } from '#core/org';
import { prodWorkshops } from '../master/index';
import { prodPlanRequests } from '../plan/index';
import { findMyWorkshopId } from './exception-impact.service';
import { type ReportUnmetInput, RouteStepBody, type RouteStepInput, type UnmetAction, type UnmetRoutes, type UnmetRouteView } from './plan-route.contract';
import { allowedUnmetActions, nextUnmetState } from './plan-route.rules';
import { prodUnmetPlanRoutes, type UnmetRouteRow } from './plan-route.schema';
import { assertActsForWorkshop, getWorkshopFor, isProductionDept } from './workshop-scope';

// T3 第十四条 (PP-28): a temporary plan a workshop cannot meet goes workshop → production →
// market → contract change; each step is recorded with who and when, and the next party told.

const requestLink = (id: string) => `/production/requests/${id}`;

async function getRequest(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(prodPlanRequests)
    .where(and(eq(prodPlanRequests.orgId, orgId), eq(prodPlanRequests.id, id)));
  if (!row) throw notFound('专项/临时需求', 'Special or temporary requirement');
  return row;
}

async function getRoute(db: Db, orgId: string, id: string): Promise<UnmetRouteRow> {
  const [row] = await db
    .select()
    .from(prodUnmetPlanRoutes)
    .where(and(eq(prodUnmetPlanRoutes.orgId, orgId), eq(prodUnmetPlanRoutes.id, id)));
  if (!row) throw notFound('临时计划无法完成的上报', 'Unmet temporary plan report');
  return row;
}

const isMarket = (actor: Actor) => hasPermission(actor, 'production.demand.write');

/** The workshop tells production it cannot complete the temporary plan, and why. */
export async function reportUnmetPlan(db: Db, actor: Actor, requestId: string, input: ReportUnmetInput, now: Date): Promise<UnmetRouteRow> {
  requireAccess(actor, 'production.exception.write');
  const request = await getRequest(db, actor.orgId, requestId);
  if (request.kind !== 'temporary' || !request.planId)
    throw invalidState(
      '只有已编制计划的临时需求可以上报无法完成（T3 第十四条）',
      'Only a temporary requirement with its plan can be reported as not met (T3 art. 14)',
    );
  const reason = input.reason.trim();
  if (reason.length < 2) throw invalidField('reason', '请说明无法完成的原因', 'say why it cannot be met');
  const workshop = await getWorkshopFor(db, actor.orgId, input.workshopId);
  await assertActsForWorkshop(db, actor, workshop);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(prodUnmetPlanRoutes)
        .values({ orgId: actor.orgId, requestId, planId: request.planId!, workshopId: workshop.id, reason, reportedBy: actor.userId, reportedAt: now })
        .returning();
      await writeAudit(tx, actor, { action: 'production.unmet-plan.report', entity: 'prod_plan_request', entityId: requestId, after: row });
      const production = (await findUserIdsWithPermission(tx, actor.orgId, 'production.plan.write')).filter((u) => u !== actor.userId);
      await notifyUsers(tx, actor.orgId, production, {
        kind: 'production.unmet-plan',
        title: {
          zh: `${workshop.name}无法完成临时计划：${request.number} ${request.title}`,
          en: `${workshop.name} cannot meet the temporary plan ${request.number}`,
        },
        body: { zh: `${reason}。请确认后通知市场部（T3 第十四条）`, en: `${reason}. Confirm and tell the market department (T3 art. 14)` },
        link: requestLink(requestId),
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', '该车间已上报，正在处理中', 'This workshop has reported it already; it is being handled');
    throw err;
  }
}

const STEP_TEXT: Record<UnmetAction, { zh: string; en: string }> = {
  forward: { zh: '生产部已确认，请与客户联系修改合同', en: 'Production confirmed it; contact the customer to change the contract' },
  decline: { zh: '生产部未予确认，仍须按计划完成', en: 'Production did not confirm it; the plan stands' },
  changeContract: { zh: '市场部已与客户修改合同', en: 'The market department changed the contract with the customer' },
  refuse: { zh: '客户不同意修改合同', en: 'The customer did not agree to change the contract' },
};

/** One step of the route: production forwards or declines; the market changes the contract or cannot. */
export async function advanceUnmetPlan(db: Db, actor: Actor, routeId: string, action: UnmetAction, raw: RouteStepInput, now: Date): Promise<UnmetRouteRow> {
  requireAccess(actor, action === 'forward' || action === 'decline' ? 'production.plan.write' : 'production.demand.write');
  const input = RouteStepBody.parse(raw);
  const route = await getRoute(db, actor.orgId, routeId);
  const to = nextUnmetState(route.state, action);
  if (!to) throw invalidState('该上报当前不能执行此操作', 'This step is not possible now');
  if (route.version !== input.version) throw versionConflict();
  const note = input.note.trim();
  if (action !== 'forward' && note.length < 2) throw invalidField('note', '请填写说明', 'a note is required');
  const request = await getRequest(db, actor.orgId, route.requestId);
  const set =
    action === 'forward' || action === 'decline'
      ? { state: to, forwardedBy: actor.userId, forwardedAt: now, forwardNote: note || null }
      : { state: to, marketBy: actor.userId, marketAt: now, marketNote: note };
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(prodUnmetPlanRoutes)
      .set({ ...set, version: sql`${prodUnmetPlanRoutes.version} + 1` })
      .where(and(eq(prodUnmetPlanRoutes.orgId, actor.orgId), eq(prodUnmetPlanRoutes.id, routeId), eq(prodUnmetPlanRoutes.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: `production.unmet-plan.${action}`,
      entity: 'prod_plan_request',
      entityId: route.requestId,
      before: { state: route.state },
      after: { state: to, note },
    });
    const next =
      action === 'forward'
        ? [request.requesterId, ...(await findUserIdsWithPermission(tx, actor.orgId, 'production.demand.write'))]
        : [route.reportedBy, ...(action === 'decline' ? [] : await findUserIdsWithPermission(tx, actor.orgId, 'production.plan.write'))];
    await notifyUsers(
      tx,
      actor.orgId,
      [...new Set(next)].filter((u) => u !== actor.userId),
      {
        kind: 'production.unmet-plan',
        title: { zh: `临时计划 ${request.number}：${STEP_TEXT[action].zh}`, en: `Temporary plan ${request.number}: ${STEP_TEXT[action].en}` },
        body: note ? { zh: note, en: note } : { zh: route.reason, en: route.reason },
        link: requestLink(route.requestId),
      },
    );
    return after;
  });
}

/** The routes of a requirement, shown on its page. */
export async function findUnmetRoutes(db: Db, actor: Actor, requestId: string): Promise<UnmetRoutes> {
  requireAccess(actor, 'production.read');
  const request = await getRequest(db, actor.orgId, requestId);
  const rows = await db
    .select()
    .from(prodUnmetPlanRoutes)
    .where(and(eq(prodUnmetPlanRoutes.orgId, actor.orgId), eq(prodUnmetPlanRoutes.requestId, requestId)))
    .orderBy(asc(prodUnmetPlanRoutes.reportedAt));
  const workshops = await db
    .select({ id: prodWorkshops.id, name: prodWorkshops.name })
    .from(prodWorkshops)
    .where(eq(prodWorkshops.orgId, actor.orgId))
    .orderBy(prodWorkshops.sort, prodWorkshops.code);
  const ids = [...new Set(rows.flatMap((r) => [r.reportedBy, r.forwardedBy, r.marketBy]).filter((x): x is string => !!x))];
  const people = new Map(
    ids.length
      ? (
          await db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(and(eq(users.orgId, actor.orgId), inArray(users.id, ids)))
        ).map((p) => [p.id, p.name])
      : [],
  );
  const name = (uid: string | null) => (uid ? (people.get(uid) ?? '') : null);
  const who = { isProduction: isProductionDept(actor), isMarket: isMarket(actor) };
  const routes: UnmetRouteView[] = rows.map((r) => ({
    id: r.id,
    requestId: r.requestId,
    planId: r.planId,
    workshopId: r.workshopId,
    workshopName: workshops.find((w) => w.id === r.workshopId)?.name ?? '',
    reason: r.reason,
    state: r.state,
    reportedByName: name(r.reportedBy) ?? '',
    reportedAt: r.reportedAt.toISOString(),
    forwardedByName: name(r.forwardedBy),
    forwardedAt: r.forwardedAt?.toISOString() ?? null,
    forwardNote: r.forwardNote,
    marketByName: name(r.marketBy),
    marketAt: r.marketAt?.toISOString() ?? null,
    marketNote: r.marketNote,
    version: r.version,
    allowedActions: allowedUnmetActions(r.state, who),
  }));
  return {
    canReport: request.kind === 'temporary' && !!request.planId && hasPermission(actor, 'production.exception.write'),
    myWorkshopId: await findMyWorkshopId(db, actor),
    workshops,
    routes,
  };
}
