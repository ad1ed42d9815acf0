import { and, desc, eq, gt, gte, inArray, isNull } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { documents, type InboxItem } from '#core/approval';
import { addDays, orgToday as localToday } from '#core/calendar';
import type { Db } from '#core/db';
import { chunk } from '../common/index';
import { findOnHandByItem, prodItems, prodWorkshops } from '../master/index';
import { prodPlanMaterials } from '../mrp/index';
import { prodPlans } from '../plan/index';
import { prodStockDocs, prodStockMoves } from '../warehouse/index';
import { findOpenOrders } from './open-orders.query';
import type { ShortageView } from './purchase.contract';
import { projectShortage } from './shortage.rules';

// T4 第二十六、二十七条: production and purchasing see a material that will run short before it
// stops a line — on hand plus open purchase orders against the issued plans' needs — and the
// shortages (欠料) issues have already recorded under the record-shortage policy.

const BOUGHT = ['buy', 'outsource'] as const;
const RECORDED_DAYS = 60;

export async function findShortages(db: Db, actor: Actor, now: Date): Promise<ShortageView> {
  requireAccess(actor, 'production.read');
  const orgId = actor.orgId;
  const today = await localToday(db, orgId, now);
  // Needs of issued plans from today on: earlier ones have already been issued from stock.
  const needs = await db
    .select({ itemId: prodPlanMaterials.itemId, needOn: prodPlanMaterials.needOn, gross: prodPlanMaterials.gross })
    .from(prodPlanMaterials)
    .innerJoin(prodPlans, and(eq(prodPlans.orgId, prodPlanMaterials.orgId), eq(prodPlans.id, prodPlanMaterials.planId)))
    .innerJoin(documents, and(eq(documents.orgId, prodPlans.orgId), eq(documents.id, prodPlans.documentId)))
    .where(
      and(
        eq(prodPlanMaterials.orgId, orgId),
        eq(documents.state, 'issued'),
        inArray(prodPlanMaterials.kind, [...BOUGHT]),
        gte(prodPlanMaterials.needOn, today),
        gt(prodPlanMaterials.gross, 0),
      ),
    );
  const byItem = new Map<string, { on: string; qty: number }[]>();
  for (const n of needs) {
    const list = byItem.get(n.itemId);
    if (list) list.push({ on: n.needOn, qty: n.gross });
    else byItem.set(n.itemId, [{ on: n.needOn, qty: n.gross }]);
  }
  const [onHand, open] = await Promise.all([findOnHandByItem(db, orgId), byItem.size ? findOpenOrders(db, orgId) : Promise.resolve([])]);
  const receipts = new Map<string, { on: string; qty: number }[]>();
  for (const o of open) {
    const list = receipts.get(o.itemId);
    if (list) list.push({ on: o.needOn, qty: o.open });
    else receipts.set(o.itemId, [{ on: o.needOn, qty: o.open }]);
  }
  const short = [...byItem.entries()].flatMap(([itemId, list]) => {
    const s = projectShortage({ itemId, onHand: onHand.get(itemId) ?? 0, needs: list, receipts: receipts.get(itemId) ?? [] }, today);
    return s ? [s] : [];
  });
  const labels = new Map<string, { code: string; name: string; unit: string; supplier: string }>();
  for (const ids of chunk(
    short.map((s) => s.itemId),
    5000,
  )) {
    const rows = await db
      .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, unit: prodItems.unit, supplier: prodItems.supplier })
      .from(prodItems)
      .where(and(eq(prodItems.orgId, orgId), inArray(prodItems.id, ids)));
    for (const r of rows) labels.set(r.id, r);
  }
  const projected = short
    .map((s) => ({
      ...s,
      code: labels.get(s.itemId)?.code ?? '',
      name: labels.get(s.itemId)?.name ?? '',
      unit: labels.get(s.itemId)?.unit ?? '',
      supplier: labels.get(s.itemId)?.supplier ?? '',
    }))
    .sort((a, b) => a.shortOn.localeCompare(b.shortOn) || a.code.localeCompare(b.code));
  const recorded = await db
    .select({
      docId: prodStockDocs.id,
      number: prodStockDocs.number,
      docDate: prodStockDocs.docDate,
      workshopName: prodWorkshops.name,
      itemId: prodStockMoves.itemId,
      code: prodItems.code,
      name: prodItems.name,
      unit: prodItems.unit,
      shortage: prodStockMoves.shortage,
    })
    .from(prodStockMoves)
    .innerJoin(prodStockDocs, and(eq(prodStockDocs.orgId, prodStockMoves.orgId), eq(prodStockDocs.id, prodStockMoves.docId)))
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodStockMoves.orgId), eq(prodItems.id, prodStockMoves.itemId)))
    .leftJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodStockDocs.orgId), eq(prodWorkshops.id, prodStockDocs.workshopId)))
    .where(
      and(
        eq(prodStockMoves.orgId, orgId),
        gt(prodStockMoves.shortage, 0),
        isNull(prodStockDocs.reversedById),
        gte(prodStockMoves.docDate, addDays(today, -RECORDED_DAYS)),
      ),
    )
    .orderBy(desc(prodStockDocs.seq))
    .limit(200);
  return { projected, recorded };
}

/** 我的待办 of the planner and purchasing: each material that will run short, due on its day. */
export async function findShortageInbox(db: Db, actor: Actor): Promise<InboxItem[]> {
  if (!hasPermission(actor, 'production.read')) return [];
  if (!hasPermission(actor, 'production.purchase.write') && !hasPermission(actor, 'production.plan.write')) return [];
  const { projected, recorded } = await findShortages(db, actor, new Date());
  const since = new Date().toISOString();
  return [
    ...projected.slice(0, 20).map((s) => ({
      kind: 'production.stock.shortage',
      tag: { zh: '缺料预警', en: 'Shortage ahead' },
      id: s.itemId,
      title: {
        zh: `缺料预警：${s.code} ${s.name} ${s.shortOn} 起短缺 ${s.shortQty} ${s.unit}`,
        en: `Shortage ahead: ${s.code} ${s.name} short by ${s.shortQty} ${s.unit} from ${s.shortOn}`,
      },
      link: '/production/warehouse/shortages',
      since,
      due: s.shortOn,
    })),
    ...recorded.slice(0, 10).map((r) => ({
      kind: 'production.stock.shortage-recorded',
      tag: { zh: '已记录缺料', en: 'Shortage recorded' },
      id: `${r.docId}:${r.itemId}`,
      title: {
        zh: `欠料：${r.number} ${r.code} ${r.name} 欠 ${r.shortage} ${r.unit}`,
        en: `Issued short: ${r.number} ${r.code} ${r.shortage} ${r.unit} missing`,
      },
      link: `/production/warehouse/documents/${r.docId}`,
      since: `${r.docDate}T00:00:00.000Z`,
    })),
  ];
}
