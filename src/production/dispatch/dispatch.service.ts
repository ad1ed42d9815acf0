import { and, eq, gte, inArray, like, lte, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { documents } from '#core/approval';
import { deadlines, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { invalidState } from '#core/errors';
import { findMeetings, getMeeting, meetings, updateMeeting } from '#core/meeting';
import { findOverloads, findUnderloads, type CapacityView, percent } from '../capacity/index';
import { addMonths, monthEnd, monthOf, monthStart } from '../common/index';
import { prodOrderLines, prodOrders, prodShipments } from '../demand/index';
import { prodItems } from '../master/index';
import { monthlyPlanDueDates, prodOrderAbsorptions, prodPlanLines, prodPlanRequests, prodPlans } from '../plan/index';
import { AGENDA_MARKER, type DispatchFacts, dispatchAgenda, type PlanFacts } from './dispatch.rules';

async function planFacts(db: Db, orgId: string, month: string): Promise<{ facts: PlanFacts; planId: string } | null> {
  const [row] = await db
    .select({ p: prodPlans, doc: documents })
    .from(prodPlans)
    .leftJoin(documents, and(eq(documents.orgId, prodPlans.orgId), eq(documents.id, prodPlans.documentId)))
    .where(and(eq(prodPlans.orgId, orgId), eq(prodPlans.kind, 'monthly'), eq(prodPlans.periodStart, monthStart(month))));
  if (!row) return null;
  const [sum] = await db
    .select({ n: sql<number>`count(*)::int`, total: sql<number>`coalesce(sum(${prodPlanLines.total}), 0)::float8` })
    .from(prodPlanLines)
    .where(and(eq(prodPlanLines.orgId, orgId), eq(prodPlanLines.planId, row.p.id)));
  const capacity = row.p.capacity as CapacityView | null;
  const shortages = ((row.p.materialsSummary as { shortages?: { itemId: string; qty: number }[] } | null)?.shortages ?? []).slice(0, 5);
  const labels = shortages.length
    ? new Map(
        (
          await db
            .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, unit: prodItems.unit })
            .from(prodItems)
            .where(
              and(
                eq(prodItems.orgId, orgId),
                inArray(
                  prodItems.id,
                  shortages.map((s) => s.itemId),
                ),
              ),
            )
        ).map((i) => [i.id, i]),
      )
    : new Map();
  return {
    planId: row.p.id,
    facts: {
      number: row.doc?.number ?? null,
      title: row.p.title,
      state: row.doc?.state ?? 'draft',
      revision: row.doc?.revision ?? null,
      lineCount: sum.n,
      total: sum.total,
      overloads: capacity ? findOverloads(capacity).map((o) => `${o.workshopName} ${o.label.zh} ${percent(o.utilisation)}`) : [],
      underloads: capacity ? findUnderloads(capacity).map((o) => `${o.workshopName} ${o.label.zh} ${percent(o.utilisation)}`) : [],
      shortages: shortages.map((s) => {
        const i = labels.get(s.itemId);
        return `${i?.code ?? ''} ${i?.name ?? ''} ${Math.round(s.qty * 100) / 100} ${i?.unit ?? ''}`.trim();
      }),
    },
  };
}

/** PP-21: the records behind the dispatch meeting of the month `date` falls in. */
export async function gatherDispatchFacts(db: Db, orgId: string, date: string): Promise<DispatchFacts> {
  const month = monthOf(date);
  const nextMonth = addMonths(month, 1);
  const [thisPlan, nextPlan] = await Promise.all([planFacts(db, orgId, month), planFacts(db, orgId, nextMonth)]);
  const from = monthStart(month);
  const to = monthEnd(month);
  const [ship] = await db
    .select({
      sheets: sql<number>`count(distinct ${prodOrders.id})::int`,
      shipped: sql<number>`coalesce(sum(${prodShipments.shippedQty}), 0)::float8`,
      planned: sql<number>`coalesce(sum(${prodShipments.qty}), 0)::float8`,
    })
    .from(prodShipments)
    .innerJoin(prodOrderLines, and(eq(prodOrderLines.orgId, prodShipments.orgId), eq(prodOrderLines.id, prodShipments.orderLineId)))
    .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderLines.orgId), eq(prodOrders.id, prodOrderLines.orderId)))
    .where(and(eq(prodShipments.orgId, orgId), gte(prodShipments.plannedOn, from), lte(prodShipments.plannedOn, to)));
  const absorptions = thisPlan
    ? await db
        .select({ decision: prodOrderAbsorptions.decision, n: sql<number>`count(*)::int` })
        .from(prodOrderAbsorptions)
        .where(and(eq(prodOrderAbsorptions.orgId, orgId), eq(prodOrderAbsorptions.planId, thisPlan.planId)))
        .groupBy(prodOrderAbsorptions.decision)
    : [];
  const late = await db
    .select({ title: deadlines.titleZh, dueOn: deadlines.dueOn })
    .from(deadlines)
    .where(
      and(
        eq(deadlines.orgId, orgId),
        like(deadlines.subjectType, 'production.%'),
        gte(deadlines.dueOn, addMonthsDate(from, -1)),
        lte(deadlines.dueOn, date),
        sql`(${deadlines.state} = 'missed' or ${deadlines.missedAt} is not null or (${deadlines.state} = 'open' and ${deadlines.dueOn} < ${date}))`,
      ),
    );
  const requests = await db
    .select({ number: prodPlanRequests.number, title: prodPlanRequests.title })
    .from(prodPlanRequests)
    .where(and(eq(prodPlanRequests.orgId, orgId), inArray(prodPlanRequests.state, ['received', 'infeasible'])));
  return {
    month,
    nextMonth,
    thisPlan: thisPlan?.facts ?? null,
    nextPlan: nextPlan?.facts ?? null,
    salesSheets: ship?.sheets ?? 0,
    shippedQty: ship?.shipped ?? 0,
    plannedShipQty: ship?.planned ?? 0,
    absorbed: absorptions.find((a) => a.decision === 'absorbed')?.n ?? 0,
    adjusted: absorptions.find((a) => a.decision === 'adjusted')?.n ?? 0,
    lateItems: late.map((l) => `${l.title}（${l.dueOn}）`),
    openRequests: requests.map((r) => `${r.number} ${r.title}`),
    nextPlanDueOn: (await monthlyPlanDueDates(db, orgId, nextMonth)).compileOn,
  };
}

const addMonthsDate = (date: string, n: number) => monthStart(addMonths(monthOf(date), n));

/** The dispatch meetings of the organisation, with the agenda the records would give now. */
export async function findDispatchMeetings(db: Db, actor: Actor, now: Date) {
  requireAccess(actor, 'production.read');
  requireAccess(actor, 'meeting.read');
  const today = await orgToday(db, actor.orgId, now);
  const from = monthStart(addMonths(monthOf(today), -3));
  const list = (await findMeetings(db, actor, { scope: 'all', from: `${from}T00:00:00Z` })).filter((m) => m.kind === 'dispatch');
  return list.map((m) => ({
    id: m.id,
    title: m.title,
    occursOn: m.occursOn,
    startsAt: m.startsAt,
    state: m.state,
    chairName: m.chairName,
    version: m.version,
    isPrefilled: m.agenda.includes(AGENDA_MARKER),
    link: `/meetings/${m.id}`,
  }));
}

export async function previewDispatchAgenda(db: Db, actor: Actor, date: string) {
  requireAccess(actor, 'production.read');
  return { date, agenda: dispatchAgenda(await gatherDispatchFacts(db, actor.orgId, date)) };
}

/** Writes the records' agenda into a dispatch meeting (the chair may still edit it). */
export async function prefillDispatchAgenda(db: Db, actor: Actor, meetingId: string, version: number) {
  requireAccess(actor, 'production.read');
  const m = await getMeeting(db, actor, meetingId);
  if (m.kind !== 'dispatch') throw invalidState('只有生产调度例会预填议程', 'Only dispatch meetings get a pre-filled agenda');
  const agenda = dispatchAgenda(await gatherDispatchFacts(db, actor.orgId, m.occursOn));
  return updateMeeting(db, actor, meetingId, { version, agenda });
}

/** Scheduler: dispatch meetings in the next days get their agenda once. */
export async function prefillUpcomingDispatchAgendas(db: Db, actor: Actor, now: Date, daysAhead = 3) {
  const rows = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.orgId, actor.orgId),
        eq(meetings.kind, 'dispatch'),
        eq(meetings.state, 'planned'),
        gte(meetings.startsAt, now),
        lte(meetings.startsAt, new Date(now.getTime() + daysAhead * 86_400_000)),
      ),
    );
  let filled = 0;
  for (const m of rows.filter((r) => !r.agenda.includes(AGENDA_MARKER))) {
    const agenda = dispatchAgenda(await gatherDispatchFacts(db, actor.orgId, m.occursOn));
    await updateMeeting(db, actor, m.id, { version: m.version, agenda: `${agenda}\n\n${m.agenda}`.trim() });
    filled++;
  }
  return filled;
}
