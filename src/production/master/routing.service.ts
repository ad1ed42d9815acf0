import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField, versionConflict } from '#core/errors';
import { getItemRow } from './item.service';
import { prodItems, prodRoutingOps, prodWorkshops } from './master.schema';
import type { RoutingBody } from './master.contract';

export type { RoutingOpInput } from './master.contract';

export async function findRoutingOps(db: Db, actor: Actor, itemId?: string) {
  requireAccess(actor, 'production.read');
  const where = [eq(prodRoutingOps.orgId, actor.orgId)];
  if (itemId) where.push(eq(prodRoutingOps.itemId, itemId));
  return db
    .select({
      id: prodRoutingOps.id,
      itemId: prodRoutingOps.itemId,
      itemCode: prodItems.code,
      itemName: prodItems.name,
      seq: prodRoutingOps.seq,
      workshopId: prodRoutingOps.workshopId,
      workshopName: prodWorkshops.name,
      hoursPerUnit: prodRoutingOps.hoursPerUnit,
      offsetDays: prodRoutingOps.offsetDays,
      version: prodRoutingOps.version,
    })
    .from(prodRoutingOps)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodRoutingOps.orgId), eq(prodItems.id, prodRoutingOps.itemId)))
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodRoutingOps.orgId), eq(prodWorkshops.id, prodRoutingOps.workshopId)))
    .where(and(...where))
    .orderBy(asc(prodItems.code), asc(prodRoutingOps.seq));
}

/**
 * Replaces an item's routing as a whole (the screen edits it as one list). `versions` are
 * the versions of the operations the editor saw: a routing changed meanwhile gets 409.
 */
export async function saveRouting(db: Db, actor: Actor, itemId: string, input: RoutingBody) {
  requireAccess(actor, 'production.master.write');
  await getItemRow(db, actor.orgId, itemId);
  const seqs = new Set<number>();
  input.ops.forEach((op, i) => {
    if (seqs.has(op.seq)) throw invalidField(`ops[${i}].seq`, `工序号 ${op.seq} 重复`, `operation number ${op.seq} repeats`);
    seqs.add(op.seq);
  });
  const workshopIds = [...new Set(input.ops.map((o) => o.workshopId))];
  if (workshopIds.length) {
    const found = await db
      .select({ id: prodWorkshops.id })
      .from(prodWorkshops)
      .where(and(eq(prodWorkshops.orgId, actor.orgId), inArray(prodWorkshops.id, workshopIds)));
    const known = new Set(found.map((w) => w.id));
    const bad = input.ops.findIndex((o) => !known.has(o.workshopId));
    if (bad >= 0) throw invalidField(`ops[${bad}].workshopId`, '车间不存在', 'unknown workshop');
  }
  return db.transaction(async (tx) => {
    const before = await tx
      .select()
      .from(prodRoutingOps)
      .where(and(eq(prodRoutingOps.orgId, actor.orgId), eq(prodRoutingOps.itemId, itemId)))
      .for('update');
    const seen = Object.entries(input.versions);
    const isStale = before.length !== seen.length || before.some((b) => input.versions[b.id] !== b.version);
    if (isStale) throw versionConflict();
    await tx.delete(prodRoutingOps).where(and(eq(prodRoutingOps.orgId, actor.orgId), eq(prodRoutingOps.itemId, itemId)));
    const after = input.ops.length
      ? await tx
          .insert(prodRoutingOps)
          .values(input.ops.map((o) => ({ ...o, orgId: actor.orgId, itemId })))
          .returning()
      : [];
    await writeAudit(tx, actor, { action: 'production.routing.save', entity: 'prod_item', entityId: itemId, before, after });
    return after.sort((a, b) => a.seq - b.seq);
  });
}
