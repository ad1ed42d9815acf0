import { and, asc, eq } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { notFound } from '#core/errors';
import { alias } from 'drizzle-orm/pg-core';
import { prodBomLines, prodItems, prodRoutingOps, prodWorkshops } from '../master/index';
import type { MaterialNormRow } from './requisition.contract';
import { drawingWorkshopOf, type NormBomLine, normPerUnit, type RoutingStep, type WorkshopNorm, workshopNorms } from './requisition.rules';
import { workshopOf } from './requisition.query';
import { prodBomLineWorkshops } from './requisition.schema';

// The material norms (材料定额标准, T4 第二十八、三十条): the BOM's quantities with scrap and yield,
// and which workshop draws each component.

export interface NormFacts {
  bom: NormBomLine[];
  routings: RoutingStep[];
  norms: WorkshopNorm[];
}

export async function loadNormFacts(db: Db, orgId: string): Promise<NormFacts> {
  const [lines, routings] = await Promise.all([
    db
      .select({
        id: prodBomLines.id,
        parentItemId: prodBomLines.parentItemId,
        childItemId: prodBomLines.childItemId,
        qtyPer: prodBomLines.qtyPer,
        scrapRate: prodBomLines.scrapRate,
        yieldRate: prodBomLines.yieldRate,
        workshopId: prodBomLineWorkshops.workshopId,
      })
      .from(prodBomLines)
      .leftJoin(prodBomLineWorkshops, and(eq(prodBomLineWorkshops.orgId, prodBomLines.orgId), eq(prodBomLineWorkshops.bomLineId, prodBomLines.id)))
      .where(eq(prodBomLines.orgId, orgId)),
    db
      .select({ itemId: prodRoutingOps.itemId, seq: prodRoutingOps.seq, workshopId: prodRoutingOps.workshopId })
      .from(prodRoutingOps)
      .where(eq(prodRoutingOps.orgId, orgId)),
  ]);
  const bom = lines.map((l) => ({ ...l, workshopId: l.workshopId ?? null }));
  return { bom, routings, norms: workshopNorms(bom, routings) };
}

/** Every BOM line with its norm per unit and the workshop that draws it. */
export async function findMaterialNorms(db: Db, actor: Actor): Promise<MaterialNormRow[]> {
  requireAccess(actor, 'production.read');
  const facts = await loadNormFacts(db, actor.orgId);
  const product = alias(prodItems, 'product');
  const material = alias(prodItems, 'material');
  const [rows, workshops] = await Promise.all([
    db
      .select({ id: prodBomLines.id, product, material })
      .from(prodBomLines)
      .innerJoin(product, and(eq(product.orgId, prodBomLines.orgId), eq(product.id, prodBomLines.parentItemId)))
      .innerJoin(material, and(eq(material.orgId, prodBomLines.orgId), eq(material.id, prodBomLines.childItemId)))
      .where(eq(prodBomLines.orgId, actor.orgId))
      .orderBy(asc(product.sort), asc(product.code), asc(material.sort), asc(material.code)),
    db.select({ id: prodWorkshops.id, name: prodWorkshops.name }).from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId)),
  ]);
  const workshopName = new Map(workshops.map((w) => [w.id, w.name]));
  const byId = new Map(facts.bom.map((l) => [l.id, l]));
  return rows.map(({ id, product: p, material: m }) => {
    const line = byId.get(id)!;
    const workshopId = drawingWorkshopOf(line, facts.routings);
    return {
      bomLineId: id,
      productId: p.id,
      productCode: p.code,
      productName: p.name,
      productUnit: p.unit,
      materialId: m.id,
      materialCode: m.code,
      materialName: m.name,
      materialUnit: m.unit,
      qtyPer: line.qtyPer,
      scrapRate: line.scrapRate,
      yieldRate: line.yieldRate,
      perUnit: normPerUnit(line),
      workshopId,
      workshopName: workshopId ? (workshopName.get(workshopId) ?? null) : null,
      isAssigned: line.workshopId !== null,
    };
  });
}

/** Sets (or clears, back to the routing's first workshop) the workshop that draws a component. */
export async function assignNormWorkshop(db: Db, actor: Actor, bomLineId: string, workshopId: string | null): Promise<MaterialNormRow> {
  requireAccess(actor, 'production.master.write');
  await db.transaction(async (tx) => {
    const [line] = await tx
      .select({ id: prodBomLines.id })
      .from(prodBomLines)
      .where(and(eq(prodBomLines.orgId, actor.orgId), eq(prodBomLines.id, bomLineId)));
    if (!line) throw notFound('BOM 行', 'BOM line');
    const [before] = await tx
      .select({ workshopId: prodBomLineWorkshops.workshopId })
      .from(prodBomLineWorkshops)
      .where(and(eq(prodBomLineWorkshops.orgId, actor.orgId), eq(prodBomLineWorkshops.bomLineId, bomLineId)));
    if (workshopId) {
      await workshopOf(tx, actor.orgId, workshopId);
      await tx
        .insert(prodBomLineWorkshops)
        .values({ orgId: actor.orgId, bomLineId, workshopId })
        .onConflictDoUpdate({ target: [prodBomLineWorkshops.orgId, prodBomLineWorkshops.bomLineId], set: { workshopId } });
    } else {
      await tx.delete(prodBomLineWorkshops).where(and(eq(prodBomLineWorkshops.orgId, actor.orgId), eq(prodBomLineWorkshops.bomLineId, bomLineId)));
    }
    await writeAudit(tx, actor, {
      action: 'production.norm.workshop',
      entity: 'prod_bom_line',
      entityId: bomLineId,
      before: { workshopId: before?.workshopId ?? null },
      after: { workshopId },
    });
  });
  const row = (await findMaterialNorms(db, actor)).find((r) => r.bomLineId === bomLineId);
  if (!row) throw notFound('BOM 行', 'BOM line');
  return row;
}
