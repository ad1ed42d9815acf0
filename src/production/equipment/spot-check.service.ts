import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState } from '#core/errors';
import { users } from '#core/org';
import { getWorkshopRow } from '../master/index';
import { type CheckedItem, prodSpotChecks } from './equipment.schema';
import { isStandingStill } from './machine.rules';
import { getMachineRow } from './machine.query';
import { findCheckItems } from './machine-items.service';
import type { MachinePhoneView, SpotCheckAnswer, SpotCheckFilter, SpotCheckInput, SpotCheckView } from './repair.contract';
import { spotCheckViews } from './repair.query';
import { findOpenRepair, openRepair } from './repair.service';
import { machineUpkeepToday } from './upkeep.service';
import { orgToday } from '#core/calendar';

// 点检 before each operation (PP-26, T4 第五十条): every item of the operating procedure, ok or
// not, on one phone screen. An anomaly stops the machine at once and opens its repair order.

const concurrentReport = () =>
  new AppError('CONFLICT', '该设备刚刚被他人报修，请刷新', 'Someone has just reported this machine; refresh', [{ field: 'machineId', reason: 'open repair' }]);

export async function recordSpotCheck(db: Db, actor: Actor, input: SpotCheckInput, now: Date): Promise<SpotCheckAnswer> {
  requireAccess(actor, 'production.equipment.check');
  const machine = await getMachineRow(db, actor.orgId, input.machineId);
  if (machine.state === 'retired') throw invalidState('设备已报废', 'The machine is retired');
  if (isStandingStill(machine.state)) {
    throw invalidState(
      '设备停机待修，请维持停机状态，修复后再点检操作（T4 第五十条）',
      'The machine is stopped for repair: keep it stopped and check again once repaired (T4 art. 50)',
    );
  }
  const items = await findCheckItems(db, actor.orgId, machine.id);
  if (items.length === 0) throw invalidField('items', '该设备尚未制定点检项目', 'the machine has no spot-check items yet');
  const answers = new Map(input.items.map((a) => [a.itemId, a]));
  input.items.forEach((a, i) => {
    if (!items.some((it) => it.id === a.itemId)) throw invalidField(`items[${i}].itemId`, '不是该设备的点检项目', 'not a check item of this machine');
  });
  const missing = items.filter((it) => !answers.has(it.id));
  if (missing.length)
    throw invalidField(
      'items',
      `须逐项点检，未检：${missing.map((m) => m.content).join('、')}`,
      `every item must be checked; missing: ${missing.map((m) => m.content).join(', ')}`,
    );
  const checked: CheckedItem[] = items.map((it) => ({
    itemId: it.id,
    content: it.content,
    isOk: answers.get(it.id)!.isOk,
    note: answers.get(it.id)!.note ?? '',
  }));
  const bad = checked.filter((c) => !c.isOk);
  const result = bad.length ? 'anomaly' : 'ok';
  const today = await orgToday(db, actor.orgId, now);
  try {
    return await db.transaction(async (tx) => {
      const [check] = await tx
        .insert(prodSpotChecks)
        .values({
          orgId: actor.orgId,
          machineId: machine.id,
          checkedOn: today,
          checkedAt: now,
          checkedBy: actor.userId,
          result,
          items: checked,
          note: input.note ?? '',
        })
        .returning();
      let repair: SpotCheckAnswer['repair'] = null;
      let machineState = machine.state;
      if (bad.length) {
        const fault = `点检异常：${bad.map((b) => (b.note ? `${b.content}（${b.note}）` : b.content)).join('；')}${input.note ? `。${input.note}` : ''}`;
        const opened = await openRepair(tx, actor, machine, { source: 'spot_check', fault, at: now, today });
        await tx
          .update(prodSpotChecks)
          .set({ repairId: opened.repair.id })
          .where(and(eq(prodSpotChecks.orgId, actor.orgId), eq(prodSpotChecks.id, check.id)));
        repair = { id: opened.repair.id, number: opened.repair.number };
        machineState = 'stopped';
      }
      await writeAudit(tx, actor, {
        action: 'production.spot-check.record',
        entity: 'prod_machine',
        entityId: machine.id,
        after: { id: check.id, result, items: checked, repair },
      });
      return { id: check.id, result, machineState, repair };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw concurrentReport();
    throw e;
  }
}

/** The phone page of the machine (the card's QR code): state, check items, open repair, upkeep due. */
export async function getMachinePhone(db: Db, actor: Actor, id: string, now: Date): Promise<MachinePhoneView> {
  requireAccess(actor, 'production.read');
  const machine = await getMachineRow(db, actor.orgId, id);
  const today = await orgToday(db, actor.orgId, now);
  const [workshop, checkItems, open, [last], upkeep] = await Promise.all([
    getWorkshopRow(db, actor.orgId, machine.workshopId),
    findCheckItems(db, actor.orgId, id),
    findOpenRepair(db, actor.orgId, id),
    db
      .select({ checkedAt: prodSpotChecks.checkedAt, checkedByName: users.displayName, result: prodSpotChecks.result })
      .from(prodSpotChecks)
      .innerJoin(users, and(eq(users.orgId, prodSpotChecks.orgId), eq(users.id, prodSpotChecks.checkedBy)))
      .where(and(eq(prodSpotChecks.orgId, actor.orgId), eq(prodSpotChecks.machineId, id)))
      .orderBy(desc(prodSpotChecks.checkedAt))
      .limit(1),
    machineUpkeepToday(db, machine, today),
  ]);
  return {
    id: machine.id,
    code: machine.code,
    name: machine.name,
    model: machine.model,
    workshopName: workshop.name,
    state: machine.state,
    checkItems: checkItems.map((c) => ({ id: c.id, content: c.content, standard: c.standard })),
    openRepair: open ? { id: open.id, number: open.number, state: open.state, fault: open.fault, reportedAt: open.reportedAt.toISOString() } : null,
    lastCheck: last ? { ...last, checkedAt: last.checkedAt.toISOString() } : null,
    upkeep,
  };
}

export async function findSpotChecks(db: Db, actor: Actor, filter: SpotCheckFilter): Promise<SpotCheckView[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodSpotChecks.orgId, actor.orgId)];
  if (filter.machineId) where.push(eq(prodSpotChecks.machineId, filter.machineId));
  if (filter.from) where.push(gte(prodSpotChecks.checkedOn, filter.from));
  if (filter.to) where.push(lte(prodSpotChecks.checkedOn, filter.to));
  if (filter.result) where.push(eq(prodSpotChecks.result, filter.result));
  const rows = await db
    .select()
    .from(prodSpotChecks)
    .where(and(...where))
    .orderBy(desc(prodSpotChecks.checkedAt))
    .limit(500);
  return spotCheckViews(db, actor.orgId, rows);
}
