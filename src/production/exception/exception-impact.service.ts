import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { invalidField } from '#core/errors';
import { users } from '#core/org';
import { loadWorkshopCapacity, prodItems, prodRoutingOps, prodWorkshops } from '../master/index';
import { bucketStarts, findLinesInForce, findPlanDocument, type PlanRow, prodPlans } from '../plan/index';
import type { ExceptionOptions } from './exception.contract';
import { type ImpactLineFacts, lastPlannedDay } from './exception.rules';
import { orgToday } from '#core/calendar';

// What the exception rule needs from the database: the plans in force, their lines, the
// routing hours in the reporting workshop and its capacity calendar.

const IMPACT_KINDS = ['monthly', 'weekly'] as const;

/** The plans in force on `day`: this month's plan and the workshops' weekly plans. */
async function findPlansInForce(db: Db, orgId: string, day: string) {
  const plans = await db
    .select()
    .from(prodPlans)
    .where(
      and(
        eq(prodPlans.orgId, orgId),
        inArray(prodPlans.kind, [...IMPACT_KINDS]),
        lte(prodPlans.periodStart, day),
        gte(prodPlans.periodEnd, day),
        eq(prodPlans.bucket, 'day'),
      ),
    );
  const out: { plan: PlanRow; lines: { itemId: string; quantities: number[] }[] }[] = [];
  for (const plan of plans) {
    const lines = await findLinesInForce(db, plan, await findPlanDocument(db, plan));
    if (lines?.length) out.push({ plan, lines: lines.map((l) => ({ itemId: l.itemId, quantities: [...l.quantities] })) });
  }
  return out;
}

/** The workshop the person works in: the one whose department is theirs. */
export async function findMyWorkshopId(db: Db, actor: Actor): Promise<string | null> {
  const [row] = await db
    .select({ id: prodWorkshops.id })
    .from(prodWorkshops)
    .innerJoin(users, and(eq(users.orgId, prodWorkshops.orgId), eq(users.departmentId, prodWorkshops.departmentId)))
    .where(and(eq(prodWorkshops.orgId, actor.orgId), eq(users.id, actor.userId)))
    .limit(1);
  return row?.id ?? null;
}

export async function getExceptionOptions(db: Db, actor: Actor, now: Date): Promise<ExceptionOptions> {
  requireAccess(actor, 'production.read');
  const today = await orgToday(db, actor.orgId, now);
  const [workshops, plans, myWorkshopId] = await Promise.all([
    db
      .select({ id: prodWorkshops.id, code: prodWorkshops.code, name: prodWorkshops.name })
      .from(prodWorkshops)
      .where(eq(prodWorkshops.orgId, actor.orgId))
      .orderBy(prodWorkshops.sort, prodWorkshops.code),
    findPlansInForce(db, actor.orgId, today),
    findMyWorkshopId(db, actor),
  ]);
  const itemIds = [...new Set(plans.flatMap((p) => p.lines.map((l) => l.itemId)))];
  const items = itemIds.length
    ? await db
        .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, unit: prodItems.unit })
        .from(prodItems)
        .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, itemIds)))
    : [];
  const byId = new Map(items.map((i) => [i.id, i]));
  return {
    today,
    myWorkshopId,
    workshops,
    plans: plans.map(({ plan, lines }) => ({
      id: plan.id,
      kind: plan.kind,
      title: plan.title,
      workshopId: plan.workshopId,
      lines: lines
        .filter((l) => l.quantities.some((q) => q > 0))
        .map((l) => ({ itemId: l.itemId, code: byId.get(l.itemId)?.code ?? '', name: byId.get(l.itemId)?.name ?? '', unit: byId.get(l.itemId)?.unit ?? '' })),
    })),
  };
}

export interface ImpactLineLabel {
  planKind: string;
  planTitle: string;
  itemCode: string;
  itemName: string;
}

/**
 * The facts of each named plan line for the rule: its last planned day from the start, and the
 * reporting workshop's capacity and load over those days. A line outside the organisation or
 * outside a plan in force is a 400 naming it.
 */
export async function loadImpactLines(db: Db, orgId: string, workshopId: string, startedOn: string, refs: readonly { planId: string; itemId: string }[]) {
  if (refs.length === 0) return { facts: [] as ImpactLineFacts[], labels: new Map<string, ImpactLineLabel>() };
  const inForce = await findPlansInForce(db, orgId, startedOn);
  const ops = await db
    .select({ itemId: prodRoutingOps.itemId, hoursPerUnit: prodRoutingOps.hoursPerUnit })
    .from(prodRoutingOps)
    .where(and(eq(prodRoutingOps.orgId, orgId), eq(prodRoutingOps.workshopId, workshopId)));
  const hoursPerUnit = new Map<string, number>();
  for (const op of ops) hoursPerUnit.set(op.itemId, (hoursPerUnit.get(op.itemId) ?? 0) + op.hoursPerUnit);
  const itemIds = [...new Set(refs.map((r) => r.itemId))];
  const items = new Map(
    (
      await db
        .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name })
        .from(prodItems)
        .where(and(eq(prodItems.orgId, orgId), inArray(prodItems.id, itemIds)))
    ).map((i) => [i.id, i]),
  );
  const facts: ImpactLineFacts[] = [];
  const labels = new Map<string, ImpactLineLabel>();
  for (const [i, ref] of refs.entries()) {
    const found = inForce.find((p) => p.plan.id === ref.planId);
    const line = found?.lines.find((l) => l.itemId === ref.itemId);
    const item = items.get(ref.itemId);
    if (!found || !line || !item) throw invalidField(`lines[${i}]`, '该计划行不在当前执行的月度/周计划中', 'not a line of a monthly or weekly plan in force');
    const days = bucketStarts(found.plan);
    const dueOn = lastPlannedDay(days, line.quantities, startedOn);
    let capacityHours = 0;
    let loadHours = 0;
    if (dueOn) {
      const [capacity] = (await loadWorkshopCapacity(db, orgId, startedOn, dueOn)).filter((w) => w.workshop.id === workshopId);
      capacityHours = (capacity?.hours ?? []).reduce((s, h) => s + h, 0);
      days.forEach((d, k) => {
        if (d < startedOn || d > dueOn) return;
        for (const l of found.lines) loadHours += (l.quantities[k] ?? 0) * (hoursPerUnit.get(l.itemId) ?? 0);
      });
    }
    const label = `${found.plan.title} · ${item.code} ${item.name}`;
    facts.push({ planId: ref.planId, itemId: ref.itemId, label, dueOn, capacityHours, loadHours });
    labels.set(`${ref.planId}|${ref.itemId}`, { planKind: found.plan.kind, planTitle: found.plan.title, itemCode: item.code, itemName: item.name });
  }
  return { facts, labels };
}
