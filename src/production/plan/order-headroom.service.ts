import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { DocumentRow, Workflows } from '#core/approval';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidState } from '#core/errors';
import { getPolicy } from '#core/policy';
import { monthEnd, monthOf, monthStart, round } from '../common/index';
import { prodOrderLines, prodOrders, sumApprovedOrders } from '../demand/index';
import { prodItems } from '../master/index';
import { decideAbsorption } from './absorption.rules';
import { absorbOrderLines } from './absorption.service';
import { findPlanDocument, findRevisionLines, findWorkingLines, getPlanRow } from './plan.query';
import { type PlanRow, prodOrderAbsorptions } from './plan.schema';

// Issue 14 item 3 (PP-12, T4 第二十一条): the after-plan orders tab shows why an order was
// absorbed — each product's 预估量, the month's approved orders and the headroom left — and
// no order stays 待计划员处理 without something to do about it.

export interface HeadroomRow {
  itemId: string;
  code: string;
  name: string;
  unit: string;
  /** 月度生产计划已预估的量: the line's own forecast, else its total. */
  forecastQty: number;
  /** The forecast times the policy's threshold: what orders may reach without an adjustment. */
  limitQty: number;
  orderedQty: number;
  headroom: number;
  isOver: boolean;
}

/** The forecast the orders meet: the revision in force, else (while compiling) the draft's. */
async function forecastLines(db: Db, plan: PlanRow, doc: DocumentRow | null) {
  if (doc?.effectiveRevision != null)
    return { basis: 'in_force' as const, revision: doc.effectiveRevision, lines: await findRevisionLines(db, plan.orgId, plan.id, doc.effectiveRevision) };
  return { basis: 'draft' as const, revision: doc?.revision ?? null, lines: await findWorkingLines(db, plan.orgId, plan.id) };
}

export async function findOrderHeadroom(db: Db, actor: Actor, planId: string) {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  const doc = await findPlanDocument(db, plan);
  const threshold = (await getPolicy(db, actor.orgId)).production.orderAdjustmentThreshold;
  if (plan.kind !== 'monthly') return { threshold, basis: 'draft' as const, revision: null, state: doc?.state ?? null, rows: [] as HeadroomRow[] };
  const { basis, revision, lines } = await forecastLines(db, plan, doc);
  const month = monthOf(plan.periodStart);
  const ordered = await db
    .select({ itemId: prodOrderLines.itemId })
    .from(prodOrderLines)
    .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderLines.orgId), eq(prodOrders.id, prodOrderLines.orderId)))
    .where(
      and(
        eq(prodOrderLines.orgId, actor.orgId),
        eq(prodOrders.state, 'approved'),
        gte(prodOrderLines.agreedShipOn, monthStart(month)),
        lte(prodOrderLines.agreedShipOn, monthEnd(month)),
      ),
    );
  const itemIds = [...new Set([...lines.map((l) => l.itemId), ...ordered.map((o) => o.itemId)])];
  const sums = await sumApprovedOrders(db, actor.orgId, itemIds, monthStart(month), monthEnd(month));
  const shown = itemIds.filter((id) => lines.some((l) => l.itemId === id) || (sums.get(id) ?? 0) > 0);
  const items = shown.length
    ? await db
        .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, unit: prodItems.unit })
        .from(prodItems)
        .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, shown)))
    : [];
  const rows: HeadroomRow[] = shown.map((itemId) => {
    const line = lines.find((l) => l.itemId === itemId);
    const forecastQty = line ? (line.forecastQty ?? line.total) : 0;
    const orderedQty = round(sums.get(itemId) ?? 0);
    const limitQty = round(forecastQty * threshold);
    const item = items.find((i) => i.id === itemId);
    return {
      itemId,
      code: item?.code ?? '',
      name: item?.name ?? '',
      unit: item?.unit ?? '',
      forecastQty: round(forecastQty),
      limitQty,
      orderedQty,
      headroom: round(limitQty - orderedQty),
      isOver: decideAbsorption({ forecastQty, cumulativeQty: orderedQty, threshold }).decision === 'adjust',
    };
  });
  rows.sort((a, b) => a.code.localeCompare(b.code));
  return { threshold, basis, revision, state: doc?.state ?? null, rows };
}

/**
 * On approval of a monthly plan: the orders that came in while it was compiled (pending) are
 * decided against the approved 预估量. Within it they are absorbed; above it they wait for the
 * planner's 核对 (which re-opens the plan through its chain) — never silently.
 */
export async function decidePendingOnApproval(tx: Db, plan: PlanRow, revision: number): Promise<number> {
  const pending = await tx
    .select()
    .from(prodOrderAbsorptions)
    .where(and(eq(prodOrderAbsorptions.orgId, plan.orgId), eq(prodOrderAbsorptions.planId, plan.id), eq(prodOrderAbsorptions.decision, 'pending')));
  if (pending.length === 0) return 0;
  const threshold = (await getPolicy(tx, plan.orgId)).production.orderAdjustmentThreshold;
  const lines = await findRevisionLines(tx, plan.orgId, plan.id, revision);
  const month = monthOf(plan.periodStart);
  const sums = await sumApprovedOrders(tx, plan.orgId, [...new Set(pending.map((p) => p.itemId))], monthStart(month), monthEnd(month));
  let decided = 0;
  for (const p of pending) {
    const line = lines.find((l) => l.itemId === p.itemId);
    const forecastQty = line ? (line.forecastQty ?? line.total) : 0;
    const cumulativeQty = sums.get(p.itemId) ?? 0;
    if (decideAbsorption({ forecastQty, cumulativeQty, threshold }).decision !== 'absorbed') continue;
    await tx
      .update(prodOrderAbsorptions)
      .set({ decision: 'absorbed', forecastQty, cumulativeQty, planRevision: revision })
      .where(and(eq(prodOrderAbsorptions.orgId, plan.orgId), eq(prodOrderAbsorptions.id, p.id)));
    decided++;
  }
  return decided;
}

/** The planner's 核对: the pending orders of an approved plan meet it again (T4 第二十一条). */
export async function recheckPendingOrders(db: Db, workflows: Workflows, actor: Actor, planId: string, now: Date) {
  requireAccess(actor, 'production.plan.write');
  return db.transaction(async (tx) => {
    const plan = await getPlanRow(tx, actor.orgId, planId, { forUpdate: true });
    const doc = await findPlanDocument(tx, plan);
    if (!doc || !['approved', 'issued'].includes(doc.state)) {
      throw invalidState(
        '计划尚未批准：这些订单已计入编制中的计划，批准时自动核对',
        'The plan is not approved yet: these orders are in the draft and are checked when it is approved',
      );
    }
    const pending = await tx
      .select({ orderLineId: prodOrderAbsorptions.orderLineId })
      .from(prodOrderAbsorptions)
      .where(and(eq(prodOrderAbsorptions.orgId, actor.orgId), eq(prodOrderAbsorptions.planId, planId), eq(prodOrderAbsorptions.decision, 'pending')));
    if (pending.length === 0) return [];
    const lines = await tx
      .select()
      .from(prodOrderLines)
      .where(
        and(
          eq(prodOrderLines.orgId, actor.orgId),
          inArray(
            prodOrderLines.id,
            pending.map((p) => p.orderLineId),
          ),
        ),
      );
    const results = await absorbOrderLines(tx, workflows, actor, lines, now, '计划员核对计划后订单');
    await writeAudit(tx, actor, { action: 'production.plan.recheck-orders', entity: 'prod_plan', entityId: planId, after: { results } });
    return results;
  });
}
