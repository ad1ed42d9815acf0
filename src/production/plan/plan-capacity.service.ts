import { and, asc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField, notFound, versionConflict } from '#core/errors';
import {
  type CalendarChange,
  type CapacityLines,
  type CapacityView,
  capacityStatusOf,
  computePlanCapacity,
  checkCountermeasureCover,
  findCurrentCalendarKey,
  isPlanReachedByCalendarChange,
  prodCountermeasures,
} from '../capacity/index';
import { getWorkshopRow } from '../master/index';
import { assertCanWritePlan } from './plan-access';
import { bucketIndexOf, bucketStarts, capacityGroups } from './plan-period.rules';
import { assertEditable, findLinesInForce, findPlanDocument, findWorkingLines, getPlanRow } from './plan.query';
import { type PlanRow, prodPlans } from './plan.schema';
import { orgToday as localToday } from '#core/calendar';
import type { CountermeasureBody } from './plan.contract';

/** What a capacity check needs to know about a plan (a request's trial plan has no row). */
export type PlanLike = Pick<PlanRow, 'orgId' | 'kind' | 'periodStart' | 'periodEnd' | 'bucket' | 'workshopId'>;

/** The monthly plans in force over the same days: a special or temporary plan comes on top of them. */
export async function findBaseLoad(db: Db, plan: PlanLike): Promise<CapacityLines[]> {
  if (plan.kind !== 'special' && plan.kind !== 'temporary') return [];
  const monthly = await db
    .select()
    .from(prodPlans)
    .where(
      and(
        eq(prodPlans.orgId, plan.orgId),
        eq(prodPlans.kind, 'monthly'),
        lte(prodPlans.periodStart, plan.periodEnd),
        gte(prodPlans.periodEnd, plan.periodStart),
      ),
    );
  const mine = bucketStarts(plan);
  const out: CapacityLines[] = [];
  for (const m of monthly) {
    const lines = await findLinesInForce(db, m, await findPlanDocument(db, m));
    if (!lines) continue;
    const days = bucketStarts(m);
    for (const l of lines) {
      const q = mine.map(() => 0);
      l.quantities.forEach((x, k) => {
        const at = bucketIndexOf(plan, days[k]);
        if (at >= 0) q[at] += x;
      });
      if (q.some((x) => x > 0)) out.push({ itemId: l.itemId, quantities: q });
    }
  }
  return out;
}

/** Recomputes and stores the plan's capacity check (PP-9); call after every change of its lines. */
export async function refreshPlanCapacity(tx: Db, plan: PlanRow, today: string): Promise<CapacityView> {
  const view = await computePlanCapacityOf(tx, plan, today);
  // Issue 14 item 1: the check records the calendar it used; a recompute on another calendar says so.
  const isNewCalendar = plan.capacityCalendar !== null && view.calendar !== undefined && plan.capacityCalendar !== view.calendar;
  await tx
    .update(prodPlans)
    .set({
      capacity: view,
      capacityStatus: capacityStatusOf(view),
      capacityVersion: plan.version,
      capacityCalendar: view.calendar ?? null,
      capacityCalendarChangedOn: isNewCalendar ? today : plan.capacityCalendarChangedOn,
    })
    .where(and(eq(prodPlans.orgId, plan.orgId), eq(prodPlans.id, plan.id)));
  plan.capacityCalendar = view.calendar ?? null;
  if (isNewCalendar) plan.capacityCalendarChangedOn = today;
  plan.capacity = view;
  plan.capacityStatus = capacityStatusOf(view);
  return view;
}

/**
 * Issue 14 item 1: a stored check computed on another capacity calendar is recomputed before
 * anyone reads it (plan screen, dashboard, lists), so no plan reports itself fresh on an old calendar.
 */
export async function refreshIfCalendarChanged(db: Db, plan: PlanRow, today: string): Promise<boolean> {
  if (plan.capacity === null) return false;
  const current = await findCurrentCalendarKey(db, plan.orgId, plan, bucketStarts(plan)[0]);
  if (plan.capacityCalendar === current) return false;
  await refreshPlanCapacity(db, plan, today);
  return true;
}

/** The hook the workshop routes run in a calendar change's transaction (issue 14 item 1). */
export async function onWorkshopCalendarChanged(tx: Db, orgId: string, change: CalendarChange, now: Date): Promise<number> {
  return refreshPlansForCalendar(tx, orgId, change, await localToday(tx, orgId, now));
}

/** Issue 14 item 1: a changed workshop calendar marks the plans it reaches stale and recomputes them at once. */
export async function refreshPlansForCalendar(tx: Db, orgId: string, change: CalendarChange, today: string): Promise<number> {
  const plans = await tx
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, orgId), gte(prodPlans.periodEnd, today), isNotNull(prodPlans.capacity)));
  let n = 0;
  for (const plan of plans) {
    if (!isPlanReachedByCalendarChange(plan, change, today)) continue;
    await refreshPlanCapacity(tx, plan, today);
    n++;
  }
  return n;
}

/**
 * One submit checks the plan's capacity once (issue 11): the summary the approver reads, the capacity
 * guard and the submit hook run in one transaction on the same lines, so inside `withCapacityOnce`
 * they share one check (per plan and day) instead of computing it three times. The lines must not
 * change inside the scope; outside it every call computes afresh.
 */
const onceScopes = new WeakMap<Db, Map<string, CapacityView>>();

export async function withCapacityOnce<T>(tx: Db, work: () => Promise<T>): Promise<T> {
  onceScopes.set(tx, new Map());
  try {
    return await work();
  } finally {
    onceScopes.delete(tx);
  }
}

export async function computePlanCapacityOf(db: Db, plan: PlanLike & { id?: string }, today: string, lines?: CapacityLines[]): Promise<CapacityView> {
  const scope = plan.id ? onceScopes.get(db) : undefined;
  const key = `${plan.id}@${today}`;
  const known = scope?.get(key);
  if (known) return known;
  const view = await computePlanCapacity(db, plan.orgId, {
    plan,
    bucketStarts: bucketStarts(plan),
    groups: capacityGroups(plan.kind, plan),
    lines: lines ?? (plan.id ? await findWorkingLines(db, plan.orgId, plan.id) : []),
    baseLines: await findBaseLoad(db, plan),
    today,
  });
  scope?.set(key, view);
  return view;
}

export async function findCountermeasures(db: Db, orgId: string, planId: string) {
  return db
    .select()
    .from(prodCountermeasures)
    .where(and(eq(prodCountermeasures.orgId, orgId), eq(prodCountermeasures.planId, planId)))
    .orderBy(asc(prodCountermeasures.bucketStart), asc(prodCountermeasures.createdAt));
}

/** PP-9: the planner's answer to an overload (overtime, outsourcing, rescheduling). */
export async function addCountermeasure(db: Db, actor: Actor, planId: string, input: CountermeasureBody, now: Date) {
  const plan = await getPlanRow(db, actor.orgId, planId);
  // A workshop's own people answer the overloads of its weekly plan (T4 第二十条).
  await assertCanWritePlan(db, actor, plan);
  assertEditable(plan, await findPlanDocument(db, plan));
  await getWorkshopRow(db, actor.orgId, input.workshopId).catch(() => {
    throw invalidField('workshopId', '车间不存在', 'unknown workshop');
  });
  const groups = capacityGroups(plan.kind, plan);
  if (!groups.some((g) => g.start === input.bucketStart)) throw invalidField('bucketStart', '不是本计划的产能分析期间', 'not a capacity period of this plan');
  const bucketEnd = input.bucketEnd && input.bucketEnd !== input.bucketStart ? input.bucketEnd : null;
  if (bucketEnd !== null && (!groups.some((g) => g.start === bucketEnd) || bucketEnd < input.bucketStart)) {
    throw invalidField('bucketEnd', '结束期间须是本计划在开始期间之后的产能分析期间', 'the last period must be a capacity period of this plan after the first');
  }
  // Issue 14 item 2: an answer states how much it takes off the overload.
  const extraHours = input.extraHours ?? null;
  const sharePct = input.sharePct ?? null;
  if (!(extraHours !== null && extraHours > 0) && !(sharePct !== null && sharePct > 0)) {
    throw invalidField(
      'extraHours',
      '请写明措施解决的工时（或转出、外协的负荷比例）',
      'state the hours the countermeasure takes off (or the share of load moved or outsourced)',
    );
  }
  if (sharePct !== null && sharePct > 100) throw invalidField('sharePct', '比例不能超过 100%', 'the share cannot exceed 100%');
  const description = input.description.trim();
  if (description.length < 2) throw invalidField('description', '请写明应对措施', 'describe the countermeasure');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(prodCountermeasures)
      .values({
        orgId: actor.orgId,
        planId,
        workshopId: input.workshopId,
        bucketStart: input.bucketStart,
        bucketEnd,
        kind: input.kind,
        description,
        extraHours: sharePct !== null && sharePct > 0 ? null : extraHours,
        sharePct: sharePct !== null && sharePct > 0 ? sharePct : null,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'production.countermeasure.add', entity: 'prod_plan', entityId: planId, after: row });
    return row;
  });
}

export async function removeCountermeasure(db: Db, actor: Actor, planId: string, id: string, version: number) {
  const plan = await getPlanRow(db, actor.orgId, planId);
  await assertCanWritePlan(db, actor, plan);
  assertEditable(plan, await findPlanDocument(db, plan));
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(prodCountermeasures)
      .where(
        and(
          eq(prodCountermeasures.orgId, actor.orgId),
          eq(prodCountermeasures.planId, planId),
          eq(prodCountermeasures.id, id),
          eq(prodCountermeasures.version, version),
        ),
      )
      .returning();
    if (!row) {
      const [exists] = await tx
        .select({ id: prodCountermeasures.id })
        .from(prodCountermeasures)
        .where(and(eq(prodCountermeasures.orgId, actor.orgId), eq(prodCountermeasures.planId, planId), eq(prodCountermeasures.id, id)));
      throw exists ? versionConflict() : notFound('应对措施', 'Countermeasure');
    }
    await writeAudit(tx, actor, { action: 'production.countermeasure.remove', entity: 'prod_plan', entityId: planId, before: row });
  });
}

/** The submit guard's question (PP-9, issue 14 item 2): which overloads are not answered in full, on today's figures? */
export async function findUncoveredOverloads(db: Db, plan: PlanRow, today: string) {
  // The day only flags past-due orders, never the load: a check of the same submit on another day serves.
  const sameSubmit = [...(onceScopes.get(db)?.entries() ?? [])].find(([key]) => key.startsWith(`${plan.id}@`))?.[1];
  const view = sameSubmit ?? (await computePlanCapacityOf(db, plan, today));
  const cover = checkCountermeasureCover(view, await findCountermeasures(db, plan.orgId, plan.id));
  return { view, cover, overloads: cover.uncovered };
}
