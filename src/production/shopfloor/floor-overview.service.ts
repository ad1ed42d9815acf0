import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { loadWorkshopCapacity } from '../master/index';
import { findMyWorkshopId, getWorkshopFor, isProductionDept } from '../exception/index';
import { findOperationRecords, findPatrols } from './patrol.service';
import { findDocsInForce } from './process-doc.service';
import { findRectifications } from './rectification.service';
import type { FloorOverview } from './shopfloor.contract';
import { prodPatrols, prodRectifications, prodSafetyChecks } from './shopfloor.schema';
import { checkViews, recordViews, workshopPeople } from './shopfloor.views';
import { orgToday } from '#core/calendar';

/**
 * 现场管理 (PP-20): a workshop's day — today's checklists, open rectifications, recent patrols
 * and records, the process steps in force — and for the production department every workshop
 * at a glance.
 */
export async function getFloorOverview(db: Db, actor: Actor, workshopId: string | undefined, now: Date): Promise<FloorOverview> {
  requireAccess(actor, 'production.read');
  const today = await orgToday(db, actor.orgId, now);
  const canSeeAll = isProductionDept(actor);
  const mine = await findMyWorkshopId(db, actor);
  const capacity = await loadWorkshopCapacity(db, actor.orgId, today, today);
  const [checkedToday, counts, lastPatrols] = await Promise.all([
    db
      .selectDistinct({ workshopId: prodSafetyChecks.workshopId })
      .from(prodSafetyChecks)
      .where(and(eq(prodSafetyChecks.orgId, actor.orgId), eq(prodSafetyChecks.checkedOn, today))),
    db
      .select({
        workshopId: prodRectifications.workshopId,
        active: sql<number>`count(*)::int`,
        escalated: sql<number>`count(*) filter (where ${prodRectifications.state} = 'escalated')::int`,
        overdue: sql<number>`count(*) filter (where ${prodRectifications.dueOn} < ${today})::int`,
      })
      .from(prodRectifications)
      .where(and(eq(prodRectifications.orgId, actor.orgId), inArray(prodRectifications.state, ['open', 'escalated'])))
      .groupBy(prodRectifications.workshopId),
    db
      .select({ workshopId: prodPatrols.workshopId, last: sql<string>`max(${prodPatrols.inspectedOn})::text` })
      .from(prodPatrols)
      .where(eq(prodPatrols.orgId, actor.orgId))
      .groupBy(prodPatrols.workshopId),
  ]);
  const workshops = capacity.map((c) => {
    const n = counts.find((x) => x.workshopId === c.workshop.id);
    return {
      id: c.workshop.id,
      name: c.workshop.name,
      isWorkingDay: (c.hours[0] ?? 0) > 0,
      checkedToday: checkedToday.some((x) => x.workshopId === c.workshop.id),
      active: n?.active ?? 0,
      escalated: n?.escalated ?? 0,
      overdue: n?.overdue ?? 0,
      lastPatrolOn: lastPatrols.find((p) => p.workshopId === c.workshop.id)?.last ?? null,
    };
  });
  const chosen = workshopId ?? mine ?? (canSeeAll ? (workshops[0]?.id ?? null) : null);
  if (!chosen) return { today, canSeeAll, workshops, workshop: null, checks: [], rectifications: [], patrols: [], records: [], steps: [], people: [] };
  const workshop = await getWorkshopFor(db, actor.orgId, chosen);
  const [checks, rectifications, patrols, records, docs, people] = await Promise.all([
    db
      .select()
      .from(prodSafetyChecks)
      .where(and(eq(prodSafetyChecks.orgId, actor.orgId), eq(prodSafetyChecks.workshopId, chosen), eq(prodSafetyChecks.checkedOn, today)))
      .orderBy(desc(prodSafetyChecks.checkedAt)),
    findRectifications(db, actor, { workshopId: chosen, state: 'active' }, now),
    findPatrols(db, actor, { workshopId: chosen, limit: 5 }, now),
    findOperationRecords(db, actor.orgId, chosen, 20),
    findDocsInForce(db, actor.orgId, chosen),
    workshopPeople(db, actor.orgId, workshop.departmentId),
  ]);
  const steps = [...new Set(docs.filter((d) => d.body.category === 'procedure').flatMap((d) => d.body.items.map((i) => i.title)))];
  return {
    today,
    canSeeAll,
    workshops: canSeeAll ? workshops : workshops.filter((w) => w.id === chosen),
    workshop: { id: workshop.id, name: workshop.name },
    checks: await checkViews(db, actor.orgId, checks),
    rectifications,
    patrols,
    records: await recordViews(db, actor.orgId, records),
    steps,
    people,
  };
}
