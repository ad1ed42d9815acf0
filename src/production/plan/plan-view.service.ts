import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { type DocumentView, getDocument, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { notFound } from '#core/errors';
import { type CapacityView, checkCountermeasureCover, findUnderloads } from '../capacity/index';
import { asDocView, chunk } from '../common/index';
import { prodItems, prodWorkshops } from '../master/index';
import { canWritePlan } from './plan-access';
import { findCountermeasures, refreshIfCalendarChanged } from './plan-capacity.service';
import { diffPlanLines, type LineDiff } from './plan-lines.rules';
import { bucketStarts, capacityGroups } from './plan-period.rules';
import { findPlanByDocument, findPlanDocument, findRevisionLines, findWorkingLines, getPlanRow, planStateOf } from './plan.query';
import type { MaterialSummaryOut, PlanView } from './plan.contract';
import { prodPlanRevisionLines } from './plan.schema';
import { orgToday as localToday } from '#core/calendar';

export interface ItemLabel {
  code: string;
  name: string;
  spec: string;
  unit: string;
  category: string;
}

export async function findItemLabels(db: Db, orgId: string, ids: Iterable<string>): Promise<Record<string, ItemLabel>> {
  const out: Record<string, ItemLabel> = {};
  for (const batch of chunk([...new Set(ids)], 5000)) {
    if (batch.length === 0) continue;
    const rows = await db
      .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, spec: prodItems.spec, unit: prodItems.unit, category: prodItems.category })
      .from(prodItems)
      .where(and(eq(prodItems.orgId, orgId), inArray(prodItems.id, batch)));
    for (const { id, ...label } of rows) out[id] = label;
  }
  return out;
}

async function findSnapshotRevisions(db: Db, orgId: string, planId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ revision: prodPlanRevisionLines.revision })
    .from(prodPlanRevisionLines)
    .where(and(eq(prodPlanRevisionLines.orgId, orgId), eq(prodPlanRevisionLines.planId, planId)))
    .orderBy(asc(prodPlanRevisionLines.revision));
  return rows.map((r) => r.revision);
}

/** Everything the plan screen shows: grid, capacity heat map, countermeasures, approval. */
export async function getPlanView(db: Db, workflows: Workflows, actor: Actor, planId: string, now?: Date): Promise<PlanView> {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  // Issue 14 item 1: a check computed on an old capacity calendar is recomputed before it is shown.
  if (now && plan.capacity !== null) await refreshIfCalendarChanged(db, plan, await localToday(db, actor.orgId, now));
  const doc = await findPlanDocument(db, plan);
  const [lines, countermeasures, revisions] = await Promise.all([
    findWorkingLines(db, actor.orgId, plan.id),
    findCountermeasures(db, actor.orgId, plan.id),
    findSnapshotRevisions(db, actor.orgId, plan.id),
  ]);
  const capacity = plan.capacity as CapacityView | null;
  const cover = capacity ? checkCountermeasureCover(capacity, countermeasures) : null;
  const ids = new Set(lines.map((l) => l.itemId));
  for (const r of capacity?.rows ?? []) for (const c of r.cells) for (const i of c.items) ids.add(i.itemId);
  for (const u of capacity?.unrouted ?? []) ids.add(u.itemId);
  const items = await findItemLabels(db, actor.orgId, ids);
  const [workshop] = plan.workshopId
    ? await db
        .select({ name: prodWorkshops.name })
        .from(prodWorkshops)
        .where(and(eq(prodWorkshops.orgId, actor.orgId), eq(prodWorkshops.id, plan.workshopId)))
    : [];
  const state = planStateOf(plan, doc);
  const document: DocumentView | null = doc && hasPermission(actor, 'document.read') ? await getDocument(db, workflows, actor, doc.id) : null;
  lines.sort((a, b) => a.sort - b.sort || (items[a.itemId]?.code ?? '').localeCompare(items[b.itemId]?.code ?? ''));
  return {
    id: plan.id,
    kind: plan.kind,
    title: plan.title,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    bucket: plan.bucket,
    workshopId: plan.workshopId,
    workshopName: workshop?.name ?? null,
    parentPlanId: plan.parentPlanId,
    requestId: plan.requestId,
    version: plan.version,
    state,
    documentId: plan.documentId,
    number: doc?.number ?? null,
    revision: doc?.revision ?? null,
    effectiveRevision: doc?.effectiveRevision ?? null,
    confirmedAt: plan.confirmedAt,
    isEditable: state === 'draft',
    canEdit: state === 'draft' && (await canWritePlan(db, actor, plan)),
    buckets: bucketStarts(plan),
    capacityGroups: capacityGroups(plan.kind, plan).map((g) => ({ start: g.start, label: g.label })),
    lines: lines.map((l) => ({ itemId: l.itemId, forecastQty: l.forecastQty, quantities: l.quantities, total: l.total, note: l.note })),
    items,
    capacity,
    capacityStatus: plan.capacityStatus,
    isCapacityFresh: plan.capacityVersion === plan.version,
    capacityCalendarChangedOn: plan.capacityCalendarChangedOn,
    // Issue 14 item 2: each overload with the hours answered and still missing, each countermeasure judged.
    overloads: cover?.uncovered ?? [],
    allOverloads: cover?.overloads ?? [],
    countermeasureCheck: cover?.countermeasures ?? [],
    underloads: capacity ? findUnderloads(capacity) : [],
    underReportedAt: plan.underReportedAt,
    countermeasures,
    materialsAt: plan.materialsAt,
    materialsSummary: plan.materialsSummary as MaterialSummaryOut | null,
    revisions,
    document: document && asDocView(document),
  };
}

export async function getPlanIdByDocument(db: Db, actor: Actor, documentId: string): Promise<{ id: string }> {
  requireAccess(actor, 'production.read');
  const plan = await findPlanByDocument(db, actor.orgId, documentId);
  if (!plan) throw notFound('生产计划', 'Production plan');
  return { id: plan.id };
}

export interface PlanDiff {
  from: number | 'working';
  to: number | 'working';
  buckets: string[];
  changes: LineDiff[];
  items: Record<string, ItemLabel>;
}

/** CORE-4 for plans: what changed between two revisions (or a revision and the working draft). */
export async function diffPlanRevisions(db: Db, actor: Actor, planId: string, from: number | 'working', to: number | 'working'): Promise<PlanDiff> {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  const load = async (r: number | 'working') => {
    if (r === 'working')
      return (await findWorkingLines(db, actor.orgId, planId)).map((l) => ({
        itemId: l.itemId,
        forecastQty: l.forecastQty,
        quantities: l.quantities,
        total: l.total,
      }));
    const rows = await findRevisionLines(db, actor.orgId, planId, r);
    if (rows.length === 0) {
      const known = await findSnapshotRevisions(db, actor.orgId, planId);
      if (!known.includes(r)) throw notFound(`第 ${r} 版`, `Revision ${r}`);
    }
    return rows;
  };
  const changes = diffPlanLines(await load(from), await load(to));
  return {
    from,
    to,
    buckets: bucketStarts(plan),
    changes,
    items: await findItemLabels(
      db,
      actor.orgId,
      changes.map((c) => c.itemId),
    ),
  };
}
