import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { roles, users } from '#core/org';
import { findOnHandByItem, prodItems, prodWorkshops } from '../master/index';
import { issueRefusal, type LineProgress, progressOf, stageOf } from './issue.rules';
import type { RequisitionListQuery, RequisitionSummary, RequisitionView, ViewerAction } from './requisition.contract';
import { findLedgerTotals, findLines, findMyDepartmentId, findRequisitionDocs, getRequisitionRow } from './requisition.query';
import { prodRequisitionEvents, prodRequisitions, type RequisitionRow } from './requisition.schema';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function userNames(db: Db, orgId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who may do what with the requisition now (the director of THAT workshop, the policy's role, the warehouse). */
export function viewerActions(
  actor: Actor,
  r: RequisitionRow,
  myDepartmentId: string | null,
  workshopDepartmentId: string | null,
  progress: readonly LineProgress[],
): ViewerAction[] {
  const out: ViewerAction[] = [];
  const isDirector = hasPermission(actor, 'production.requisition.approve') && !!workshopDepartmentId && myDepartmentId === workshopDepartmentId;
  const holdsAboveNormRole = !!r.aboveNormRole && actor.roles.includes(r.aboveNormRole) && actor.userId !== r.requestedBy;
  if ((r.state === 'submitted' && isDirector && actor.userId !== r.requestedBy) || (r.state === 'escalated' && holdsAboveNormRole))
    out.push('approve', 'reject');
  if ((r.state === 'submitted' || r.state === 'escalated') && actor.userId === r.requestedBy) out.push('withdraw');
  if (hasPermission(actor, 'production.stock.write')) {
    if (!issueRefusal(r.state, r.number, progress)) out.push('issue');
    if (r.state === 'approved' && progress.some((p) => p.issuedQty - p.returnedQty > 1e-6)) out.push('return');
  }
  return out;
}

export async function getRequisitionView(db: Db, actor: Actor, id: string): Promise<RequisitionView> {
  requireAccess(actor, 'production.read');
  const r = await getRequisitionRow(db, actor.orgId, id);
  const [lines, totals, docs, events, [workshop], onHand, myDepartmentId] = await Promise.all([
    findLines(db, actor.orgId, [id]),
    findLedgerTotals(db, actor.orgId, [id]),
    findRequisitionDocs(db, actor.orgId, id),
    db
      .select()
      .from(prodRequisitionEvents)
      .where(and(eq(prodRequisitionEvents.orgId, actor.orgId), eq(prodRequisitionEvents.requisitionId, id)))
      .orderBy(asc(prodRequisitionEvents.seq)),
    db
      .select({ name: prodWorkshops.name, departmentId: prodWorkshops.departmentId })
      .from(prodWorkshops)
      .where(and(eq(prodWorkshops.orgId, actor.orgId), eq(prodWorkshops.id, r.workshopId))),
    findOnHandByItem(db, actor.orgId),
    findMyDepartmentId(db, actor),
  ]);
  const items = await db
    .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, spec: prodItems.spec, unit: prodItems.unit })
    .from(prodItems)
    .where(
      and(
        eq(prodItems.orgId, actor.orgId),
        inArray(
          prodItems.id,
          lines.map((l) => l.itemId),
        ),
      ),
    );
  const item = new Map(items.map((i) => [i.id, i]));
  const t = totals.get(id)!;
  const progress = progressOf(lines, t.issued, t.returned);
  const names = await userNames(db, actor.orgId, [r.requestedBy, r.approvedBy, r.aboveNormApprovedBy]);
  const [role] = r.aboveNormRole
    ? await db
        .select({ nameZh: roles.nameZh })
        .from(roles)
        .where(and(eq(roles.orgId, actor.orgId), eq(roles.code, r.aboveNormRole)))
    : [];
  return {
    id: r.id,
    number: r.number,
    workshopId: r.workshopId,
    workshopName: workshop?.name ?? '',
    days: r.days,
    source: r.source,
    planId: r.planId,
    state: r.state,
    stage: stageOf(r.state, progress),
    isAboveNorm: r.isAboveNorm,
    aboveNormRole: r.aboveNormRole,
    aboveNormRoleName: role?.nameZh ?? r.aboveNormRole,
    note: r.note,
    requestedByName: names.get(r.requestedBy) ?? '',
    requestedAt: r.requestedAt.toISOString(),
    approvedByName: r.approvedBy ? (names.get(r.approvedBy) ?? null) : null,
    approvedAt: iso(r.approvedAt),
    aboveNormApprovedByName: r.aboveNormApprovedBy ? (names.get(r.aboveNormApprovedBy) ?? null) : null,
    aboveNormApprovedAt: iso(r.aboveNormApprovedAt),
    version: r.version,
    lines: lines.map((l, i) => {
      const it = item.get(l.itemId);
      const p = progress[i];
      return {
        lineNo: l.lineNo,
        itemId: l.itemId,
        code: it?.code ?? '',
        name: it?.name ?? '',
        spec: it?.spec ?? '',
        unit: it?.unit ?? '',
        normQty: l.normQty,
        priorQty: l.priorQty,
        requestedQty: l.requestedQty,
        isAboveNorm: l.isAboveNorm,
        reason: l.reason,
        issuedQty: p.issuedQty,
        returnedQty: p.returnedQty,
        outstandingQty: p.outstandingQty,
        onHand: onHand.get(l.itemId) ?? 0,
      };
    }),
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorName: e.actorName,
      opinion: e.opinion,
      at: e.at.toISOString(),
    })),
    documents: docs.map((d) => ({
      id: d.id,
      number: d.number,
      kind: d.kind,
      purpose: d.purpose,
      docDate: d.docDate,
      postedAt: d.postedAt.toISOString(),
      isReversed: !!d.reversedById,
    })),
    allowedActions: viewerActions(actor, r, myDepartmentId, workshop?.departmentId ?? null, progress),
  };
}

/** 领料单 list: newest first, by workshop, stage and plan days. */
export async function findRequisitions(db: Db, actor: Actor, q: RequisitionListQuery): Promise<RequisitionSummary[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodRequisitions.orgId, actor.orgId)];
  if (q.workshopId) where.push(eq(prodRequisitions.workshopId, q.workshopId));
  // A requisition is in the range when one of its days is.
  if (q.from) where.push(gte(sql`(select max(d) from unnest(${prodRequisitions.days}) d)`, q.from));
  if (q.to) where.push(lte(sql`(select min(d) from unnest(${prodRequisitions.days}) d)`, q.to));
  const rows = await db
    .select({ r: prodRequisitions, workshopName: prodWorkshops.name, requestedByName: users.displayName })
    .from(prodRequisitions)
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodRequisitions.orgId), eq(prodWorkshops.id, prodRequisitions.workshopId)))
    .innerJoin(users, and(eq(users.orgId, prodRequisitions.orgId), eq(users.id, prodRequisitions.requestedBy)))
    .where(and(...where))
    .orderBy(desc(prodRequisitions.requestedAt), desc(prodRequisitions.number))
    .limit(q.stage ? 2000 : (q.limit ?? 500));
  const ids = rows.map((x) => x.r.id);
  const [lines, totals] = await Promise.all([findLines(db, actor.orgId, ids), findLedgerTotals(db, actor.orgId, ids)]);
  const byReq = new Map<string, typeof lines>();
  for (const l of lines) byReq.set(l.requisitionId, [...(byReq.get(l.requisitionId) ?? []), l]);
  const out = rows.map(({ r, workshopName, requestedByName }) => {
    const t = totals.get(r.id)!;
    const own = byReq.get(r.id) ?? [];
    return {
      id: r.id,
      number: r.number,
      workshopId: r.workshopId,
      workshopName,
      days: r.days,
      state: r.state,
      stage: stageOf(r.state, progressOf(own, t.issued, t.returned)),
      isAboveNorm: r.isAboveNorm,
      requestedByName,
      requestedAt: r.requestedAt.toISOString(),
      lineCount: own.length,
    };
  });
  return (q.stage ? out.filter((s) => s.stage === q.stage) : out).slice(0, q.limit ?? 500);
}
