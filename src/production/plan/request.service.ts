import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { addBusinessDays, addDays, loadBusinessCalendar, orgToday as localToday } from '#core/calendar';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { users } from '#core/org';
import { getPolicy } from '#core/policy';
import { assertInOrganisation } from '#core/validation';
import { ensureDeadline, findResponsible, nextProductionNumber, round } from '../common/index';
import { loadPlanningMaster, type PlanningMaster, prodItems } from '../master/index';
import { explodeSchedule, summariseMaterials } from '../mrp/index';
import { type Feasibility, feedbackText, findBottlenecks, judgeFeasibility, type Shortage } from './feasibility.rules';
import { computePlanCapacityOf, refreshPlanCapacity } from './plan-capacity.service';
import { LATE_ISSUE_RULE } from './plan-deadlines';
import { scheduleBackward } from './backward-schedule.rules';
import { bucketIndexOf, bucketStarts, planPeriod } from './plan-period.rules';
import { insertPlan, planLink } from './plan.service';
import { type PlanRequestRow, prodPlanLines, prodPlanRequests, type RequestLine } from './plan.schema';
import type { Workflows } from '#core/approval';
import type { PlanRequestBody } from './plan-request.contract';

export const REQUEST_ISSUE = 'production.request.issue';
export const requestLink = (id: string) => `/production/requests/${id}`;

async function getRequestRow(db: Db, orgId: string, id: string): Promise<PlanRequestRow> {
  const [row] = await db
    .select()
    .from(prodPlanRequests)
    .where(and(eq(prodPlanRequests.orgId, orgId), eq(prodPlanRequests.id, id)));
  if (!row) throw notFound('专项/临时需求', 'Special or temporary requirement');
  return row;
}

/**
 * Issue 14 item 5: a requirement is scheduled backwards from its due date (latest start), in the
 * capacity the plans in force leave free, never before today; materials are then needed as late
 * as the due date allows.
 */
async function scheduleRequest(
  db: Db,
  orgId: string,
  master: PlanningMaster,
  lines: readonly RequestLine[],
  period: { periodStart: string; periodEnd: string; bucket: 'day' },
  today: string,
) {
  const starts = bucketStarts(period);
  const trial = { orgId, kind: 'special' as const, ...period, workshopId: null };
  const base = await computePlanCapacityOf(db, trial, today, []);
  const max = base.thresholds.maxUtilisation;
  // A special plan's capacity periods are its days, so each cell is one day.
  const hours = Object.fromEntries(base.rows.map((r) => [r.workshopId, r.cells.map((c) => c.capacity)]));
  const free = Object.fromEntries(base.rows.map((r) => [r.workshopId, r.cells.map((c) => Math.max(0, c.capacity * max - c.load))]));
  const earliest = Math.max(0, starts.indexOf(today));
  const result = scheduleBackward({
    days: starts.length,
    earliest: today < period.periodStart ? 0 : earliest,
    hours,
    free,
    ops: master.routings.map((r) => ({ itemId: r.itemId, workshopId: r.workshopId, hoursPerUnit: r.hoursPerUnit, offsetDays: r.offsetDays })),
    lines: lines.map((l) => ({ itemId: l.itemId, qty: l.qty, due: bucketIndexOf(period, l.dueOn) })),
  });
  return result.lines.filter((l) => l.quantities.some((x) => x > 0));
}

/** Capacity over the days to the last due date, on top of the monthly plans in force; materials by MRP. */
export async function evaluateFeasibility(
  db: Db,
  orgId: string,
  lines: readonly RequestLine[],
  today: string,
): Promise<Feasibility & { labels: Record<string, { code: string; name: string; unit: string }> }> {
  const lastDue = lines.reduce((m, l) => (l.dueOn > m ? l.dueOn : m), today);
  const trial = { orgId, kind: 'special' as const, periodStart: today, periodEnd: lastDue, bucket: 'day' as const, workshopId: null };
  const lateLines = lines.filter((l) => l.dueOn < today).map((l) => ({ itemId: l.itemId, dueOn: l.dueOn }));
  const master = await loadPlanningMaster(db, orgId);
  const requested = await scheduleRequest(db, orgId, master, lines, trial, today);
  // The trial plan is a special plan: the capacity check lays it on the monthly plans in force.
  const withRequest = await computePlanCapacityOf(db, trial, today, requested);
  const without = await computePlanCapacityOf(db, trial, today, []);
  const exploded = await explodeSchedule(master, { bucket: 'day', bucketStarts: bucketStarts(trial), lines: requested }, today);
  const items = new Map(master.items.map((i) => [i.id, i]));
  const shortages: Shortage[] = summariseMaterials(exploded?.rows ?? []).shortages.map((s) => {
    const i = items.get(s.itemId);
    return { ...s, qty: round(s.qty, 3), code: i?.code ?? '', name: i?.name ?? '', unit: i?.unit ?? '', leadTimeDays: i?.leadTimeDays ?? 0 };
  });
  const labels = Object.fromEntries(
    lines.map((l) => [l.itemId, { code: items.get(l.itemId)?.code ?? '', name: items.get(l.itemId)?.name ?? '', unit: items.get(l.itemId)?.unit ?? '' }]),
  );
  return { ...judgeFeasibility(findBottlenecks(withRequest, without), shortages, lateLines), labels };
}

async function checkLines(db: Db, orgId: string, lines: RequestLine[]): Promise<void> {
  if (lines.length === 0) throw invalidField('lines', '至少需要一个产品', 'at least one product is needed');
  const ids = [...new Set(lines.map((l) => l.itemId))];
  const known = new Set(
    (
      await db
        .select({ id: prodItems.id })
        .from(prodItems)
        .where(and(eq(prodItems.orgId, orgId), eq(prodItems.isActive, true), inArray(prodItems.id, ids)))
    ).map((r) => r.id),
  );
  lines.forEach((l, i) => {
    if (!known.has(l.itemId)) throw invalidField(`lines[${i}].itemId`, '产品不存在', 'unknown product');
    if (!(l.qty > 0)) throw invalidField(`lines[${i}].qty`, '数量须大于 0', 'quantity must be above 0');
  });
}

/**
 * PP-11: a special requirement gets its plan within N days, a temporary one the same or next
 * day. Feasibility is judged on receipt; when it fails the written feedback goes to the
 * requesting department at once (T2 五.2–3).
 */
export async function createPlanRequest(db: Db, actor: Actor, input: PlanRequestBody, now: Date) {
  if (!hasPermission(actor, 'production.demand.write')) requireAccess(actor, 'production.plan.write');
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写需求名称', 'a title is required');
  await checkLines(db, actor.orgId, input.lines);
  await assertInOrganisation(db, 'departments', actor.orgId, [input.requesterDepartmentId], 'requesterDepartmentId');
  const [policy, calendar] = await Promise.all([getPolicy(db, actor.orgId), loadBusinessCalendar(db, actor.orgId)]);
  const today = await localToday(db, actor.orgId, now);
  const days = input.kind === 'special' ? policy.production.specialPlanIssueDays : policy.production.temporaryPlanIssueDays;
  const issueDueOn = policy.deadlines.withinDaysAreBusinessDays ? addBusinessDays(today, days, calendar) : addDays(today, days);
  const feasibility = await evaluateFeasibility(db, actor.orgId, input.lines, today);
  const [me] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  const { labels, ...result } = feasibility;
  const feedback = feedbackText(input.kind, title, result, labels);
  return db.transaction(async (tx) => {
    const number = await nextProductionNumber(tx, actor.orgId, input.kind === 'special' ? 'ZX' : 'LS', Number(today.slice(0, 4)));
    const [row] = await tx
      .insert(prodPlanRequests)
      .values({
        orgId: actor.orgId,
        number,
        kind: input.kind,
        title,
        requesterId: actor.userId,
        requesterDepartmentId: input.requesterDepartmentId ?? me?.departmentId ?? null,
        receivedAt: now,
        receivedOn: today,
        issueDueOn,
        lines: input.lines,
        feasibility: result,
        isFeasible: result.isFeasible,
        feedbackZh: feedback.zh,
        feedbackEn: feedback.en,
        feedbackSentAt: result.isFeasible ? null : now,
        state: result.isFeasible ? 'received' : 'infeasible',
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'production.request.create', entity: 'prod_plan_request', entityId: row.id, after: row });
    const owner = await findResponsible(tx, actor.orgId, 'production.plan.write');
    if (owner) {
      await ensureDeadline(tx, actor, {
        subjectType: REQUEST_ISSUE,
        subjectId: row.id,
        title: { zh: `下达${input.kind === 'special' ? '专项' : '临时'}生产计划：${title}`, en: `Issue the ${input.kind} plan: ${title}` },
        ownerUserId: owner.userId,
        ownerDepartmentId: owner.departmentId,
        dueOn: issueDueOn,
        link: requestLink(row.id),
        rule: { clause: input.kind === 'special' ? 'T2 五.2' : 'T2 五.3', requirementId: 'PP-11', ruleCode: LATE_ISSUE_RULE, recordsFinding: false },
      });
      await notifyUsers(tx, actor.orgId, [owner.userId], {
        kind: 'production.request',
        title: {
          zh: `${input.kind === 'special' ? '专项' : '临时'}需求 ${number}：${title}`,
          en: `${input.kind === 'special' ? 'Special' : 'Temporary'} requirement ${number}: ${title}`,
        },
        body: {
          zh: `须于 ${issueDueOn} 前下达生产计划。${result.isFeasible ? '' : '系统核算无法满足，已书面反馈提出部门。'}`,
          en: `Issue the plan by ${issueDueOn}.${result.isFeasible ? '' : ' It cannot be met; written feedback went to the requester.'}`,
        },
        link: requestLink(row.id),
      });
    }
    if (!result.isFeasible) {
      await notifyUsers(tx, actor.orgId, [actor.userId], {
        kind: 'production.request.feedback',
        title: { zh: `书面反馈：${number} ${title} 无法按要求满足`, en: `Written feedback: ${number} ${title} cannot be met` },
        body: feedback,
        link: requestLink(row.id),
      });
    }
    return row;
  });
}

/** Re-judges a request (stock or plans changed); infeasible again → the feedback goes out again. */
export async function reevaluatePlanRequest(db: Db, actor: Actor, id: string, version: number, now: Date) {
  requireAccess(actor, 'production.plan.write');
  const request = await getRequestRow(db, actor.orgId, id);
  if (request.state === 'planned' || request.state === 'closed') throw invalidState('已编制计划的需求不再重新评估', 'A planned requirement is not re-judged');
  const today = await localToday(db, actor.orgId, now);
  const { labels, ...result } = await evaluateFeasibility(db, actor.orgId, request.lines, today);
  const feedback = feedbackText(request.kind, request.title, result, labels);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodPlanRequests)
      .set({
        feasibility: result,
        isFeasible: result.isFeasible,
        feedbackZh: feedback.zh,
        feedbackEn: feedback.en,
        feedbackSentAt: result.isFeasible ? request.feedbackSentAt : now,
        state: result.isFeasible ? 'received' : 'infeasible',
        version: sql`${prodPlanRequests.version} + 1`,
      })
      .where(and(eq(prodPlanRequests.orgId, actor.orgId), eq(prodPlanRequests.id, id), eq(prodPlanRequests.version, version)))
      .returning();
    if (!row) throw versionConflict();
    if (!result.isFeasible) {
      await notifyUsers(tx, actor.orgId, [request.requesterId], {
        kind: 'production.request.feedback',
        title: { zh: `书面反馈：${request.number} ${request.title}`, en: `Written feedback: ${request.number}` },
        body: feedback,
        link: requestLink(id),
      });
    }
    await writeAudit(tx, actor, { action: 'production.request.evaluate', entity: 'prod_plan_request', entityId: id, after: { isFeasible: result.isFeasible } });
    return row;
  });
}

/** The special or temporary plan for a request, its quantities on their due days, ready to edit and submit. */
export async function createPlanFromRequest(db: Db, workflows: Workflows, actor: Actor, id: string, version: number, now: Date) {
  requireAccess(actor, 'production.plan.write');
  requireAccess(actor, 'document.write');
  const request = await getRequestRow(db, actor.orgId, id);
  if (request.planId) throw new AppError('CONFLICT', '该需求已编制计划', 'This requirement already has a plan');
  if (request.version !== version) throw versionConflict();
  const from = request.receivedOn;
  const to = request.lines.reduce((m, l) => (l.dueOn > m ? l.dueOn : m), from);
  const today = await localToday(db, actor.orgId, now);
  return db.transaction(async (tx) => {
    const plan = await insertPlan(tx, workflows, actor, { period: { kind: request.kind, from, to, name: request.title }, requestId: id }, now);
    const period = { ...planPeriod({ kind: request.kind, from, to, name: request.title }), bucket: 'day' as const };
    const scheduled = await scheduleRequest(tx, actor.orgId, await loadPlanningMaster(tx, actor.orgId), request.lines, period, today);
    const rows = scheduled.map(({ itemId, quantities }, i) => ({
      orgId: actor.orgId,
      planId: plan.id,
      itemId,
      quantities,
      total: round(quantities.reduce((s, x) => s + x, 0)),
      forecastQty: null,
      sort: i,
    }));
    if (rows.length) await tx.insert(prodPlanLines).values(rows);
    await refreshPlanCapacity(tx, plan, today);
    const [row] = await tx
      .update(prodPlanRequests)
      .set({ planId: plan.id, state: 'planned', version: sql`${prodPlanRequests.version} + 1` })
      .where(and(eq(prodPlanRequests.orgId, actor.orgId), eq(prodPlanRequests.id, id), eq(prodPlanRequests.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.request.plan', entity: 'prod_plan_request', entityId: id, after: { planId: plan.id } });
    return { request: row, plan, link: planLink(plan.id) };
  });
}

export async function findPlanRequests(db: Db, actor: Actor) {
  requireAccess(actor, 'production.read');
  return db
    .select({ r: prodPlanRequests, requesterName: users.displayName })
    .from(prodPlanRequests)
    .innerJoin(users, and(eq(users.orgId, prodPlanRequests.orgId), eq(users.id, prodPlanRequests.requesterId)))
    .where(eq(prodPlanRequests.orgId, actor.orgId))
    .orderBy(desc(prodPlanRequests.receivedAt))
    .limit(500)
    .then((rows) => rows.map(({ r, requesterName }) => ({ ...r, requesterName, link: requestLink(r.id) })));
}

export async function getPlanRequest(db: Db, actor: Actor, id: string) {
  requireAccess(actor, 'production.read');
  const r = await getRequestRow(db, actor.orgId, id);
  const ids = r.lines.map((l) => l.itemId);
  const items = await db
    .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, spec: prodItems.spec, unit: prodItems.unit })
    .from(prodItems)
    .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, ids)));
  return { ...r, items: Object.fromEntries(items.map(({ id: itemId, ...x }) => [itemId, x])), planLink: r.planId ? planLink(r.planId) : null };
}
