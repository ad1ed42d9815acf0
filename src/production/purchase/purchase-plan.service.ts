import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { createDocument, type DocumentRow, getDocument, updateDocument, type Workflows } from '#core/approval';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { getPolicy, type Policy } from '#core/policy';
import { chunk } from '../common/index';
import { findPlanDocument, getPlanRow, type PlanRow } from '../plan/index';
import { prodPurchaseReceiptLines } from '../warehouse/index';
import { findOpenOrders } from './open-orders.query';
import { type MaterialFacts, type MaterialPurchase, planMaterialPurchase, supplierTotals } from './purchase.rules';
import { type PurchasePlanRow, prodPurchaseLines, prodPurchasePlanItems, prodPurchasePlans } from './purchase.schema';
import { orgToday as localToday } from '#core/calendar';

// PP-15 (T4 第二十三条): purchasing compiles the purchase plan from the issued production
// plan's material requirements, the stock standards, what is on hand and what is on order;
// it then goes up the approval chain level by level as a document (CGJH-<year>-<n>).

export const PURCHASE_PLAN_DOC = 'production.purchase_plan';
const SOURCE_KINDS = new Set(['monthly', 'special', 'temporary']);

export interface CompiledPurchase {
  materials: MaterialPurchase[];
  units: Map<string, string>;
}

/**
 * The netting of every bought material of the plan: needs from today on (earlier ones are
 * already out of stock), the approved safety stock only, open orders of other purchase plans.
 */
export async function computePurchase(
  db: Db,
  orgId: string,
  source: PlanRow,
  policy: Policy['production'],
  today: string,
  exceptPlanId?: string,
): Promise<CompiledPurchase> {
  // Three reads, each answering one JSON text that V8 parses at once: tens of thousands of rows
  // decoded one by one by the driver cost more than the netting itself (issue 9: ≤ 1 s at 40,000
  // materials). The needs from today on (earlier ones are already out of stock), as columns.
  // The items are read whole and unsorted: filtering them by the needs scanned the plan's materials
  // a second time, and sorting them by code spilled to disk; the stored plan is sorted when read.
  const [needText, itemText, onHandText] = await Promise.all([
    jsonText(
      db,
      sql`select json_build_object('item', coalesce(array_agg(m.item_id), '{}'), 'on', coalesce(array_agg(m.need_on::text), '{}'), 'gross', coalesce(array_agg(m.gross), '{}'))::text as j
            from prod_plan_materials m
           where m.org_id = ${orgId} and m.plan_id = ${source.id} and m.kind = 'buy' and m.gross > 0 and m.need_on >= ${today}`,
    ),
    jsonText(
      db,
      sql`select coalesce(json_agg(json_build_array(i.id, i.unit, i.supplier, i.lead_time_days, i.lot_rule, i.lot_qty, i.lot_min, s.safety_stock, s.min_qty, s.max_qty)), '[]')::text as j
            from prod_items i left join prod_stock s on s.org_id = i.org_id and s.item_id = i.id
           where i.org_id = ${orgId}`,
    ),
    jsonText(
      db,
      sql`select coalesce(json_object_agg(b.item_id, b.qty), '{}')::text as j from (select item_id, sum(on_hand)::float8 as qty from prod_stock_balances where org_id = ${orgId} group by item_id) b`,
    ),
  ]);
  const open = await findOpenOrders(db, orgId, { exceptPlanId });
  const needCols = JSON.parse(needText) as { item: string[]; on: string[]; gross: number[] };
  const needsBy = new Map<string, { on: string; qty: number }[]>();
  for (let k = 0; k < needCols.item.length; k++) {
    const need = { on: needCols.on[k], qty: Number(needCols.gross[k]) };
    const list = needsBy.get(needCols.item[k]);
    if (list) list.push(need);
    else needsBy.set(needCols.item[k], [need]);
  }
  const onHand = JSON.parse(onHandText) as Record<string, number>;
  const openBy = new Map<string, { on: string; qty: number }[]>();
  for (const o of open) {
    const list = openBy.get(o.itemId);
    if (list) list.push({ on: o.needOn, qty: o.open });
    else openBy.set(o.itemId, [{ on: o.needOn, qty: o.open }]);
  }
  const from = source.periodStart > today ? source.periodStart : today;
  const options = { policy: policy.purchaseLotPolicy, period: policy.purchaseOrderPeriod, from, today };
  const materials: MaterialPurchase[] = [];
  const units = new Map<string, string>();
  type ItemTuple = [string, string, string, number, MaterialFacts['lotRule'], number | null, number | null, number | null, number | null, number | null];
  for (const [itemId, unit, supplier, leadTimeDays, lotRule, lotQty, lotMin, safety, minQty, maxQty] of JSON.parse(itemText) as ItemTuple[]) {
    // Only the bought materials the plan needs from today on.
    const needs = needsBy.get(itemId);
    if (!needs) continue;
    units.set(itemId, unit);
    needs.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
    materials.push(
      planMaterialPurchase(
        {
          itemId,
          supplier,
          leadTimeDays,
          onHand: Number(onHand[itemId] ?? 0),
          safety: Number(safety ?? 0),
          minQty: minQty ?? null,
          maxQty: maxQty ?? null,
          lotRule,
          lotQty,
          lotMin,
          needs,
          openOrders: openBy.get(itemId) ?? [],
        },
        options,
      ),
    );
  }
  return { materials, units };
}

/** The one text column `j` of a one-row answer (PGlite and node-postgres shape their results differently). */
async function jsonText(db: Db, query: SQL): Promise<string> {
  const result = (await db.execute(query)) as unknown as { rows?: { j: string }[] } | { j: string }[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return rows[0]?.j ?? 'null';
}

async function storePurchase(tx: Db, orgId: string, planId: string, compiled: CompiledPurchase): Promise<void> {
  await tx.delete(prodPurchaseLines).where(and(eq(prodPurchaseLines.orgId, orgId), eq(prodPurchaseLines.purchasePlanId, planId)));
  await tx.delete(prodPurchasePlanItems).where(and(eq(prodPurchasePlanItems.orgId, orgId), eq(prodPurchasePlanItems.purchasePlanId, planId)));
  for (const batch of chunk(compiled.materials, 2000)) {
    await tx.insert(prodPurchasePlanItems).values(batch.map(({ orders: _o, ...m }) => ({ ...m, orgId, purchasePlanId: planId })));
  }
  for (const batch of chunk(
    compiled.materials.flatMap((m) => m.orders),
    2000,
  )) {
    await tx.insert(prodPurchaseLines).values(batch.map((o) => ({ ...o, orgId, purchasePlanId: planId })));
  }
}

/** What the approver reads first, on a phone too: counts and the suppliers' totals. */
function documentBody(source: PlanRow, sourceNumber: string | null, compiled: CompiledPurchase, policy: Policy['production']) {
  const lines = compiled.materials.flatMap((m) => m.orders.map((o) => ({ ...o, unit: compiled.units.get(m.itemId) ?? '' })));
  const suppliers = supplierTotals(lines);
  const period = { day: '日', week: '周', month: '月' }[policy.purchaseOrderPeriod];
  return {
    sourcePlanId: source.id,
    content: `依据${source.title}${sourceNumber ? `（${sourceNumber}）` : ''}的物料需求编制：物料 ${compiled.materials.length} 项，其中需采购 ${compiled.materials.filter((m) => m.orders.length).length} 项；采购订单 ${lines.length} 行（按供应商、物料、${period}合并），供应商 ${suppliers.length} 家。明细见采购计划页面。`,
    lines: suppliers.slice(0, 30).map((s) => ({
      key: s.supplier || '（未指定供应商）',
      value: `${s.materials} 项物料，${s.lines} 行；${s.byUnit.map((u) => `${u.qty} ${u.unit}`).join('，')}`,
    })),
  };
}

async function sourceFor(db: Db, orgId: string, sourcePlanId: string): Promise<{ plan: PlanRow; doc: DocumentRow }> {
  const plan = await getPlanRow(db, orgId, sourcePlanId).catch(() => {
    throw invalidField('sourcePlanId', '生产计划不存在', 'unknown production plan');
  });
  if (!SOURCE_KINDS.has(plan.kind))
    throw invalidField('sourcePlanId', '采购计划依据月度、专项或临时生产计划编制', 'a purchase plan follows a monthly, special or temporary plan');
  const doc = await findPlanDocument(db, plan);
  if (!doc || (doc.state !== 'approved' && doc.state !== 'issued'))
    throw invalidState(
      '生产计划批准下达后，其物料需求才能用于编制采购计划（T4 第二十二、二十三条）',
      'The production plan must be approved and issued first (T4 art. 22–23)',
    );
  return { plan, doc };
}

export async function compilePurchasePlan(db: Db, workflows: Workflows, actor: Actor, input: { sourcePlanId: string }, now: Date): Promise<PurchasePlanRow> {
  requireAccess(actor, 'production.purchase.write');
  requireAccess(actor, 'document.write');
  const { plan, doc } = await sourceFor(db, actor.orgId, input.sourcePlanId);
  const [{ production }, today] = await Promise.all([getPolicy(db, actor.orgId), localToday(db, actor.orgId, now)]);
  const compiled = await computePurchase(db, actor.orgId, plan, production, today);
  return db.transaction(async (tx) => {
    const title = `${plan.title}物资采购计划`;
    const document = await createDocument(
      tx,
      workflows,
      actor,
      { docType: PURCHASE_PLAN_DOC, title, body: documentBody(plan, doc.number, compiled, production) },
      now,
    );
    const [row] = await tx
      .insert(prodPurchasePlans)
      .values({
        orgId: actor.orgId,
        documentId: document.id,
        sourcePlanId: plan.id,
        title,
        orderPeriod: production.purchaseOrderPeriod,
        lotPolicy: production.purchaseLotPolicy,
        compiledAt: now,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await storePurchase(tx, actor.orgId, row.id, compiled);
    await writeAudit(tx, actor, {
      action: 'production.purchase.compile',
      entity: 'prod_purchase_plan',
      entityId: row.id,
      after: {
        number: document.number,
        source: plan.id,
        materials: compiled.materials.length,
        lines: compiled.materials.reduce((s, m) => s + m.orders.length, 0),
      },
    });
    return row;
  });
}

export async function getPurchasePlanRow(db: Db, orgId: string, id: string): Promise<PurchasePlanRow> {
  const [row] = await db
    .select()
    .from(prodPurchasePlans)
    .where(and(eq(prodPurchasePlans.orgId, orgId), eq(prodPurchasePlans.id, id)));
  if (!row) throw notFound('采购计划', 'Purchase plan');
  return row;
}

/** A draft is compiled again from the stock and orders of today (after a rejection, say). */
export async function recompilePurchasePlan(db: Db, workflows: Workflows, actor: Actor, id: string, version: number, now: Date): Promise<PurchasePlanRow> {
  requireAccess(actor, 'production.purchase.write');
  const row = await getPurchasePlanRow(db, actor.orgId, id);
  if (row.version !== version) throw versionConflict();
  const docView = await getDocument(db, workflows, actor, row.documentId);
  if (docView.state !== 'draft')
    throw invalidState('只有草稿可以重新编制；已批准的采购计划请“调整”后再编制', 'Only a draft is compiled again; adjust an approved plan first');
  const { plan, doc } = await sourceFor(db, actor.orgId, row.sourcePlanId);
  const [{ production }, today] = await Promise.all([getPolicy(db, actor.orgId), localToday(db, actor.orgId, now)]);
  const compiled = await computePurchase(db, actor.orgId, plan, production, today, row.id);
  return db.transaction(async (tx) => {
    const [received] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(prodPurchaseReceiptLines)
      .innerJoin(
        prodPurchaseLines,
        and(eq(prodPurchaseLines.orgId, prodPurchaseReceiptLines.orgId), eq(prodPurchaseLines.id, prodPurchaseReceiptLines.purchaseLineId)),
      )
      .where(and(eq(prodPurchaseReceiptLines.orgId, actor.orgId), eq(prodPurchaseLines.purchasePlanId, row.id)));
    if (received.n > 0) throw invalidState('已有到货记录的采购计划不能重新编制', 'Goods were already received against this plan; it cannot be compiled again');
    await updateDocument(tx, workflows, actor, row.documentId, { version: docView.version, body: documentBody(plan, doc.number, compiled, production) }, now);
    const [next] = await tx
      .update(prodPurchasePlans)
      .set({
        compiledAt: now,
        orderPeriod: production.purchaseOrderPeriod,
        lotPolicy: production.purchaseLotPolicy,
        version: sql`${prodPurchasePlans.version} + 1`,
      })
      .where(and(eq(prodPurchasePlans.orgId, actor.orgId), eq(prodPurchasePlans.id, id), eq(prodPurchasePlans.version, version)))
      .returning();
    if (!next) throw versionConflict();
    await storePurchase(tx, actor.orgId, id, compiled);
    await writeAudit(tx, actor, {
      action: 'production.purchase.recompile',
      entity: 'prod_purchase_plan',
      entityId: id,
      after: { materials: compiled.materials.length },
    });
    return next;
  });
}
