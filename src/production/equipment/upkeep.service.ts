import { and, asc, desc, eq, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { addDays, endOfLocalDay, localDateOf, startOfLocalDay } from '#core/calendar';
import type { Db } from '#core/db';
import { invalidField, invalidState } from '#core/errors';
import { users } from '#core/org';
import { getPolicy } from '#core/policy';
import { daysFrom, monthEnd, monthStart } from '../common/index';
import { loadWorkshopCapacity, prodWorkshops } from '../master/index';
import {
  type MachineRow,
  prodMachines,
  prodRepairOrders,
  prodSpotChecks,
  prodUpkeepItems,
  prodUpkeepRecords,
  type UpkeepItemRow,
  type UpkeepRecordRow,
} from './equipment.schema';
import { getMachineRow } from './machine.query';
import type { ComplianceQuery, ComplianceView, DueList, RecordsQuery, UpkeepRecordInput, UpkeepRecordView } from './upkeep.contract';
import { complianceRate, upkeepCompliance, upkeepStatus, type WorkdayFacts } from './upkeep.rules';

// PP-24 (T4 第四十七条): record upkeep, list what is due per workshop, and check how well each
// machine's daily upkeep was kept, month by month.

/** Working days of each workshop (its pattern, holidays, exception days; a stop does not make a rest day). */
export async function loadWorkdays(db: Db, orgId: string, from: string, to: string): Promise<Map<string, WorkdayFacts>> {
  const calendar = await loadWorkshopCapacity(db, orgId, from, to);
  const days = daysFrom(from, to);
  return new Map(
    calendar.map((w) => {
      const working = new Set(days.filter((_, k) => w.hours[k] + w.lost[k] > 0));
      return [w.workshop.id, { isWorkingDay: (d: string) => working.has(d), shiftsPerDay: w.workshop.shiftsPerDay }];
    }),
  );
}

const itemFacts = (i: UpkeepItemRow, offset: number) => ({ id: i.id, frequency: i.frequency, createdOn: localDateOf(i.createdAt, offset) });

async function loadUpkeep(db: Db, orgId: string, machineIds: string[], since: string) {
  if (machineIds.length === 0) return { items: [] as UpkeepItemRow[], records: [] as UpkeepRecordRow[] };
  const [items, records] = await Promise.all([
    db
      .select()
      .from(prodUpkeepItems)
      .where(and(eq(prodUpkeepItems.orgId, orgId), inArray(prodUpkeepItems.machineId, machineIds), eq(prodUpkeepItems.isActive, true)))
      .orderBy(asc(prodUpkeepItems.seq)),
    db
      .select()
      .from(prodUpkeepRecords)
      .where(and(eq(prodUpkeepRecords.orgId, orgId), inArray(prodUpkeepRecords.machineId, machineIds), gte(prodUpkeepRecords.doneOn, since))),
  ]);
  return { items, records };
}

/** The upkeep of one machine today, for its phone page. */
export async function machineUpkeepToday(db: Db, machine: MachineRow, today: string) {
  const offset = (await getPolicy(db, machine.orgId)).calendar.utcOffsetMinutes;
  const since = addDays(today, -62);
  const [{ items, records }, workdays] = await Promise.all([loadUpkeep(db, machine.orgId, [machine.id], since), loadWorkdays(db, machine.orgId, since, today)]);
  const w = workdays.get(machine.workshopId) ?? { isWorkingDay: () => true, shiftsPerDay: 1 };
  return items.map((i) => ({
    itemId: i.id,
    content: i.content,
    method: i.method,
    frequency: i.frequency,
    status: upkeepStatus(itemFacts(i, offset), records, today, w),
  }));
}

/** 保养到期清单: what is due today and what is overdue, per workshop, for machines in service. */
export async function findDueList(db: Db, actor: Actor, filter: { workshopId?: string }, now: Date): Promise<DueList> {
  requireAccess(actor, 'production.read');
  const offset = (await getPolicy(db, actor.orgId)).calendar.utcOffsetMinutes;
  const today = localDateOf(now, offset);
  const since = addDays(today, -62);
  const where: SQL[] = [eq(prodMachines.orgId, actor.orgId), eq(prodMachines.state, 'running')];
  if (filter.workshopId) where.push(eq(prodMachines.workshopId, filter.workshopId));
  const [machines, workshops, workdays] = await Promise.all([
    db
      .select()
      .from(prodMachines)
      .where(and(...where))
      .orderBy(asc(prodMachines.code)),
    db.select().from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId)).orderBy(asc(prodWorkshops.sort), asc(prodWorkshops.code)),
    loadWorkdays(db, actor.orgId, since, today),
  ]);
  const { items, records } = await loadUpkeep(
    db,
    actor.orgId,
    machines.map((m) => m.id),
    since,
  );
  const lastDone = new Map<string, string>();
  for (const r of records) if ((lastDone.get(r.itemId) ?? '') < r.doneOn) lastDone.set(r.itemId, r.doneOn);
  const machineById = new Map(machines.map((m) => [m.id, m]));
  const shown = workshops.filter((w) => machines.some((m) => m.workshopId === w.id));
  return {
    today,
    workshops: shown.map((w) => {
      const facts = workdays.get(w.id) ?? { isWorkingDay: () => true, shiftsPerDay: w.shiftsPerDay };
      const due = items.flatMap((i) => {
        const m = machineById.get(i.machineId)!;
        if (m.workshopId !== w.id) return [];
        const status = upkeepStatus(itemFacts(i, offset), records, today, facts);
        if (status !== 'due' && status !== 'overdue') return [];
        return [
          {
            machineId: m.id,
            machineCode: m.code,
            machineName: m.name,
            itemId: i.id,
            content: i.content,
            method: i.method,
            frequency: i.frequency,
            status,
            lastDoneOn: lastDone.get(i.id) ?? null,
          },
        ];
      });
      due.sort((a, b) => Number(b.status === 'overdue') - Number(a.status === 'overdue') || a.machineCode.localeCompare(b.machineCode));
      return { workshopId: w.id, workshopName: w.name, isWorkingDay: facts.isWorkingDay(today), items: due };
    }),
  };
}

/** Records upkeep done on one machine (one tap per item on the phone). */
export async function recordUpkeep(db: Db, actor: Actor, input: UpkeepRecordInput, now: Date): Promise<{ recorded: number }> {
  requireAccess(actor, 'production.equipment.check');
  const machine = await getMachineRow(db, actor.orgId, input.machineId);
  if (machine.state === 'retired') throw invalidState('设备已报废', 'The machine is retired');
  const items = await db
    .select({ id: prodUpkeepItems.id })
    .from(prodUpkeepItems)
    .where(and(eq(prodUpkeepItems.orgId, actor.orgId), eq(prodUpkeepItems.machineId, machine.id), eq(prodUpkeepItems.isActive, true)));
  const known = new Set(items.map((i) => i.id));
  input.entries.forEach((e, i) => {
    if (!known.has(e.itemId)) throw invalidField(`entries[${i}].itemId`, '不是该设备的保养项目', 'not an upkeep item of this machine');
  });
  const offset = (await getPolicy(db, actor.orgId)).calendar.utcOffsetMinutes;
  const doneOn = localDateOf(now, offset);
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(prodUpkeepRecords)
      .values(
        input.entries.map((e) => ({
          orgId: actor.orgId,
          machineId: machine.id,
          itemId: e.itemId,
          doneOn,
          doneAt: now,
          doneBy: actor.userId,
          result: e.result,
          note: e.note ?? '',
        })),
      )
      .returning({ id: prodUpkeepRecords.id });
    await writeAudit(tx, actor, { action: 'production.upkeep.record', entity: 'prod_machine', entityId: machine.id, after: input.entries });
    return { recorded: rows.length };
  });
}

export async function findUpkeepRecords(db: Db, actor: Actor, query: RecordsQuery): Promise<UpkeepRecordView[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodUpkeepRecords.orgId, actor.orgId)];
  if (query.machineId) where.push(eq(prodUpkeepRecords.machineId, query.machineId));
  if (query.month) where.push(gte(prodUpkeepRecords.doneOn, monthStart(query.month)), lte(prodUpkeepRecords.doneOn, monthEnd(query.month)));
  const rows = await db
    .select({ r: prodUpkeepRecords, content: prodUpkeepItems.content, frequency: prodUpkeepItems.frequency, code: prodMachines.code, name: users.displayName })
    .from(prodUpkeepRecords)
    .innerJoin(prodUpkeepItems, and(eq(prodUpkeepItems.orgId, prodUpkeepRecords.orgId), eq(prodUpkeepItems.id, prodUpkeepRecords.itemId)))
    .innerJoin(prodMachines, and(eq(prodMachines.orgId, prodUpkeepRecords.orgId), eq(prodMachines.id, prodUpkeepRecords.machineId)))
    .innerJoin(users, and(eq(users.orgId, prodUpkeepRecords.orgId), eq(users.id, prodUpkeepRecords.doneBy)))
    .where(and(...where))
    .orderBy(desc(prodUpkeepRecords.doneAt))
    .limit(1000);
  return rows.map(({ r, content, frequency, code, name }) => ({
    id: r.id,
    machineId: r.machineId,
    machineCode: code,
    itemId: r.itemId,
    content,
    frequency,
    doneAt: r.doneAt.toISOString(),
    doneByName: name,
    result: r.result,
    note: r.note,
  }));
}

/** Hours of [from, to) inside [a, b). */
const overlapHours = (from: Date, to: Date, a: Date, b: Date): number =>
  Math.max(0, Math.min(to.getTime(), b.getTime()) - Math.max(from.getTime(), a.getTime())) / 3_600_000;

/** 定期检查设备日常保养状况: upkeep kept against owed, spot checks and downtime, per machine and month. */
export async function getUpkeepCompliance(db: Db, actor: Actor, query: ComplianceQuery, now: Date): Promise<ComplianceView> {
  requireAccess(actor, 'production.read');
  const offset = (await getPolicy(db, actor.orgId)).calendar.utcOffsetMinutes;
  const today = localDateOf(now, offset);
  const first = monthStart(query.month);
  const last = monthEnd(query.month);
  const where: SQL[] = [eq(prodMachines.orgId, actor.orgId), ne(prodMachines.state, 'retired')];
  if (query.workshopId) where.push(eq(prodMachines.workshopId, query.workshopId));
  const machines = await db
    .select()
    .from(prodMachines)
    .where(and(...where))
    .orderBy(asc(prodMachines.code));
  const ids = machines.map((m) => m.id);
  const monthFrom = startOfLocalDay(first, offset);
  const monthTo = endOfLocalDay(last, offset);
  const [{ items, records }, workdays, workshops, checks, repairs] = await Promise.all([
    loadUpkeep(db, actor.orgId, ids, first),
    loadWorkdays(db, actor.orgId, first, last),
    db.select({ id: prodWorkshops.id, name: prodWorkshops.name }).from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId)),
    ids.length
      ? db
          .select({ machineId: prodSpotChecks.machineId, result: prodSpotChecks.result })
          .from(prodSpotChecks)
          .where(
            and(
              eq(prodSpotChecks.orgId, actor.orgId),
              inArray(prodSpotChecks.machineId, ids),
              gte(prodSpotChecks.checkedOn, first),
              lte(prodSpotChecks.checkedOn, last),
            ),
          )
      : Promise.resolve([]),
    ids.length
      ? db
          .select()
          .from(prodRepairOrders)
          .where(and(eq(prodRepairOrders.orgId, actor.orgId), inArray(prodRepairOrders.machineId, ids)))
      : Promise.resolve([]),
  ]);
  const workshopName = new Map(workshops.map((w) => [w.id, w.name]));
  const inMonth = records.filter((r) => r.doneOn <= last);
  const rows = machines.map((m) => {
    const facts = workdays.get(m.workshopId) ?? { isWorkingDay: () => true, shiftsPerDay: 1 };
    const counts = items.filter((i) => i.machineId === m.id).map((i) => upkeepCompliance(itemFacts(i, offset), inMonth, query.month, today, facts));
    const required = counts.reduce((s, c) => s + c.required, 0);
    const done = counts.reduce((s, c) => s + c.done, 0);
    const mine = checks.filter((c) => c.machineId === m.id);
    const down = repairs.filter((r) => r.machineId === m.id).reduce((s, r) => s + overlapHours(r.stoppedAt, r.returnedAt ?? now, monthFrom, monthTo), 0);
    return {
      machineId: m.id,
      code: m.code,
      name: m.name,
      workshopName: workshopName.get(m.workshopId) ?? '',
      required,
      done,
      rate: complianceRate({ required, done }),
      problems: counts.reduce((s, c) => s + c.problems, 0),
      spotChecks: mine.length,
      anomalies: mine.filter((c) => c.result === 'anomaly').length,
      downtimeHours: Math.round(down * 10) / 10,
    };
  });
  return { month: query.month, until: today < last ? today : last, rows };
}
