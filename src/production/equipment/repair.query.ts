import { and, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { users } from '#core/org';
import { prodWorkshops } from '../master/index';
import { prodMachines, prodRepairOrders, prodSpotChecks, type RepairRow, type SpotCheckRow } from './equipment.schema';
import { downtimeHours } from './machine.rules';
import type { RepairFilter, RepairSummary, RepairView, SpotCheckView } from './repair.contract';
import { getRepairRow } from './repair.service';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

async function namesOf(db: Db, orgId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function summarise(db: Db, orgId: string, rows: RepairRow[]): Promise<RepairSummary[]> {
  if (rows.length === 0) return [];
  const [machines, workshops, names] = await Promise.all([
    db
      .select({ id: prodMachines.id, code: prodMachines.code, name: prodMachines.name })
      .from(prodMachines)
      .where(and(eq(prodMachines.orgId, orgId), inArray(prodMachines.id, [...new Set(rows.map((r) => r.machineId))]))),
    db.select({ id: prodWorkshops.id, name: prodWorkshops.name }).from(prodWorkshops).where(eq(prodWorkshops.orgId, orgId)),
    namesOf(
      db,
      orgId,
      rows.map((r) => r.reportedBy),
    ),
  ]);
  const machine = new Map(machines.map((m) => [m.id, m]));
  const workshop = new Map(workshops.map((w) => [w.id, w.name]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    machineId: r.machineId,
    machineCode: machine.get(r.machineId)?.code ?? '',
    machineName: machine.get(r.machineId)?.name ?? '',
    workshopName: workshop.get(r.workshopId) ?? '',
    source: r.source,
    fault: r.fault,
    state: r.state,
    reportedAt: r.reportedAt.toISOString(),
    reportedByName: names.get(r.reportedBy) ?? '',
    returnedAt: iso(r.returnedAt),
    downtimeHours: r.downtimeHours,
    version: r.version,
  }));
}

/** Repair orders, open ones first, newest first. */
export async function findRepairs(db: Db, actor: Actor, filter: RepairFilter = {}): Promise<RepairSummary[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodRepairOrders.orgId, actor.orgId)];
  if (filter.state === 'open') where.push(ne(prodRepairOrders.state, 'done'));
  else if (filter.state) where.push(eq(prodRepairOrders.state, filter.state));
  if (filter.machineId) where.push(eq(prodRepairOrders.machineId, filter.machineId));
  const rows = await db
    .select()
    .from(prodRepairOrders)
    .where(and(...where))
    .orderBy(desc(prodRepairOrders.reportedAt))
    .limit(500);
  rows.sort((a, b) => Number(a.state === 'done') - Number(b.state === 'done'));
  return summarise(db, actor.orgId, rows);
}

export async function spotCheckViews(db: Db, orgId: string, rows: SpotCheckRow[]): Promise<SpotCheckView[]> {
  if (rows.length === 0) return [];
  const [machines, names] = await Promise.all([
    db
      .select({ id: prodMachines.id, code: prodMachines.code, name: prodMachines.name })
      .from(prodMachines)
      .where(and(eq(prodMachines.orgId, orgId), inArray(prodMachines.id, [...new Set(rows.map((r) => r.machineId))]))),
    namesOf(
      db,
      orgId,
      rows.map((r) => r.checkedBy),
    ),
  ]);
  const machine = new Map(machines.map((m) => [m.id, m]));
  return rows.map((r) => ({
    id: r.id,
    machineId: r.machineId,
    machineCode: machine.get(r.machineId)?.code ?? '',
    machineName: machine.get(r.machineId)?.name ?? '',
    checkedAt: r.checkedAt.toISOString(),
    checkedByName: names.get(r.checkedBy) ?? '',
    result: r.result,
    items: r.items,
    note: r.note,
    repairId: r.repairId,
  }));
}

export async function getRepair(db: Db, actor: Actor, id: string, now: Date): Promise<RepairView> {
  requireAccess(actor, 'production.read');
  const row = await getRepairRow(db, actor.orgId, id);
  const [[summary], names, [machine], checks] = await Promise.all([
    summarise(db, actor.orgId, [row]),
    namesOf(db, actor.orgId, [row.acceptedBy, row.diagnosedBy, row.returnedBy]),
    db
      .select({ state: prodMachines.state })
      .from(prodMachines)
      .where(and(eq(prodMachines.orgId, actor.orgId), eq(prodMachines.id, row.machineId))),
    db
      .select()
      .from(prodSpotChecks)
      .where(and(eq(prodSpotChecks.orgId, actor.orgId), eq(prodSpotChecks.repairId, id)))
      .orderBy(prodSpotChecks.checkedAt)
      .limit(1),
  ]);
  const name = (uid: string | null) => (uid ? (names.get(uid) ?? null) : null);
  return {
    ...summary,
    machineState: machine.state,
    stoppedAt: row.stoppedAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    acceptedByName: name(row.acceptedBy),
    diagnosis: row.diagnosis,
    diagnosedAt: iso(row.diagnosedAt),
    diagnosedByName: name(row.diagnosedBy),
    parts: row.parts,
    actionTaken: row.actionTaken,
    returnedByName: name(row.returnedBy),
    downtimeSoFar: row.downtimeHours ?? downtimeHours(row.stoppedAt, now),
    spotCheck: checks.length ? (await spotCheckViews(db, actor.orgId, checks))[0] : null,
  };
}
