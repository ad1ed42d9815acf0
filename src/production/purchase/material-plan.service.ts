import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { chunk } from '../common/index';
import { findOnHandByItem, prodItems, prodStock } from '../master/index';
import { findPlanMaterials } from '../mrp/index';
import { getPlanRow } from '../plan/index';
import { byLocale, materialMatches, pageOf, summarizeMaterialPlan } from './material-plan.rules';
import type { MaterialPlanQuery, MaterialPlanView } from './purchase.contract';
import { totalsByUnit } from './purchase.rules';

// Issue 14 item 10: the production plan's material tab — per material the netting against
// what is on hand now and the approved safety stock, and the MRP orders consolidated per
// order period (the purchase plan's rule; a week by default, T4 第二十二、二十三条).

export async function getMaterialPlan(db: Db, actor: Actor, planId: string, query: MaterialPlanQuery = {}): Promise<MaterialPlanView> {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  const rows = await findPlanMaterials(db, actor.orgId, planId);
  const chosen = query.period ?? (await getPolicy(db, actor.orgId)).production.purchaseOrderPeriod;
  const itemIds = [...new Set(rows.map((r) => r.itemId))];
  const levels = new Map<string, { safety: number; supplier: string }>();
  for (const ids of chunk(itemIds, 5000)) {
    const found = await db
      .select({ id: prodItems.id, supplier: prodItems.supplier, safety: prodStock.safetyStock })
      .from(prodItems)
      .leftJoin(prodStock, and(eq(prodStock.orgId, prodItems.orgId), eq(prodStock.itemId, prodItems.id)))
      .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, ids)));
    for (const f of found) levels.set(f.id, { safety: f.safety ?? 0, supplier: f.supplier });
  }
  const onHand = itemIds.length ? await findOnHandByItem(db, actor.orgId) : new Map<string, number>();
  const label = new Map(rows.map((r) => [r.itemId, r]));
  const stock = new Map(itemIds.map((id) => [id, { onHand: onHand.get(id) ?? 0, safety: levels.get(id)?.safety ?? 0 }]));
  const summary = summarizeMaterialPlan(rows, stock, chosen);
  // Only the materials asked for are labelled and sorted; the orders of the page alone are labelled.
  const materials = summary.materials
    .flatMap((m) => {
      const l = label.get(m.itemId)!;
      const x = { ...m, code: l.code, name: l.name, spec: l.spec, unit: l.unit, supplier: levels.get(m.itemId)?.supplier ?? '' };
      return materialMatches(x, query) ? [x] : [];
    })
    .sort((a, b) => byLocale(a.kind, b.kind) || byLocale(a.code, b.code));
  const asked = query.kind || query.q?.trim() ? new Set(materials.map((m) => m.itemId)) : null;
  const orders = asked ? summary.orders.filter((o) => asked.has(o.itemId)) : summary.orders;
  const shortages = ((plan.materialsSummary as { shortages?: { itemId: string; qty: number; needOn: string }[] } | null)?.shortages ?? []).flatMap((s) => {
    const l = label.get(s.itemId);
    return l ? [{ itemId: s.itemId, code: l.code, name: l.name, unit: l.unit, qty: s.qty, needOn: s.needOn }] : [];
  });
  return {
    planId: plan.id,
    title: plan.title,
    materialsAt: plan.materialsAt,
    period: chosen,
    materials: pageOf(materials, query.offset, query.limit),
    materialsTotal: materials.length,
    orders: pageOf(orders, query.ordersOffset, query.limit).map((o) => {
      const l = label.get(o.itemId)!;
      return { ...o, code: l.code, name: l.name, unit: l.unit };
    }),
    ordersTotal: orders.length,
    totals: totalsByUnit(materials, ['gross', 'onHand', 'safety', 'net', 'planned']),
    shortages,
  };
}
