import { and, asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db } from '#core/db';
import { invalidField, notFound } from '#core/errors';
import { users } from '#core/org';
import { prodWorkshops } from '../master/index';
import { type MachineRow, prodMachines, prodRepairOrders } from './equipment.schema';
import type { MachineSummary } from './machine.contract';
import { machineShare } from './machine.rules';

export async function getMachineRow(db: Db, orgId: string, id: string): Promise<MachineRow> {
  const [row] = await db
    .select()
    .from(prodMachines)
    .where(and(eq(prodMachines.orgId, orgId), eq(prodMachines.id, id)));
  if (!row) throw notFound('设备', 'Machine');
  return row;
}

/** A referenced user must be a person of the organisation (400 naming the field, not a foreign-key 500). */
export async function assertUser(db: Db, orgId: string, userId: string | null | undefined, field: string): Promise<void> {
  if (!userId) return;
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  if (!u) throw invalidField(field, '人员不存在', 'unknown person');
}

/** Machines in service per workshop: the denominator of an equal capacity share. */
export async function countInService(db: Db, orgId: string, workshopIds?: string[]): Promise<Map<string, number>> {
  const where: SQL[] = [eq(prodMachines.orgId, orgId), ne(prodMachines.state, 'retired')];
  if (workshopIds?.length) where.push(inArray(prodMachines.workshopId, workshopIds));
  const rows = await db
    .select({ workshopId: prodMachines.workshopId })
    .from(prodMachines)
    .where(and(...where));
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.workshopId, (out.get(r.workshopId) ?? 0) + 1);
  return out;
}

/** The share a machine takes from its workshop when it stands still. */
export async function shareOf(db: Db, machine: MachineRow): Promise<number> {
  const counts = await countInService(db, machine.orgId, [machine.workshopId]);
  return machineShare(machine.capacityShare, counts.get(machine.workshopId) ?? 1);
}

/** Register rows with their workshop, owner, effective share and open repair. */
export async function summariseMachines(db: Db, orgId: string, rows: MachineRow[]): Promise<MachineSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const ownerIds = [...new Set(rows.map((r) => r.ownerUserId).filter((x): x is string => !!x))];
  const [workshops, owners, repairs, counts] = await Promise.all([
    db.select({ id: prodWorkshops.id, name: prodWorkshops.name }).from(prodWorkshops).where(eq(prodWorkshops.orgId, orgId)),
    ownerIds.length
      ? db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(and(eq(users.orgId, orgId), inArray(users.id, ownerIds)))
      : Promise.resolve([]),
    db
      .select({ id: prodRepairOrders.id, number: prodRepairOrders.number, state: prodRepairOrders.state, machineId: prodRepairOrders.machineId })
      .from(prodRepairOrders)
      .where(and(eq(prodRepairOrders.orgId, orgId), inArray(prodRepairOrders.machineId, ids), ne(prodRepairOrders.state, 'done'))),
    countInService(db, orgId),
  ]);
  const workshopName = new Map(workshops.map((w) => [w.id, w.name]));
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const openRepair = new Map(repairs.map((r) => [r.machineId, { id: r.id, number: r.number, state: r.state }]));
  return rows.map((m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    model: m.model,
    workshopId: m.workshopId,
    workshopName: workshopName.get(m.workshopId) ?? '',
    location: m.location,
    maker: m.maker,
    commissionedOn: m.commissionedOn,
    state: m.state,
    ownerUserId: m.ownerUserId,
    ownerName: m.ownerUserId ? (ownerName.get(m.ownerUserId) ?? null) : null,
    capacityShare: m.capacityShare,
    share: Math.round(machineShare(m.capacityShare, counts.get(m.workshopId) ?? 1) * 10_000) / 10_000,
    note: m.note,
    openRepair: openRepair.get(m.id) ?? null,
    version: m.version,
  }));
}

export async function findMachineRows(db: Db, orgId: string, filter: { workshopId?: string; state?: MachineRow['state'] } = {}): Promise<MachineRow[]> {
  const where: SQL[] = [eq(prodMachines.orgId, orgId)];
  if (filter.workshopId) where.push(eq(prodMachines.workshopId, filter.workshopId));
  if (filter.state) where.push(eq(prodMachines.state, filter.state));
  return db
    .select()
    .from(prodMachines)
    .where(and(...where))
    .orderBy(asc(prodMachines.code));
}
