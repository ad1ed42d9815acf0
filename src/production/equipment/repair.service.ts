import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidState, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsInDepartment, findUserIdsWithPermission } from '#core/org';
import { nextProductionNumber } from '../common/index';
import { getWorkshopRow } from '../master/index';
import { type MachineRow, prodRepairOrders, type RepairRow, type RepairSource } from './equipment.schema';
import { downtimeHours, isStandingStill } from './machine.rules';
import { getMachineRow } from './machine.query';
import { moveMachine } from './machine-state.service';
import type { RepairComplete, RepairDiagnose, RepairReport } from './repair.contract';
import { orgToday } from '#core/calendar';

// Repair orders (PP-26, T4 第五十、五十一条): an anomaly stops the machine at once and tells
// maintenance and the workshop director; maintenance accepts, diagnoses, repairs and returns
// the machine to running, which closes the order with its downtime.

export const repairLink = (id: string) => `/production/equipment/repairs/${id}`;

/** The workshop's director: people of its department who approve (team leaders and operators do not). */
async function findWorkshopDirectors(db: Db, orgId: string, workshopId: string): Promise<string[]> {
  const workshop = await getWorkshopRow(db, orgId, workshopId);
  if (!workshop.departmentId) return [];
  // Sequential: this runs inside the caller's transaction (one connection).
  const inDepartment = await findUserIdsInDepartment(db, orgId, workshop.departmentId);
  const approve = new Set(await findUserIdsWithPermission(db, orgId, 'approval.act'));
  return inDepartment.filter((id) => approve.has(id));
}

export async function findOpenRepair(db: Db, orgId: string, machineId: string): Promise<RepairRow | undefined> {
  const [row] = await db
    .select()
    .from(prodRepairOrders)
    .where(and(eq(prodRepairOrders.orgId, orgId), eq(prodRepairOrders.machineId, machineId), ne(prodRepairOrders.state, 'done')));
  return row;
}

export interface OpenRepairInput {
  source: RepairSource;
  fault: string;
  at: Date;
  today: string;
}

/**
 * Opens a numbered repair order (WX-2026-0001) and stops the machine in the caller's
 * transaction; a machine already under repair keeps its one open order.
 */
export async function openRepair(tx: Db, actor: Actor, machine: MachineRow, input: OpenRepairInput): Promise<{ repair: RepairRow; isNew: boolean }> {
  const open = await findOpenRepair(tx, actor.orgId, machine.id);
  if (open) return { repair: open, isNew: false };
  const number = await nextProductionNumber(tx, actor.orgId, 'WX', Number(input.today.slice(0, 4)));
  const [repair] = await tx
    .insert(prodRepairOrders)
    .values({
      orgId: actor.orgId,
      number,
      machineId: machine.id,
      workshopId: machine.workshopId,
      source: input.source,
      fault: input.fault,
      reportedBy: actor.userId,
      reportedAt: input.at,
      stoppedAt: input.at,
    })
    .returning();
  if (!isStandingStill(machine.state)) await moveMachine(tx, actor, machine, { to: 'stopped', at: input.at, day: input.today, today: input.today });
  const maintenance = await findUserIdsWithPermission(tx, actor.orgId, 'production.equipment.repair');
  const directors = await findWorkshopDirectors(tx, actor.orgId, machine.workshopId);
  await notifyUsers(
    tx,
    actor.orgId,
    [...maintenance, ...directors].filter((id) => id !== actor.userId),
    {
      kind: 'production.equipment.stopped',
      title: {
        zh: `设备停机待修：${machine.code} ${machine.name}（${number}）`,
        en: `Machine stopped, repair needed: ${machine.code} ${machine.name} (${number})`,
      },
      body: {
        zh: `${input.fault}。设备已停机，操作人员维持停机状态（T4 第五十条）。`,
        en: `${input.fault}. The machine is stopped and stays stopped until repaired (T4 art. 50).`,
      },
      link: repairLink(repair.id),
    },
  );
  await writeAudit(tx, actor, { action: 'production.repair.open', entity: 'prod_repair_order', entityId: repair.id, after: repair });
  return { repair, isNew: true };
}

/** A failure reported outside a spot check (an operator, a director): the machine stops. */
export async function reportFailure(db: Db, actor: Actor, input: RepairReport, now: Date): Promise<RepairRow> {
  requireAccess(actor, 'production.equipment.check');
  const machine = await getMachineRow(db, actor.orgId, input.machineId);
  if (machine.state === 'retired') throw invalidState('设备已报废', 'The machine is retired');
  const open = await findOpenRepair(db, actor.orgId, machine.id);
  if (open)
    throw new AppError('CONFLICT', `该设备已有维修单 ${open.number}`, `The machine already has repair order ${open.number}`, [
      { field: 'machineId', reason: 'open repair' },
    ]);
  const today = await orgToday(db, actor.orgId, now);
  try {
    return await db.transaction(async (tx) => (await openRepair(tx, actor, machine, { source: 'report', fault: input.fault, at: now, today })).repair);
  } catch (e) {
    // Two reports at the same moment: the one-open-repair index keeps one.
    if (isUniqueViolation(e))
      throw new AppError('CONFLICT', '该设备刚刚被他人报修，请刷新', 'Someone has just reported this machine; refresh', [
        { field: 'machineId', reason: 'open repair' },
      ]);
    throw e;
  }
}

async function getRepairRow(db: Db, orgId: string, id: string): Promise<RepairRow> {
  const [row] = await db
    .select()
    .from(prodRepairOrders)
    .where(and(eq(prodRepairOrders.orgId, orgId), eq(prodRepairOrders.id, id)));
  if (!row) throw new AppError('NOT_FOUND', '维修单不存在', 'Repair order not found');
  return row;
}

async function updateRepair(tx: Db, actor: Actor, before: RepairRow, version: number, set: Partial<RepairRow>, action: string): Promise<RepairRow> {
  const [row] = await tx
    .update(prodRepairOrders)
    .set({ ...set, version: sql`${prodRepairOrders.version} + 1` })
    .where(and(eq(prodRepairOrders.orgId, actor.orgId), eq(prodRepairOrders.id, before.id), eq(prodRepairOrders.version, version)))
    .returning();
  if (!row) throw versionConflict();
  await writeAudit(tx, actor, { action, entity: 'prod_repair_order', entityId: before.id, before, after: row });
  return row;
}

const refuseState = (repair: RepairRow, allowed: RepairRow['state'][], what: { zh: string; en: string }) => {
  if (!allowed.includes(repair.state))
    throw invalidState(`维修单 ${repair.number} 当前状态不能${what.zh}`, `Repair order ${repair.number} cannot be ${what.en} now`);
};

/** Maintenance takes the order: the machine is now under repair (T4 第五十一条 及时检修). */
export async function acceptRepair(db: Db, actor: Actor, id: string, version: number, now: Date): Promise<RepairRow> {
  requireAccess(actor, 'production.equipment.repair');
  const repair = await getRepairRow(db, actor.orgId, id);
  refuseState(repair, ['reported'], { zh: '受理', en: 'accepted' });
  const machine = await getMachineRow(db, actor.orgId, repair.machineId);
  const today = await orgToday(db, actor.orgId, now);
  return db.transaction(async (tx) => {
    const row = await updateRepair(tx, actor, repair, version, { state: 'accepted', acceptedBy: actor.userId, acceptedAt: now }, 'production.repair.accept');
    if (machine.state !== 'retired') await moveMachine(tx, actor, machine, { to: 'under_repair', at: now, day: today, today });
    return row;
  });
}

export async function diagnoseRepair(db: Db, actor: Actor, id: string, input: RepairDiagnose, now: Date): Promise<RepairRow> {
  requireAccess(actor, 'production.equipment.repair');
  const repair = await getRepairRow(db, actor.orgId, id);
  refuseState(repair, ['accepted', 'repairing'], { zh: '诊断', en: 'diagnosed' });
  return db.transaction(async (tx) =>
    updateRepair(
      tx,
      actor,
      repair,
      input.version,
      { state: 'repairing', diagnosis: input.diagnosis, diagnosedBy: actor.userId, diagnosedAt: now, parts: input.parts ?? repair.parts },
      'production.repair.diagnose',
    ),
  );
}

/** Repaired: the machine runs again, the order closes with who, when and the downtime hours. */
export async function completeRepair(db: Db, actor: Actor, id: string, input: RepairComplete, now: Date): Promise<RepairRow> {
  requireAccess(actor, 'production.equipment.repair');
  const repair = await getRepairRow(db, actor.orgId, id);
  refuseState(repair, ['accepted', 'repairing'], { zh: '完工', en: 'completed' });
  const machine = await getMachineRow(db, actor.orgId, repair.machineId);
  const today = await orgToday(db, actor.orgId, now);
  return db.transaction(async (tx) => {
    const row = await updateRepair(
      tx,
      actor,
      repair,
      input.version,
      {
        state: 'done',
        actionTaken: input.actionTaken,
        parts: input.parts ?? repair.parts,
        returnedBy: actor.userId,
        returnedAt: now,
        downtimeHours: downtimeHours(repair.stoppedAt, now),
      },
      'production.repair.complete',
    );
    if (machine.state !== 'retired') await moveMachine(tx, actor, machine, { to: 'running', at: now, day: today, today });
    const directors = await findWorkshopDirectors(tx, actor.orgId, machine.workshopId);
    await notifyUsers(
      tx,
      actor.orgId,
      [repair.reportedBy, ...directors].filter((u) => u !== actor.userId),
      {
        kind: 'production.equipment.repaired',
        title: {
          zh: `设备已修复：${machine.code} ${machine.name}（${repair.number}）`,
          en: `Machine repaired: ${machine.code} ${machine.name} (${repair.number})`,
        },
        body: { zh: `停机 ${row.downtimeHours} 小时，已恢复运行。`, en: `Down ${row.downtimeHours} h; running again.` },
        link: repairLink(repair.id),
      },
    );
    return row;
  });
}

export async function findRepairRows(db: Db, orgId: string, machineIds: string[]): Promise<RepairRow[]> {
  if (machineIds.length === 0) return [];
  return db
    .select()
    .from(prodRepairOrders)
    .where(and(eq(prodRepairOrders.orgId, orgId), inArray(prodRepairOrders.machineId, machineIds)));
}

export { getRepairRow };
