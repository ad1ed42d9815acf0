import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { findOnHandByItem, prodItems, prodStock } from '../master/index';
import { findPlanMaterialRows, prodPlanMaterials } from '../mrp/index';
import { getPlanRow } from '../plan/index';
import { byLocale, type MaterialNetting, materialMatches, pageOf, summarizeMaterialPlan } from './material-plan.rules';
import type { MaterialPlanQuery, MaterialPlanView } from './purchase.contract';
import { totalsByUnit } from './purchase.rules';

// Issue 14 item 10: the production plan's material tab — per material the netting against
// what is on hand now and the approved safety stock, and the MRP orders consolidated per
// order period (the purchase plan's rule; a week by default, T4 第二十二、二十三条).

/** How many of the plan's shortages the answer names; the alert says how many there are in all. */
const SHORTAGES_NAMED = 20;

export async function getMaterialPlan(db: Db, actor: Actor, planId: string, query: MaterialPlanQuery = {}): Promise<MaterialPlanView> {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  const rows = await findPlanMaterialRows(db, actor.orgId, planId);
  const chosen = query.period ?? (await getPolicy(db, actor.orgId)).production.purchaseOrderPeriod;
  const itemIds = [...new Set(rows.map((r) => r.itemId))];
  // Each item of the plan once, in one read (no list of ids sent): its label, supplier and approved safety stock.
  const facts = new Map<string, { code: string; name: string; spec: string; unit: string; supplier: string; safety: number }>();
  const found = itemIds.length
    ? await db
        .select({
          id: prodItems.id,
          code: prodItems.code,
          name: prodItems.name,
          spec: prodItems.spec,
          unit: prodItems.unit,
          supplier: prodItems.supplier,
          safety: prodStock.safetyStock,
        })
        .from(prodItems)
        .leftJoin(prodStock, and(eq(prodStock.orgId, prodItems.orgId), eq(prodStock.itemId, prodItems.id)))
        .where(
          and(
            eq(prodItems.orgId, actor.orgId),
            inArray(
              prodItems.id,
              db
                .selectDistinct({ id: prodPlanMaterials.itemId })
                .from(prodPlanMaterials)
                .where(and(eq(prodPlanMaterials.orgId, actor.orgId), eq(prodPlanMaterials.planId, planId))),
            ),
          ),
        )
    : [];
  for (const f of found) facts.set(f.id, { code: f.code, name: f.name, spec: f.spec, unit: f.unit, supplier: f.supplier, safety: f.safety ?? 0 });
  const onHand = itemIds.length ? await findOnHandByItem(db, actor.orgId) : new Map<string, number>();
  const stock = new Map(itemIds.map((id) => [id, { onHand: onHand.get(id) ?? 0, safety: facts.get(id)?.safety ?? 0 }]));
  const summary = summarizeMaterialPlan(rows, stock, chosen);
  const labelOf = (itemId: string) => facts.get(itemId) ?? { code: '', name: '', spec: '', unit: '', supplier: '' };
  // The materials asked for, in kind then code order: sorted per kind on the code alone (one
  // comparison of codes instead of two), and only the page's materials are labelled.
  const filtering = !!query.kind || !!query.q?.trim();
  const perKind = new Map<string, [string, MaterialNetting][]>();
  for (const m of summary.materials) {
    const f = labelOf(m.itemId);
    if (filtering && !materialMatches({ kind: m.kind, code: f.code, name: f.name, spec: f.spec }, query)) continue;
    const bucket = perKind.get(m.kind) ?? [];
    bucket.push([f.code, m]);
    perKind.set(m.kind, bucket);
  }
  const sorted = [...perKind.keys()].sort(byLocale).flatMap((kind) =>
    perKind
      .get(kind)!
      .sort((a, b) => byLocale(a[0], b[0]))
      .map(([, m]) => m),
  );
  const labelled = (m: MaterialNetting) => {
    const { code, name, spec, unit, supplier } = labelOf(m.itemId);
    return { ...m, code, name, spec, unit, supplier };
  };
  // Within a period the orders follow the materials' order, so a week reads like the netting table.
  const rank = new Map(sorted.map((m, i) => [m.itemId, i]));
  const orders = summary.orders
    .flatMap((o) => (rank.has(o.itemId) ? [{ o, at: rank.get(o.itemId)! }] : []))
    .sort((a, b) => (a.o.periodStart < b.o.periodStart ? -1 : a.o.periodStart > b.o.periodStart ? 1 : a.at - b.at))
    .map(({ o }) => o);
  const allShortages = (plan.materialsSummary as { shortages?: { itemId: string; qty: number; needOn: string }[] } | null)?.shortages ?? [];
  const shortages = allShortages.slice(0, SHORTAGES_NAMED).map((s) => {
    const { code, name, unit } = labelOf(s.itemId);
    return { itemId: s.itemId, code, name, unit, qty: s.qty, needOn: s.needOn };
  });
  return {
    planId: plan.id,
    title: plan.title,
    materialsAt: plan.materialsAt,
    period: chosen,
    materials: pageOf(sorted, query.offset, query.limit).map(labelled),
    materialsTotal: sorted.length,
    orders: pageOf(orders, query.ordersOffset, query.limit).map((o) => {
      const { code, name, unit } = labelOf(o.itemId);
      return { ...o, code, name, unit };
    }),
    ordersTotal: orders.length,
    totals: totalsByUnit(
      sorted.map((m) => ({ unit: labelOf(m.itemId).unit, gross: m.gross, onHand: m.onHand, safety: m.safety, net: m.net, planned: m.planned })),
      ['gross', 'onHand', 'safety', 'net', 'planned'],
    ),
    shortages,
    shortagesTotal: allShortages.length,
  };
}
