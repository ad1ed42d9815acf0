import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField } from '#core/errors';
import { prodMachineCheckItems, prodUpkeepItems, prodUpkeepRecords } from './equipment.schema';
import type { CheckItemsInput, UpkeepItemsInput } from './machine.contract';
import { getMachineRow } from './machine.query';

// A machine's spot-check items (its operating procedure, T4 第五十条) and daily upkeep items
// with content and frequency (T4 第四十七条), each edited as one list.

export async function findCheckItems(db: Db, orgId: string, machineId: string) {
  return db
    .select({ id: prodMachineCheckItems.id, seq: prodMachineCheckItems.seq, content: prodMachineCheckItems.content, standard: prodMachineCheckItems.standard })
    .from(prodMachineCheckItems)
    .where(and(eq(prodMachineCheckItems.orgId, orgId), eq(prodMachineCheckItems.machineId, machineId)))
    .orderBy(asc(prodMachineCheckItems.seq));
}

export async function findUpkeepItems(db: Db, orgId: string, machineId: string) {
  return db
    .select({
      id: prodUpkeepItems.id,
      seq: prodUpkeepItems.seq,
      content: prodUpkeepItems.content,
      method: prodUpkeepItems.method,
      frequency: prodUpkeepItems.frequency,
    })
    .from(prodUpkeepItems)
    .where(and(eq(prodUpkeepItems.orgId, orgId), eq(prodUpkeepItems.machineId, machineId), eq(prodUpkeepItems.isActive, true)))
    .orderBy(asc(prodUpkeepItems.seq));
}

/** Replaces the check items: past checks keep the items as they were checked (a snapshot). */
export async function saveCheckItems(db: Db, actor: Actor, machineId: string, input: CheckItemsInput) {
  requireAccess(actor, 'production.equipment.write');
  await getMachineRow(db, actor.orgId, machineId);
  await db.transaction(async (tx) => {
    const before = await findCheckItems(tx, actor.orgId, machineId);
    await tx.delete(prodMachineCheckItems).where(and(eq(prodMachineCheckItems.orgId, actor.orgId), eq(prodMachineCheckItems.machineId, machineId)));
    if (input.items.length) {
      await tx
        .insert(prodMachineCheckItems)
        .values(input.items.map((it, k) => ({ orgId: actor.orgId, machineId, seq: k + 1, content: it.content, standard: it.standard ?? '' })));
    }
    await writeAudit(tx, actor, { action: 'production.machine.check-items', entity: 'prod_machine', entityId: machineId, before, after: input.items });
  });
  return findCheckItems(db, actor.orgId, machineId);
}

/**
 * Saves the upkeep items: listed ids are updated, new ones added, missing ones retired (their
 * records stay; an item nobody recorded goes away).
 */
export async function saveUpkeepItems(db: Db, actor: Actor, machineId: string, input: UpkeepItemsInput, now: Date) {
  requireAccess(actor, 'production.equipment.write');
  await getMachineRow(db, actor.orgId, machineId);
  const existing = await db
    .select()
    .from(prodUpkeepItems)
    .where(and(eq(prodUpkeepItems.orgId, actor.orgId), eq(prodUpkeepItems.machineId, machineId), eq(prodUpkeepItems.isActive, true)));
  const known = new Set(existing.map((e) => e.id));
  input.items.forEach((it, i) => {
    if (it.id && !known.has(it.id)) throw invalidField(`items[${i}].id`, '保养项目不属于该设备', 'not an upkeep item of this machine');
  });
  const kept = new Set(input.items.map((it) => it.id).filter((x): x is string => !!x));
  const dropped = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
  await db.transaction(async (tx) => {
    for (const [k, it] of input.items.entries()) {
      const values = { seq: k + 1, content: it.content, method: it.method ?? '', frequency: it.frequency };
      if (it.id)
        await tx
          .update(prodUpkeepItems)
          .set(values)
          .where(and(eq(prodUpkeepItems.orgId, actor.orgId), eq(prodUpkeepItems.id, it.id)));
      else await tx.insert(prodUpkeepItems).values({ ...values, orgId: actor.orgId, machineId, createdAt: now });
    }
    if (dropped.length) {
      const used = new Set(
        (
          await tx
            .selectDistinct({ itemId: prodUpkeepRecords.itemId })
            .from(prodUpkeepRecords)
            .where(and(eq(prodUpkeepRecords.orgId, actor.orgId), inArray(prodUpkeepRecords.itemId, dropped)))
        ).map((r) => r.itemId),
      );
      const retire = dropped.filter((id) => used.has(id));
      const remove = dropped.filter((id) => !used.has(id));
      if (retire.length)
        await tx
          .update(prodUpkeepItems)
          .set({ isActive: false })
          .where(and(eq(prodUpkeepItems.orgId, actor.orgId), inArray(prodUpkeepItems.id, retire)));
      if (remove.length) await tx.delete(prodUpkeepItems).where(and(eq(prodUpkeepItems.orgId, actor.orgId), inArray(prodUpkeepItems.id, remove)));
    }
    await writeAudit(tx, actor, {
      action: 'production.machine.upkeep-items',
      entity: 'prod_machine',
      entityId: machineId,
      before: existing,
      after: input.items,
    });
  });
  return findUpkeepItems(db, actor.orgId, machineId);
}
