import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { addDays, orgToday, weekStartOf } from '#core/calendar';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState } from '#core/errors';
import { getPolicy } from '#core/policy';
import { nextProductionNumber } from '../common/index';
import { findOnHandByItem, prodItems, prodWorkshops } from '../master/index';
import { loadNormFacts } from './norm.service';
import { loadPlannedDays, plannedQuantities, sourceOf } from './plan-days.service';
import type { PlanDaysView, ProposalBody, ProposalView, RequisitionBody, RequisitionView } from './requisition.contract';
import { notifyDirectors, notifyRequisition } from './requisition-notify';
import { findMyDepartmentId, findPriorLines, findRequisitionsOnDays, workshopOf } from './requisition.query';
import { checkRequestedLines, isAboveNorm, normsByDay, priorForDays, proposeLines } from './requisition.rules';
import { prodRequisitionLines, prodRequisitions } from './requisition.schema';
import { getRequisitionView } from './requisition-view.service';
import { recordEvent } from './requisition-transition.service';

// PP-17 (T4 第二十八条、第三十八条): the workshop's team leader or director requisitions materials
// for days of its plan; the quantities are proposed from the norms and may be changed, a line
// above the norm with its reason.

export const REQUISITION_PREFIX = 'LL';

/** Only the workshop's own people requisition for it; the workshop must belong to a department (its director approves). */
async function assertWorkshopMember(db: Db, actor: Actor, workshopId: string) {
  const workshop = await workshopOf(db, actor.orgId, workshopId);
  if (!workshop.departmentId) {
    throw invalidState(
      `${workshop.name}未关联部门，无法确定车间主任；请先在基础资料中设置`,
      `${workshop.name} has no department, so it has no director to approve; set it in the master data first`,
    );
  }
  if ((await findMyDepartmentId(db, actor)) !== workshop.departmentId) {
    throw new AppError(
      'FORBIDDEN',
      `只有${workshop.name}的班长或车间主任可以为本车间领料`,
      `Only ${workshop.name}'s own team leaders or director may requisition for it`,
    );
  }
  return workshop;
}

/** The workshop whose department the person belongs to (the first, should a department run two). */
async function myWorkshopId(db: Db, actor: Actor): Promise<string> {
  const department = await findMyDepartmentId(db, actor);
  const [row] = department
    ? await db
        .select({ id: prodWorkshops.id })
        .from(prodWorkshops)
        .where(and(eq(prodWorkshops.orgId, actor.orgId), eq(prodWorkshops.departmentId, department)))
        .orderBy(prodWorkshops.sort)
        .limit(1)
    : [];
  if (!row) throw invalidField('workshopId', '您不属于任何车间，请选择车间', 'you belong to no workshop: choose one');
  return row.id;
}

const dayList = (days: readonly string[]) => [...new Set(days)].sort();

/** The week's plan days of the workshop, what is planned on each and the requisitions already made. */
export async function getPlanDays(db: Db, actor: Actor, workshopId: string | undefined, weekOf: string | undefined, now: Date): Promise<PlanDaysView> {
  requireAccess(actor, 'production.requisition.write');
  const workshop = await assertWorkshopMember(db, actor, workshopId ?? (await myWorkshopId(db, actor)));
  const start = weekStartOf(weekOf ?? (await orgToday(db, actor.orgId, now)));
  const days = Array.from({ length: 7 }, (_, k) => addDays(start, k));
  const [planned, made] = await Promise.all([loadPlannedDays(db, actor.orgId, workshop.id, days), findRequisitionsOnDays(db, actor.orgId, workshop.id, days)]);
  const ids = [...new Set(planned.days.flatMap((d) => [...d.products.keys()]))];
  const items = ids.length
    ? await db
        .select()
        .from(prodItems)
        .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, ids)))
    : [];
  const item = new Map(items.map((i) => [i.id, i]));
  return {
    workshopId: workshop.id,
    workshopName: workshop.name,
    weekStart: start,
    hasUnconfirmedWeekly: planned.hasUnconfirmedWeekly,
    days: planned.days.map((d) => ({
      day: d.day,
      source: d.source,
      planId: d.planId,
      products: [...d.products].map(([itemId, qty]) => ({
        itemId,
        code: item.get(itemId)?.code ?? '',
        name: item.get(itemId)?.name ?? '',
        unit: item.get(itemId)?.unit ?? '',
        qty,
      })),
      requisitions: made.filter((r) => r.days.includes(d.day)).map((r) => ({ id: r.id, number: r.number })),
    })),
  };
}

async function buildProposal(db: Db, orgId: string, workshopId: string, days: string[]) {
  const [planned, facts, priorLines, policy] = await Promise.all([
    loadPlannedDays(db, orgId, workshopId, days),
    loadNormFacts(db, orgId),
    findPriorLines(db, orgId, workshopId, days),
    getPolicy(db, orgId),
  ]);
  const perDay = normsByDay(workshopId, plannedQuantities(planned.days), facts.norms);
  const prior = priorForDays(priorLines, days);
  const ids = [...new Set([...perDay.keys(), ...prior.keys()])];
  const items = ids.length
    ? await db
        .select()
        .from(prodItems)
        .where(and(eq(prodItems.orgId, orgId), inArray(prodItems.id, ids)))
    : [];
  const item = new Map(items.map((i) => [i.id, i]));
  const lines = proposeLines(days, perDay, prior, (id) => item.get(id)?.unit ?? '').sort(
    (a, b) =>
      (item.get(a.itemId)?.sort ?? 0) - (item.get(b.itemId)?.sort ?? 0) || (item.get(a.itemId)?.code ?? '').localeCompare(item.get(b.itemId)?.code ?? ''),
  );
  return {
    ...sourceOf(planned.days),
    lines,
    prior,
    item,
    tolerance: policy.production.requisitionNormTolerance,
    aboveNormRole: policy.production.requisitionAboveNormApproverRole,
  };
}

/** PP-17: the proposed quantities for the days — norm minus what was already requisitioned for them. */
export async function proposeRequisition(db: Db, actor: Actor, body: ProposalBody): Promise<ProposalView> {
  requireAccess(actor, 'production.requisition.write');
  await assertWorkshopMember(db, actor, body.workshopId);
  const days = dayList(body.days);
  const p = await buildProposal(db, actor.orgId, body.workshopId, days);
  const onHand = await findOnHandByItem(db, actor.orgId);
  return {
    workshopId: body.workshopId,
    days,
    source: p.source,
    planId: p.planId,
    tolerance: p.tolerance,
    lines: p.lines.map((l) => {
      const it = p.item.get(l.itemId);
      return {
        itemId: l.itemId,
        code: it?.code ?? '',
        name: it?.name ?? '',
        spec: it?.spec ?? '',
        unit: it?.unit ?? '',
        normQty: l.normQty,
        priorQty: l.priorQty,
        proposedQty: l.proposedQty,
        onHand: onHand.get(l.itemId) ?? 0,
      };
    }),
  };
}

/** PP-17: a numbered requisition (LL-2026-0001), submitted to the workshop director at once. */
export async function createRequisition(db: Db, actor: Actor, body: RequisitionBody, now: Date): Promise<RequisitionView> {
  requireAccess(actor, 'production.requisition.write');
  const workshop = await assertWorkshopMember(db, actor, body.workshopId);
  const days = dayList(body.days);
  const p = await buildProposal(db, actor.orgId, body.workshopId, days);
  const known = new Set(
    (
      await db
        .select({ id: prodItems.id })
        .from(prodItems)
        .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, [...new Set(body.lines.map((l) => l.itemId))])))
    ).map((r) => r.id),
  );
  const bad = body.lines.findIndex((l) => !known.has(l.itemId));
  if (bad >= 0) throw invalidField(`lines.${bad}.itemId`, '物料不存在', 'unknown item');
  const proposal = new Map(p.lines.map((l) => [l.itemId, l]));
  const lines = body.lines.map((l) => {
    const norm = proposal.get(l.itemId);
    return {
      itemId: l.itemId,
      requestedQty: l.requestedQty,
      reason: l.reason?.trim() ?? '',
      normQty: norm?.normQty ?? 0,
      priorQty: p.prior.get(l.itemId) ?? 0,
      normByDay: norm?.normByDay ?? {},
    };
  });
  const problems = checkRequestedLines(lines, p.tolerance);
  if (problems.length)
    throw new AppError(
      'VALIDATION_FAILED',
      problems[0].zh,
      problems[0].en,
      problems.map((x) => ({ field: x.field, reason: x.en })),
    );
  const marked = lines.map((l) => ({ ...l, isAboveNorm: isAboveNorm(l, p.tolerance) }));
  const aboveNorm = marked.some((l) => l.isAboveNorm);
  // The director writing for their own workshop has approved it by writing it (第二十八条 经车间主任批准).
  const isDirector = hasPermission(actor, 'production.requisition.approve');
  const state = isDirector ? (aboveNorm ? 'escalated' : 'approved') : 'submitted';
  const today = await orgToday(db, actor.orgId, now);
  const id = await db.transaction(async (tx) => {
    const number = await nextProductionNumber(tx, actor.orgId, REQUISITION_PREFIX, Number(today.slice(0, 4)));
    const [row] = await tx
      .insert(prodRequisitions)
      .values({
        orgId: actor.orgId,
        number,
        workshopId: body.workshopId,
        days,
        source: p.source,
        planId: p.planId,
        state,
        isAboveNorm: aboveNorm,
        aboveNormRole: aboveNorm ? p.aboveNormRole : null,
        note: body.note ?? '',
        requestedBy: actor.userId,
        requestedAt: now,
        ...(isDirector ? { approvedBy: actor.userId, approvedAt: now } : {}),
      })
      .returning();
    await tx.insert(prodRequisitionLines).values(marked.map((l, i) => ({ orgId: actor.orgId, requisitionId: row.id, lineNo: i + 1, ...l })));
    await recordEvent(tx, actor, row.id, 'submit', null, 'submitted', body.note ?? null, now);
    if (isDirector) await recordEvent(tx, actor, row.id, 'approve', 'submitted', state, '车间主任填写即批准', now);
    await writeAudit(tx, actor, {
      action: 'production.requisition.create',
      entity: 'prod_requisition',
      entityId: row.id,
      after: {
        number,
        workshopId: body.workshopId,
        days,
        state,
        aboveNorm,
        lines: marked.map((l) => ({
          itemId: l.itemId,
          normQty: l.normQty,
          priorQty: l.priorQty,
          requestedQty: l.requestedQty,
          isAboveNorm: l.isAboveNorm,
          reason: l.reason,
        })),
      },
    });
    if (state === 'submitted') await notifyDirectors(tx, actor.orgId, workshop, row);
    else await notifyRequisition(tx, actor, row, state);
    return row.id;
  });
  return getRequisitionView(db, actor, id);
}
