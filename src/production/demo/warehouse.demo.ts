import type { Actor } from '#core/access';
import { approveDocument, getDocument, saveApprovalChain, submitDocument } from '#core/approval';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { addMonths } from '../common/index';
import { findShipmentPlan } from '../demand/index';
import { findItems, updateItem, updateStock } from '../master/index';
import { findPlans } from '../plan/index';
import { compilePurchasePlan, findOpenOrderLines, PURCHASE_PLAN_DOC, postPurchaseReceipt } from '../purchase/index';
import { createLocation, findStockSummary, postShipmentIssue, postStockDocument, reverseStockDocument } from '../warehouse/index';
import type { DemoPeople } from './demand.demo';
import type { DemoClock } from './demo-clock';

// The warehouse's month (PP-15, PP-16): locations, a purchase plan for this month approved by
// purchasing, the VP and the GM, goods received against it (the latest line only partly),
// finished goods shipped, a count that found a difference, and one wrong receipt reversed.

const SUPPLIERS: Record<string, string> = {
  'YL-GL': '河西粮油购销公司',
  'YL-XM': '河西粮油购销公司',
  'YL-PT': '祁连葡萄种植合作社',
  'BZ-P500': '华兴玻璃制品有限公司',
  'BZ-P750': '华兴玻璃制品有限公司',
  'BZ-GG': '金陵包装材料厂',
  'BZ-RS': '金陵包装材料厂',
  'BZ-ZX6': '兰州彩印包装有限公司',
  'BZ-BQ52': '兰州彩印包装有限公司',
  'BZ-BQ42': '兰州彩印包装有限公司',
  'BZ-BQ53': '兰州彩印包装有限公司',
  'BZ-BQGH': '兰州彩印包装有限公司',
  'BZ-BQGB': '兰州彩印包装有限公司',
  'BZ-LH': '兰州彩印包装有限公司',
};

async function person(db: Db, org: DemoOrg, username: string): Promise<Actor> {
  const actor = await loadActor(db, org.orgId, org.userIds.get(username) ?? '');
  if (!actor) throw new Error(`demo person ${username} is missing`);
  return actor;
}

/** Raw materials, packaging and finished goods each move to their own store at the start of the month. */
async function seedLocations(db: Db, keeper: Actor, clock: DemoClock) {
  const raw = await createLocation(db, keeper, { code: 'YLK', name: '原料库', kind: 'raw', sort: 1 });
  const pack = await createLocation(db, keeper, { code: 'BCK', name: '包材库', kind: 'raw', sort: 2 });
  const finished = await createLocation(db, keeper, { code: 'CPK', name: '成品库', kind: 'finished', sort: 3 });
  const target = { raw: raw.id, packaging: pack.id, finished: finished.id } as Record<string, string>;
  const { rows } = await findStockSummary(db, keeper, { limit: 500 });
  const lines = rows.filter((r) => target[r.category] && r.onHand > 0).map((r) => ({ itemId: r.itemId, qty: r.onHand, toLocationId: target[r.category] }));
  await db.transaction((tx) =>
    postStockDocument(tx, keeper, { kind: 'transfer', purpose: 'transfer', note: '启用分库管理：原料、包材、成品分库存放', lines }, clock.prevMonthAt(2, 10)),
  );
  return { raw: raw.id, pack: pack.id, finished: finished.id };
}

/** The purchase plan of this month's plan, compiled by 陈经理 and approved level by level (T4 第二十三条). */
async function seedPurchasePlan(db: Db, org: DemoOrg, people: DemoPeople, buyer: Actor, clock: DemoClock) {
  const steps = [
    { key: 'purchasing', nameZh: '采购部负责人审核', nameEn: 'Purchasing head review', roleCode: 'purchasing' },
    { key: 'vp', nameZh: '副总经理审核', nameEn: 'VP review', roleCode: 'vp_production' },
    { key: 'gm', nameZh: '总经理批准', nameEn: 'GM approval', roleCode: 'gm' },
  ];
  // The purchasing head compiles the department's plan and signs its first step.
  await saveApprovalChain(db, org.workflows, org.actor, PURCHASE_PLAN_DOC, { steps, allowSelfApproval: true }, org.today);
  const current = (await findPlans(db, people.planner, { kind: 'monthly' })).find((p) => p.periodStart === `${clock.month}-01`);
  if (current?.state !== 'issued') return null;
  const row = await compilePurchasePlan(db, org.workflows, buyer, { sourcePlanId: current.id }, clock.prevMonthAt(27, 14));
  const version = async () => (await getDocument(db, org.workflows, buyer, row.documentId)).version;
  await submitDocument(db, org.workflows, buyer, row.documentId, { version: await version(), opinion: '请审批' }, clock.prevMonthAt(27, 15));
  await approveDocument(db, org.workflows, buyer, row.documentId, { version: await version(), opinion: '已核对库存与在途' }, clock.prevMonthAt(27, 16));
  await approveDocument(db, org.workflows, people.vp, row.documentId, { version: await version(), opinion: '同意' }, clock.prevMonthAt(28, 9));
  await approveDocument(db, org.workflows, people.gm, row.documentId, { version: await version(), opinion: '同意，按计划采购' }, clock.prevMonthAt(28, 11));
  return row.id;
}

/**
 * A month of receipts: grain arrives every week; against the approved purchase plan the first
 * order line arrives in full and the next only in part, the rest is still on order.
 */
async function seedReceipts(db: Db, keeper: Actor, planId: string | null, places: { raw: string; pack: string }, clock: DemoClock) {
  const grain = (await findItems(db, keeper, { q: 'YL-GL' }))[0];
  for (const [k, ago] of [26, 19, 12, 5].entries()) {
    const lot = `GL${String(k + 1).padStart(2, '0')}`;
    await postPurchaseReceipt(
      db,
      keeper,
      { supplier: SUPPLIERS['YL-GL'], note: '常规到货', lines: [{ itemId: grain.id, qty: 30000, lot, locationId: places.raw }] },
      clock.daysAgo(ago, 10),
    );
  }
  if (!planId) return;
  const category = new Map((await findItems(db, keeper, {})).map((i) => [i.id, i.category]));
  const open = await findOpenOrderLines(db, keeper, { purchasePlanId: planId });
  for (const [k, l] of open.slice(0, 2).entries()) {
    await postPurchaseReceipt(
      db,
      keeper,
      {
        supplier: l.supplier,
        purchasePlanId: planId,
        note: `送货单 ${l.needOn.replace(/-/g, '')}`,
        lines: [
          {
            itemId: l.itemId,
            qty: k === 0 ? l.open : Math.round(l.open * 0.6),
            lot: l.needOn.replace(/-/g, '').slice(2),
            purchaseLineId: l.id,
            locationId: category.get(l.itemId) === 'raw' ? places.raw : places.pack,
          },
        ],
      },
      clock.daysAgo(2 - k, 10),
    );
  }
}

export async function seedDemoWarehouse(db: Db, org: DemoOrg, people: DemoPeople, clock: DemoClock) {
  const keeper = people.warehouse;
  const buyer = await person(db, org, 'plant.purchase');
  for (const item of await findItems(db, people.head, {})) {
    if (SUPPLIERS[item.code]) await updateItem(db, people.head, item.id, { version: item.version, supplier: SUPPLIERS[item.code] });
  }
  // The gift boxes run below their new minimum: the stock page flags them.
  const boxes = (await findItems(db, keeper, { q: 'BZ-LH' }))[0];
  if (boxes?.stockVersion) await updateStock(db, people.head, boxes.id, { version: boxes.stockVersion, minQty: 1000, maxQty: 3000 }, clock.daysAgo(10));
  const places = await seedLocations(db, keeper, clock);
  const planId = await seedPurchasePlan(db, org, people, buyer, clock);
  await seedReceipts(db, keeper, planId, places, clock);

  // Finished goods out for what the market department has shipped, and for shipment lines
  // already due; a line the finished stock cannot cover stays open, as it would.
  for (const month of [addMonths(clock.month, -1), clock.month]) {
    for (const s of await findShipmentPlan(db, keeper, month)) {
      const qty = s.shippedQty > 0 ? s.shippedQty : s.plannedOn < clock.day ? s.qty : 0;
      if (qty <= 0) continue;
      const when = s.shippedOn ?? s.plannedOn;
      await postShipmentIssue(
        db,
        keeper,
        { shipmentId: s.id, lines: [{ qty, locationId: places.finished }] },
        clock.at(when <= clock.day ? when : clock.day, 8),
      ).catch(() => undefined);
    }
  }

  // A wrong receipt (the cartons were counted twice), reversed with its reason.
  const cartons = (await findItems(db, keeper, { q: 'BZ-ZX6' }))[0];
  const wrong = await postPurchaseReceipt(
    db,
    keeper,
    { supplier: SUPPLIERS['BZ-ZX6'], note: '补送纸箱', lines: [{ itemId: cartons.id, qty: 2000, locationId: places.pack }] },
    clock.daysAgo(3, 11),
  );
  await db.transaction((tx) => reverseStockDocument(tx, keeper, wrong.doc.id, '与上一张入库单重复，纸箱只到一次', clock.daysAgo(3, 16)));

  // The month-end count of the packaging store found 120 caps short.
  const caps = (await findItems(db, keeper, { q: 'BZ-GG' }))[0];
  const held = (await findStockSummary(db, keeper, { q: 'BZ-GG', locationId: places.pack })).rows[0]?.onHand ?? 0;
  if (held > 120) {
    await db.transaction((tx) =>
      postStockDocument(
        tx,
        keeper,
        { kind: 'count', purpose: 'count', note: '包材库月度盘点', lines: [{ itemId: caps.id, locationId: places.pack, qty: held - 120 }] },
        clock.daysAgo(1, 17),
      ),
    );
  }
}
