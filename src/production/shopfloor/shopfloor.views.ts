import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, hasPermission } from '#core/access';
import type { Db } from '#core/db';
import { users } from '#core/org';
import { prodWorkshops } from '../master/index';
import { isProductionDept } from '../exception/index';
import type { OperationRecordView, PatrolView, RectificationView, SafetyCheckView } from './shopfloor.contract';
import { isOverdue, rectificationRights } from './shopfloor.rules';
import type { OperationRecordRow, PatrolRow, RectificationRow, SafetyCheckRow } from './shopfloor.schema';

// Rows as the pages read them: names instead of ids, times as ISO strings, and what the
// viewer may do.

async function names(db: Db, orgId: string, userIds: (string | null | undefined)[]) {
  const ids = [...new Set(userIds.filter((x): x is string => !!x))];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName, departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function workshopNames(db: Db, orgId: string) {
  const rows = await db
    .select({ id: prodWorkshops.id, name: prodWorkshops.name, departmentId: prodWorkshops.departmentId })
    .from(prodWorkshops)
    .where(eq(prodWorkshops.orgId, orgId));
  return new Map(rows.map((w) => [w.id, w]));
}

/** Active people of a workshop's department, for choosing an owner or a colleague checked. */
export async function workshopPeople(db: Db, orgId: string, departmentId: string | null) {
  if (!departmentId) return [];
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.departmentId, departmentId), eq(users.isActive, true)))
    .orderBy(asc(users.displayName));
}

export async function checkViews(db: Db, orgId: string, rows: readonly SafetyCheckRow[]): Promise<SafetyCheckView[]> {
  const [people, workshops] = await Promise.all([
    names(
      db,
      orgId,
      rows.map((r) => r.checkedBy),
    ),
    workshopNames(db, orgId),
  ]);
  return rows.map((r) => ({
    id: r.id,
    workshopId: r.workshopId,
    workshopName: workshops.get(r.workshopId)?.name ?? '',
    checkedOn: r.checkedOn,
    checkedByName: people.get(r.checkedBy) ?? '',
    checkedAt: r.checkedAt.toISOString(),
    problemCount: r.problemCount,
    results: r.results,
  }));
}

export async function rectificationViews(db: Db, actor: Actor, rows: readonly RectificationRow[], today: string): Promise<RectificationView[]> {
  const [people, workshops, me] = await Promise.all([
    names(
      db,
      actor.orgId,
      rows.flatMap((r) => [r.ownerUserId, r.escalatedBy, r.closedBy, r.createdBy]),
    ),
    workshopNames(db, actor.orgId),
    db
      .select({ departmentId: users.departmentId })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)))
      .then((r) => r[0]),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const keepsRecords = hasPermission(actor, 'production.shopfloor.write');
  return rows.map((r) => {
    const workshop = workshops.get(r.workshopId);
    const rights = rectificationRights(r, {
      userId: actor.userId,
      isProduction: isProductionDept(actor),
      isWorkshopMember: keepsRecords && !!workshop?.departmentId && workshop.departmentId === me?.departmentId,
    });
    return {
      id: r.id,
      number: r.number,
      source: r.source,
      workshopId: r.workshopId,
      workshopName: workshop?.name ?? '',
      itemText: r.itemText,
      problem: r.problem,
      ownerUserId: r.ownerUserId,
      ownerName: people.get(r.ownerUserId) ?? '',
      dueOn: r.dueOn,
      state: r.state,
      isOverdue: isOverdue(r, today),
      escalatedByName: r.escalatedBy ? (people.get(r.escalatedBy) ?? null) : null,
      escalatedAt: iso(r.escalatedAt),
      escalationNote: r.escalationNote,
      closedByName: r.closedBy ? (people.get(r.closedBy) ?? null) : null,
      closedAt: iso(r.closedAt),
      closeNote: r.closeNote,
      createdByName: people.get(r.createdBy) ?? '',
      createdAt: r.createdAt.toISOString(),
      version: r.version,
      ...rights,
    };
  });
}

export async function patrolViews(
  db: Db,
  actor: Actor,
  rows: readonly PatrolRow[],
  findings: readonly RectificationRow[],
  today: string,
): Promise<PatrolView[]> {
  const [people, workshops, views] = await Promise.all([
    names(
      db,
      actor.orgId,
      rows.map((r) => r.inspectorId),
    ),
    workshopNames(db, actor.orgId),
    rectificationViews(db, actor, findings, today),
  ]);
  return rows.map((r) => ({
    id: r.id,
    workshopId: r.workshopId,
    workshopName: workshops.get(r.workshopId)?.name ?? '',
    inspectedAt: r.inspectedAt.toISOString(),
    inspectedOn: r.inspectedOn,
    inspectorName: people.get(r.inspectorId) ?? '',
    note: r.note,
    findingCount: r.findingCount,
    findings: views.filter((v) => findings.find((f) => f.id === v.id)?.patrolId === r.id),
  }));
}

export async function recordViews(db: Db, orgId: string, rows: readonly OperationRecordRow[]): Promise<OperationRecordView[]> {
  const people = await names(
    db,
    orgId,
    rows.flatMap((r) => [r.recordedBy, r.checkedUserId]),
  );
  return rows.map((r) => ({
    id: r.id,
    workshopId: r.workshopId,
    recordedOn: r.recordedOn,
    shift: r.shift,
    step: r.step,
    kind: r.kind,
    result: r.result,
    note: r.note,
    checkedUserName: r.checkedUserId ? (people.get(r.checkedUserId) ?? null) : null,
    recordedByName: people.get(r.recordedBy) ?? '',
    recordedAt: r.recordedAt.toISOString(),
  }));
}
