import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { addDays, orgToday as localToday } from '#core/calendar';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField, invalidState, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsInDepartment } from '#core/org';
import { round } from '../common/index';
import { describeShortfall, shiftBucket } from '../capacity/index';
import { getWorkshopRow, loadPlanningMaster, loadWorkshopCapacity } from '../master/index';
import { prodPlanMaterials } from '../mrp/index';
import { assertCanWritePlan } from './plan-access';
import { findUncoveredOverloads, refreshPlanCapacity } from './plan-capacity.service';
import { lineTotal } from './plan-lines.rules';
import { bucketStarts, planPeriod } from './plan-period.rules';
import { findLinesInForce, findPlanDocument, getPlanRow } from './plan.query';
import { insertPlan, planLink } from './plan.service';
import { type PlanRow, prodPlanLines, prodPlans } from './plan.schema';
import type { Workflows } from '#core/approval';

/** Quantity per item and day across the monthly plans in force around the week. */
async function dailyQuantities(db: Db, orgId: string, from: string, to: string) {
  const monthly = await db
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, orgId), eq(prodPlans.kind, 'monthly'), lte(prodPlans.periodStart, to), gte(prodPlans.periodEnd, from)));
  const qty = new Map<string, Map<string, number>>();
  const add = (itemId: string, day: string, q: number) => {
    if (q <= 0) return;
    const m = qty.get(itemId) ?? new Map<string, number>();
    m.set(day, (m.get(day) ?? 0) + q);
    qty.set(itemId, m);
  };
  for (const plan of monthly) {
    const lines = await findLinesInForce(db, plan, await findPlanDocument(db, plan));
    if (!lines) continue;
    const days = bucketStarts(plan);
    for (const l of lines) {
      l.quantities.forEach((q, k) => {
        add(l.itemId, days[k], q);
      });
    }
    // Made components (base liquor) come from the plan's MRP decomposition.
    const made = await db
      .select()
      .from(prodPlanMaterials)
      .where(and(eq(prodPlanMaterials.orgId, orgId), eq(prodPlanMaterials.planId, plan.id), eq(prodPlanMaterials.kind, 'make')));
    for (const m of made) add(m.itemId, m.needOn, m.qty);
  }
  return qty;
}

/**
 * PP-10 (T4 第二十条): each workshop's weekly plan from the monthly plan in force, following the
 * process flow — an operation running N days before the product is due appears N days earlier
 * in its workshop's week — and checked against that workshop's capacity per day.
 */
export async function deriveWeeklyPlans(db: Db, workflows: Workflows, actor: Actor, monthlyPlanId: string, weekOf: string, now: Date): Promise<PlanRow[]> {
  requireAccess(actor, 'production.plan.write');
  const monthly = await getPlanRow(db, actor.orgId, monthlyPlanId);
  if (monthly.kind !== 'monthly') throw invalidField('planId', '周计划须由月度计划分解', 'weekly plans come from a monthly plan');
  const doc = await findPlanDocument(db, monthly);
  if (!doc || doc.effectiveRevision === null) throw invalidState('月度计划尚未批准，不能分解周计划', 'The monthly plan is not approved yet');
  const week = planPeriod({ kind: 'weekly', weekOf, workshopName: '' });
  if (week.periodEnd < monthly.periodStart || week.periodStart > monthly.periodEnd)
    throw invalidField('weekOf', '该周不在月度计划期间内', 'the week is outside the monthly plan');
  const master = await loadPlanningMaster(db, actor.orgId);
  // Offsets count working days, so the window reaches past weekends and holidays.
  const reach = 2 * Math.max(0, ...master.routings.map((r) => Math.abs(r.offsetDays))) + 7;
  const from = addDays(week.periodStart, -reach);
  const to = addDays(week.periodEnd, reach);
  const window = bucketStarts({ periodStart: from, periodEnd: to, bucket: 'day' });
  const qty = await dailyQuantities(db, actor.orgId, from, to);
  const hoursOf = new Map((await loadWorkshopCapacity(db, actor.orgId, from, to)).map((w) => [w.workshop.id, w.hours]));
  const weekIndex = new Map(bucketStarts(week).map((d, k) => [d, k]));
  const workshops = new Map<string, Map<string, number[]>>();
  for (const op of master.routings) {
    const perDay = qty.get(op.itemId);
    if (!perDay) continue;
    const q = [0, 0, 0, 0, 0, 0, 0];
    window.forEach((day, k) => {
      const planned = perDay.get(day) ?? 0;
      if (planned <= 0) return;
      // The operation runs offset working days of its own workshop from the planned day.
      const run = shiftBucket('day', k, op.offsetDays, hoursOf.get(op.workshopId) ?? []);
      const at = run >= 0 && run < window.length ? weekIndex.get(window[run]) : undefined;
      if (at !== undefined) q[at] += planned;
    });
    if (!q.some((x) => x > 0)) continue;
    const lines = workshops.get(op.workshopId) ?? new Map<string, number[]>();
    const prev = lines.get(op.itemId);
    lines.set(op.itemId, prev ? prev.map((x, k) => round(x + q[k])) : q.map((x) => round(x)));
    workshops.set(op.workshopId, lines);
  }
  const today = await localToday(db, actor.orgId, now);
  return db.transaction(async (tx) => {
    const out: PlanRow[] = [];
    for (const [workshopId, lines] of workshops) {
      const [existing] = await tx
        .select()
        .from(prodPlans)
        .where(
          and(
            eq(prodPlans.orgId, actor.orgId),
            eq(prodPlans.kind, 'weekly'),
            eq(prodPlans.workshopId, workshopId),
            eq(prodPlans.periodStart, week.periodStart),
          ),
        );
      if (existing?.confirmedAt) {
        out.push(existing);
        continue;
      }
      const plan =
        existing ??
        (await insertPlan(
          tx,
          workflows,
          actor,
          {
            period: { kind: 'weekly', weekOf: week.periodStart, workshopName: await workshopName(tx, actor.orgId, workshopId) },
            workshopId,
            parentPlanId: monthly.id,
          },
          now,
        ));
      await tx.delete(prodPlanLines).where(and(eq(prodPlanLines.orgId, actor.orgId), eq(prodPlanLines.planId, plan.id)));
      await tx
        .insert(prodPlanLines)
        .values(
          [...lines].map(([itemId, quantities], i) => ({ orgId: actor.orgId, planId: plan.id, itemId, quantities, total: lineTotal(quantities), sort: i })),
        );
      const [bumped] = await tx
        .update(prodPlans)
        .set({ version: sql`${prodPlans.version} + 1`, updatedAt: now, parentPlanId: monthly.id })
        .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.id, plan.id)))
        .returning();
      await refreshPlanCapacity(tx, bumped, today);
      out.push(bumped);
    }
    await writeAudit(tx, actor, {
      action: 'production.weekly.derive',
      entity: 'prod_plan',
      entityId: monthly.id,
      after: { week: week.periodStart, plans: out.map((p) => p.id) },
    });
    return out;
  });
}

async function workshopName(db: Db, orgId: string, id: string): Promise<string> {
  return (await getWorkshopRow(db, orgId, id)).name;
}

/** The workshop confirms its weekly plan; its people are told (T4 第二十条、第三十一条). */
export async function confirmWeeklyPlan(db: Db, actor: Actor, planId: string, version: number, now: Date) {
  const plan = await getPlanRow(db, actor.orgId, planId);
  if (plan.kind !== 'weekly') throw invalidState('只有周计划由车间确认', 'Only weekly plans are confirmed by the workshop');
  await assertCanWritePlan(db, actor, plan);
  if (plan.confirmedAt) throw invalidState('周计划已确认', 'The weekly plan is already confirmed');
  // Issue 14 item 2: a week over capacity is confirmed only with countermeasures covering the hours over (T4 第十九条).
  const { overloads } = await findUncoveredOverloads(db, plan, await localToday(db, actor.orgId, now));
  if (overloads.length) {
    throw invalidState(
      `本车间周计划超出产能，须先记录足以解决超出工时的应对措施才能确认（T4 第十九条）：${overloads
        .slice(0, 5)
        .map((o) => describeShortfall(o, 'zh'))
        .join('；')}`,
      `The week is over capacity; record countermeasures covering the hours over before confirming (T4 art. 19): ${overloads
        .slice(0, 5)
        .map((o) => describeShortfall(o, 'en'))
        .join('; ')}`,
    );
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodPlans)
      .set({ confirmedAt: now, confirmedBy: actor.userId, version: sql`${prodPlans.version} + 1` })
      .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.id, planId), eq(prodPlans.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.weekly.confirm', entity: 'prod_plan', entityId: planId, after: { confirmedAt: now } });
    const workshop = await getWorkshopRow(tx, actor.orgId, plan.workshopId!);
    if (workshop.departmentId) {
      await notifyUsers(tx, actor.orgId, await findUserIdsInDepartment(tx, actor.orgId, workshop.departmentId), {
        kind: 'production.weekly',
        title: { zh: `本周生产计划已确认：${plan.title}`, en: `Weekly plan confirmed: ${plan.title}` },
        link: planLink(planId),
      });
    }
    return row;
  });
}
