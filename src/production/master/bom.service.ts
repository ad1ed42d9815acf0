import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { invalidField, notFound, versionConflict } from '#core/errors';
import { getItemRow } from './item.service';
import { findBomCycle } from './master.rules';
import { prodBomLines, prodItems } from './master.schema';
import type { BomLineInput } from './master.contract';

export type { BomLineInput } from './master.contract';

export async function findBomLines(db: Db, actor: Actor, parentItemId?: string) {
  requireAccess(actor, 'production.read');
  const where = [eq(prodBomLines.orgId, actor.orgId)];
  if (parentItemId) where.push(eq(prodBomLines.parentItemId, parentItemId));
  return db
    .select({
      id: prodBomLines.id,
      parentItemId: prodBomLines.parentItemId,
      childItemId: prodBomLines.childItemId,
      childCode: prodItems.code,
      childName: prodItems.name,
      childUnit: prodItems.unit,
      qtyPer: prodBomLines.qtyPer,
      scrapRate: prodBomLines.scrapRate,
      yieldRate: prodBomLines.yieldRate,
      version: prodBomLines.version,
    })
    .from(prodBomLines)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodBomLines.orgId), eq(prodItems.id, prodBomLines.childItemId)))
    .where(and(...where))
    .orderBy(asc(prodBomLines.parentItemId), asc(prodItems.code));
}

async function assertNoCycle(db: Db, orgId: string, added: { parentItemId: string; childItemId: string }, ignoreId?: string) {
  if (added.parentItemId === added.childItemId) throw invalidField('childItemId', '子件不能是父件本身', 'a part cannot contain itself');
  const edges = (await db.select().from(prodBomLines).where(eq(prodBomLines.orgId, orgId))).filter((e) => e.id !== ignoreId);
  const cycle = findBomCycle(edges, added);
  if (!cycle) return;
  const codes = new Map(
    (await db.select({ id: prodItems.id, code: prodItems.code }).from(prodItems).where(eq(prodItems.orgId, orgId))).map((i) => [i.id, i.code]),
  );
  const path = cycle.map((id) => codes.get(id) ?? id).join(' → ');
  throw invalidField('childItemId', `物料清单将形成循环：${path}`, `the BOM would form a cycle: ${path}`);
}

export async function createBomLine(db: Db, actor: Actor, input: BomLineInput) {
  requireAccess(actor, 'production.master.write');
  await getItemRow(db, actor.orgId, input.parentItemId).catch(() => {
    throw invalidField('parentItemId', '父件不存在', 'unknown parent item');
  });
  await getItemRow(db, actor.orgId, input.childItemId).catch(() => {
    throw invalidField('childItemId', '子件不存在', 'unknown child item');
  });
  await assertNoCycle(db, actor.orgId, input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(prodBomLines)
        .values({ ...input, orgId: actor.orgId })
        .returning();
      await writeAudit(tx, actor, { action: 'production.bom.create', entity: 'prod_bom_line', entityId: row.id, after: row });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalidField('childItemId', '该子件已在此物料清单中', 'this part is already in the BOM');
    throw e;
  }
}

export async function updateBomLine(db: Db, actor: Actor, id: string, change: { version: number; qtyPer?: number; scrapRate?: number; yieldRate?: number }) {
  requireAccess(actor, 'production.master.write');
  const { version, ...fields } = change;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(prodBomLines)
      .where(and(eq(prodBomLines.orgId, actor.orgId), eq(prodBomLines.id, id)));
    if (!before) throw notFound('物料清单行', 'BOM line');
    const [row] = await tx
      .update(prodBomLines)
      .set({ ...fields, version: sql`${prodBomLines.version} + 1` })
      .where(and(eq(prodBomLines.orgId, actor.orgId), eq(prodBomLines.id, id), eq(prodBomLines.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.bom.update', entity: 'prod_bom_line', entityId: id, before, after: row });
    return row;
  });
}

export async function deleteBomLine(db: Db, actor: Actor, id: string, version: number) {
  requireAccess(actor, 'production.master.write');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(prodBomLines)
      .where(and(eq(prodBomLines.orgId, actor.orgId), eq(prodBomLines.id, id), eq(prodBomLines.version, version)))
      .returning();
    if (!row) {
      const [exists] = await tx
        .select({ id: prodBomLines.id })
        .from(prodBomLines)
        .where(and(eq(prodBomLines.orgId, actor.orgId), eq(prodBomLines.id, id)));
      throw exists ? versionConflict() : notFound('物料清单行', 'BOM line');
    }
    await writeAudit(tx, actor, { action: 'production.bom.delete', entity: 'prod_bom_line', entityId: id, before: row });
  });
}
