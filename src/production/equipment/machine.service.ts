import { qrSvg } from '#core/qr';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { endOfLocalDay, localDateOf, orgToday, startOfLocalDay } from '#core/calendar';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, versionConflict } from '#core/errors';
import { findUserIdsWithPermission, users } from '#core/org';
import { getPolicy } from '#core/policy';
import { findCapacityLosses, getWorkshopRow, loadWorkshopCapacity, lostCapacityHours, regularDayHours, updateOpenLossShare } from '../master/index';
import { type MachineRow, prodMachineCheckItems, prodMachines, prodRepairOrders, prodSpotChecks, prodUpkeepItems } from './equipment.schema';
import type { MachineCard, MachineChange, MachineDetail, MachineFilter, MachineInput, MachineStateChange, MachineSummary } from './machine.contract';
import { isStandingStill, machinePhonePath, refuseStateChange } from './machine.rules';
import { assertUser, findMachineRows, getMachineRow, shareOf, summariseMachines } from './machine.query';
import { MACHINE_LOSS, moveMachine } from './machine-state.service';
import { findCheckItems, findUpkeepItems } from './machine-items.service';

const duplicateCode = (code?: string) => invalidField('code', `设备编号 ${code} 已存在`, `machine number ${code} already exists`);

async function assertRefs(db: Db, orgId: string, input: Partial<MachineInput>) {
  if (input.workshopId) {
    await getWorkshopRow(db, orgId, input.workshopId).catch(() => {
      throw invalidField('workshopId', '车间不存在', 'unknown workshop');
    });
  }
  await assertUser(db, orgId, input.ownerUserId, 'ownerUserId');
}

export async function findMachines(db: Db, actor: Actor, filter: MachineFilter = {}): Promise<MachineSummary[]> {
  requireAccess(actor, 'production.read');
  return summariseMachines(db, actor.orgId, await findMachineRows(db, actor.orgId, filter));
}

export async function getMachineSummary(db: Db, actor: Actor, id: string): Promise<MachineSummary> {
  const [s] = await summariseMachines(db, actor.orgId, [await getMachineRow(db, actor.orgId, id)]);
  return s;
}

/** PP-23: a numbered machine enters the register (number unique in the organisation). */
export async function createMachine(db: Db, actor: Actor, input: MachineInput, now: Date): Promise<MachineSummary> {
  requireAccess(actor, 'production.equipment.write');
  await assertRefs(db, actor.orgId, input);
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(prodMachines)
        .values({ ...input, orgId: actor.orgId, createdAt: now, updatedAt: now })
        .returning();
      await writeAudit(tx, actor, { action: 'production.machine.create', entity: 'prod_machine', entityId: created.id, after: created });
      return created;
    });
    return getMachineSummary(db, actor, row.id);
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateCode(input.code);
    throw e;
  }
}

export async function updateMachine(db: Db, actor: Actor, id: string, change: MachineChange, now: Date): Promise<MachineSummary> {
  requireAccess(actor, 'production.equipment.write');
  const before = await getMachineRow(db, actor.orgId, id);
  await assertRefs(db, actor.orgId, change);
  if (change.workshopId && change.workshopId !== before.workshopId && isStandingStill(before.state)) {
    throw invalidState('停机中的设备不能调换车间，请修复后再调', 'A stopped machine cannot move to another workshop; repair it first');
  }
  const { version, ...fields } = change;
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(prodMachines)
        .set({ ...fields, updatedAt: now, version: sql`${prodMachines.version} + 1` })
        .where(and(eq(prodMachines.orgId, actor.orgId), eq(prodMachines.id, id), eq(prodMachines.version, version)))
        .returning();
      if (!row) throw versionConflict();
      // A stopped machine whose share changed takes the new share from now on.
      if (isStandingStill(row.state) && row.capacityShare !== before.capacityShare)
        await updateOpenLossShare(tx, actor.orgId, MACHINE_LOSS, id, await shareOf(tx, row));
      await writeAudit(tx, actor, { action: 'production.machine.update', entity: 'prod_machine', entityId: id, before, after: row });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateCode(change.code);
    throw e;
  }
  return getMachineSummary(db, actor, id);
}

/** By hand: stop a machine, start one stopped without a repair, or retire one (asked first on screen). */
export async function setMachineState(db: Db, actor: Actor, id: string, change: MachineStateChange, now: Date): Promise<MachineSummary> {
  requireAccess(actor, 'production.equipment.write');
  const machine = await getMachineRow(db, actor.orgId, id);
  if (machine.version !== change.version) throw versionConflict();
  const [open] = await db
    .select({ id: prodRepairOrders.id })
    .from(prodRepairOrders)
    .where(and(eq(prodRepairOrders.orgId, actor.orgId), eq(prodRepairOrders.machineId, id), sql`${prodRepairOrders.state} <> 'done'`));
  const refusal = refuseStateChange({ from: machine.state, to: change.state, hasOpenRepair: !!open });
  if (refusal) throw new AppError('INVALID_STATE', refusal.zh, refusal.en, [{ field: 'state', reason: refusal.en }]);
  const policy = await getPolicy(db, actor.orgId);
  const today = localDateOf(now, policy.calendar.utcOffsetMinutes);
  await db.transaction(async (tx) => {
    const after = await moveMachine(tx, actor, machine, { to: change.state, at: now, day: today, today, version: change.version });
    await writeAudit(tx, actor, {
      action: 'production.machine.state',
      entity: 'prod_machine',
      entityId: id,
      before: { state: machine.state },
      after: { state: after.state, reason: change.reason },
    });
  });
  return getMachineSummary(db, actor, id);
}

/** The machine's page: register data, its items, recent checks and repairs, and what its stop costs (PP-26). */
export async function getMachine(db: Db, actor: Actor, id: string, now: Date): Promise<MachineDetail> {
  requireAccess(actor, 'production.read');
  const machine = await getMachineRow(db, actor.orgId, id);
  const today = await orgToday(db, actor.orgId, now);
  const [summary, checkItems, upkeepItems, checks, repairs, capacity] = await Promise.all([
    getMachineSummary(db, actor, id),
    findCheckItems(db, actor.orgId, id),
    findUpkeepItems(db, actor.orgId, id),
    db
      .select({
        id: prodSpotChecks.id,
        checkedAt: prodSpotChecks.checkedAt,
        checkedByName: users.displayName,
        result: prodSpotChecks.result,
        note: prodSpotChecks.note,
      })
      .from(prodSpotChecks)
      .innerJoin(users, and(eq(users.orgId, prodSpotChecks.orgId), eq(users.id, prodSpotChecks.checkedBy)))
      .where(and(eq(prodSpotChecks.orgId, actor.orgId), eq(prodSpotChecks.machineId, id)))
      .orderBy(desc(prodSpotChecks.checkedAt))
      .limit(20),
    db
      .select()
      .from(prodRepairOrders)
      .where(and(eq(prodRepairOrders.orgId, actor.orgId), eq(prodRepairOrders.machineId, id)))
      .orderBy(desc(prodRepairOrders.reportedAt))
      .limit(20),
    capacityCost(db, machine, today),
  ]);
  return {
    ...summary,
    checkItems,
    upkeepItems,
    recentChecks: checks.map((c) => ({ ...c, checkedAt: c.checkedAt.toISOString() })),
    repairs: repairs.map((r) => ({
      id: r.id,
      number: r.number,
      state: r.state,
      fault: r.fault,
      reportedAt: r.reportedAt.toISOString(),
      returnedAt: r.returnedAt?.toISOString() ?? null,
      downtimeHours: r.downtimeHours,
    })),
    capacity,
    phonePath: machinePhonePath(id),
  };
}

/** Today's hours of the workshop after every stop, and what this machine's stop takes today and on a full working day. */
async function capacityCost(db: Db, machine: MachineRow, today: string) {
  const policy = await getPolicy(db, machine.orgId);
  const offset = policy.calendar.utcOffsetMinutes;
  const [days, workshop, share, losses] = await Promise.all([
    loadWorkshopCapacity(db, machine.orgId, today, today),
    getWorkshopRow(db, machine.orgId, machine.workshopId),
    shareOf(db, machine),
    findCapacityLosses(db, machine.orgId, startOfLocalDay(today, offset), endOfLocalDay(today, offset), machine.workshopId),
  ]);
  const day = days.find((d) => d.workshop.id === machine.workshopId);
  const after = day?.hours[0] ?? 0;
  const own = losses.filter((l) => l.sourceType === MACHINE_LOSS && l.sourceId === machine.id);
  const lostToday = lostCapacityHours([today], [after + (day?.lost[0] ?? 0)], own, offset)[0];
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { workshopDayHours: r1(after), lostToday: r1(lostToday), lostPerDay: r1(regularDayHours(workshop) * share) };
}

export async function getMachineCards(db: Db, actor: Actor, filter: { workshopId?: string; ids?: string[] }, origin: string): Promise<MachineCard[]> {
  requireAccess(actor, 'production.read');
  let rows = await findMachineRows(db, actor.orgId, { workshopId: filter.workshopId });
  if (filter.ids?.length) rows = rows.filter((r) => filter.ids!.includes(r.id));
  rows = rows.filter((r) => r.state !== 'retired');
  const summaries = await summariseMachines(db, actor.orgId, rows);
  const ids = rows.map((r) => r.id);
  const [upkeep, checks] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(prodUpkeepItems)
          .where(and(eq(prodUpkeepItems.orgId, actor.orgId), inArray(prodUpkeepItems.machineId, ids), eq(prodUpkeepItems.isActive, true)))
          .orderBy(asc(prodUpkeepItems.seq)),
        db
          .select({ machineId: prodMachineCheckItems.machineId })
          .from(prodMachineCheckItems)
          .where(and(eq(prodMachineCheckItems.orgId, actor.orgId), inArray(prodMachineCheckItems.machineId, ids))),
      ])
    : [[], []];
  return Promise.all(
    summaries.map(async (m) => {
      const url = `${origin}${machinePhonePath(m.id)}`;
      return {
        id: m.id,
        code: m.code,
        name: m.name,
        model: m.model,
        workshopName: m.workshopName,
        location: m.location,
        maker: m.maker,
        commissionedOn: m.commissionedOn,
        ownerName: m.ownerName,
        upkeepItems: upkeep
          .filter((u) => u.machineId === m.id)
          .map((u) => ({ id: u.id, seq: u.seq, content: u.content, method: u.method, frequency: u.frequency })),
        checkItemCount: checks.filter((c) => c.machineId === m.id).length,
        url,
        qrSvg: await qrSvg(url),
      };
    }),
  );
}

/** People who may own a machine or a maintenance line: holders of an equipment permission. */
export async function findEquipmentPeople(db: Db, actor: Actor): Promise<{ id: string; displayName: string }[]> {
  requireAccess(actor, 'production.read');
  const ids = new Set<string>();
  for (const p of ['production.equipment.write', 'production.equipment.repair', 'production.equipment.check'] as const)
    for (const id of await findUserIdsWithPermission(db, actor.orgId, p)) ids.add(id);
  if (ids.size === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), inArray(users.id, [...ids])))
    .orderBy(asc(users.displayName));
}

export type { MachineRow };
