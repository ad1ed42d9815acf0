import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { applyTransition, type TransitionEvent, type Workflows } from '#core/approval';
import { writeAudit } from '#core/audit';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission } from '#core/org';
import { getPolicy } from '#core/policy';
import { monthEnd, monthOf, monthStart, round } from '../common/index';
import { type OrderLineRow, prodOrderLines, prodOrders, sumApprovedOrders } from '../demand/index';
import { prodItems } from '../master/index';
import { decideAbsorption } from './absorption.rules';
import { refreshPlanCapacity } from './plan-capacity.service';
import { lineTotal } from './plan-lines.rules';
import { bucketIndexOf, bucketStarts } from './plan-period.rules';
import { findPlanDocument, findRevisionLines } from './plan.query';
import { planLink } from './plan.service';
import { prodOrderAbsorptions, prodPlanLines, prodPlans } from './plan.schema';
import { orgToday as localToday } from '#core/calendar';

export interface AbsorptionResult {
  itemId: string;
  month: string;
  decision: 'absorbed' | 'adjusted' | 'pending' | 'no_plan';
  forecastQty?: number;
  cumulativeQty?: number;
  excess?: number;
  planId?: string;
  revision?: number;
}

async function addToWorkingLine(
  tx: Db,
  planId: string,
  orgId: string,
  itemId: string,
  bucket: number,
  excess: number,
  newForecast: number,
  bucketCount: number,
) {
  const [line] = await tx
    .select()
    .from(prodPlanLines)
    .where(and(eq(prodPlanLines.orgId, orgId), eq(prodPlanLines.planId, planId), eq(prodPlanLines.itemId, itemId)));
  const quantities = line ? [...line.quantities] : new Array<number>(bucketCount).fill(0);
  quantities[bucket] = round(quantities[bucket] + excess);
  const forecastQty = Math.max(newForecast, line?.forecastQty ?? 0);
  await tx
    .insert(prodPlanLines)
    .values({ orgId, planId, itemId, quantities, total: lineTotal(quantities), forecastQty, note: line?.note ?? '', sort: line?.sort ?? 1_000_000 })
    .onConflictDoUpdate({
      target: [prodPlanLines.orgId, prodPlanLines.planId, prodPlanLines.itemId],
      set: { quantities, total: lineTotal(quantities), forecastQty },
    });
}

/**
 * PP-12 (T4 第二十一条): approved orders shipping in a month with a plan in force. Within the
 * plan's forecast they are absorbed; above it the plan is re-opened as an adjustment (a new
 * revision through the original approval chain) with the excess added to the working lines.
 */
export async function absorbOrderLines(
  tx: Db,
  workflows: Workflows,
  actor: Actor,
  lines: readonly OrderLineRow[],
  now: Date,
  orderLabel: string,
): Promise<AbsorptionResult[]> {
  const policy = await getPolicy(tx, actor.orgId);
  const today = await localToday(tx, actor.orgId, now);
  const groups = new Map<string, OrderLineRow[]>();
  for (const l of lines.filter((x) => x.agreedShipOn && (x.agreedQty ?? 0) >= 0)) {
    const key = `${monthOf(l.agreedShipOn!)}|${l.itemId}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const results: AbsorptionResult[] = [];
  for (const [key, group] of groups) {
    const [month, itemId] = key.split('|');
    const [plan] = await tx
      .select()
      .from(prodPlans)
      .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.kind, 'monthly'), eq(prodPlans.periodStart, monthStart(month))))
      .for('update');
    if (!plan) {
      results.push({ itemId, month, decision: 'no_plan' });
      continue;
    }
    const doc = await findPlanDocument(tx, plan);
    const record = async (r: AbsorptionResult) => {
      results.push(r);
      for (const l of group) {
        const values = {
          orderQty: l.agreedQty ?? 0,
          forecastQty: r.forecastQty ?? 0,
          cumulativeQty: r.cumulativeQty ?? 0,
          decision: r.decision as 'absorbed' | 'adjusted' | 'pending',
          planRevision: r.revision ?? null,
          createdAt: now,
        };
        await tx
          .insert(prodOrderAbsorptions)
          .values({ orgId: actor.orgId, orderLineId: l.id, planId: plan.id, itemId, ...values })
          .onConflictDoUpdate({ target: [prodOrderAbsorptions.orgId, prodOrderAbsorptions.orderLineId, prodOrderAbsorptions.planId], set: values });
      }
    };
    if (!doc || doc.effectiveRevision === null) {
      // Not approved yet: the planner takes the order into the draft.
      await record({ itemId, month, decision: 'pending', planId: plan.id });
      continue;
    }
    const inForce = await findRevisionLines(tx, actor.orgId, plan.id, doc.effectiveRevision);
    const line = inForce.find((l) => l.itemId === itemId);
    const forecastQty = line ? (line.forecastQty ?? line.total) : 0;
    const cumulativeQty = (await sumApprovedOrders(tx, actor.orgId, [itemId], monthStart(month), monthEnd(month))).get(itemId) ?? 0;
    const decision = decideAbsorption({ forecastQty, cumulativeQty, threshold: policy.production.orderAdjustmentThreshold });
    if (decision.decision === 'absorbed') {
      await record({ itemId, month, decision: 'absorbed', forecastQty, cumulativeQty, planId: plan.id });
      continue;
    }
    const [working] = await tx
      .select()
      .from(prodPlanLines)
      .where(and(eq(prodPlanLines.orgId, actor.orgId), eq(prodPlanLines.planId, plan.id), eq(prodPlanLines.itemId, itemId)));
    // What the working draft already answers: an adjustment in progress may cover these orders.
    const extra = round(cumulativeQty - (working ? (working.forecastQty ?? working.total) : 0));
    let revision = doc.revision;
    const [item] = await tx
      .select({ code: prodItems.code, name: prodItems.name, unit: prodItems.unit })
      .from(prodItems)
      .where(and(eq(prodItems.orgId, actor.orgId), eq(prodItems.id, itemId)));
    const why = `依据 T4 第二十一条：${orderLabel} 使 ${item.code} ${item.name} 本月订货 ${round(cumulativeQty)} ${item.unit}，超出月度计划预估量 ${round(forecastQty)}，计划须调整`;
    if (doc.state === 'draft' && extra <= 1e-9) {
      await record({ itemId, month, decision: 'adjusted', forecastQty, cumulativeQty, excess: 0, planId: plan.id, revision });
      continue;
    }
    if (doc.state === 'approved' || doc.state === 'issued') {
      const author = await loadActor(tx, actor.orgId, doc.createdBy);
      if (!author) {
        await record({ itemId, month, decision: 'pending', forecastQty, cumulativeQty, excess: decision.excess, planId: plan.id });
        continue;
      }
      const { after } = await applyTransition(tx, workflows, author, doc.id, 'adjust', { version: doc.version, opinion: why }, now);
      revision = after.revision;
    } else if (doc.state !== 'draft') {
      await record({ itemId, month, decision: 'pending', forecastQty, cumulativeQty, excess: decision.excess, planId: plan.id });
      continue;
    }
    const shipOn = group.map((l) => l.agreedShipOn!).sort()[0];
    const bucket = Math.max(0, bucketIndexOf(plan, shipOn));
    await addToWorkingLine(tx, plan.id, actor.orgId, itemId, bucket, extra, cumulativeQty, bucketStarts(plan).length);
    const [bumped] = await tx
      .update(prodPlans)
      .set({ version: sql`${prodPlans.version} + 1`, updatedAt: now })
      .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.id, plan.id)))
      .returning();
    await refreshPlanCapacity(tx, bumped, today);
    await record({ itemId, month, decision: 'adjusted', forecastQty, cumulativeQty, excess: extra, planId: plan.id, revision });
    await writeAudit(tx, actor, {
      action: 'production.plan.order-adjustment',
      entity: 'prod_plan',
      entityId: plan.id,
      after: { itemId, excess: extra, revision, reason: why },
    });
    const planners = await findUserIdsWithPermission(tx, actor.orgId, 'production.plan.write');
    await notifyUsers(tx, actor.orgId, [...planners, doc.createdBy], {
      kind: 'production.plan.adjust',
      title: { zh: `月度计划须调整：${doc.number} 第 ${revision} 版`, en: `Monthly plan to adjust: ${doc.number} revision ${revision}` },
      body: {
        zh: `${why}。已在调整稿中增加 ${extra} ${item.unit}，请核对后按原审批流程报批。`,
        en: `${orderLabel} takes ${item.code} above the plan's forecast; ${extra} added to the draft revision — check it and submit through the original chain.`,
      },
      link: planLink(plan.id),
    });
  }
  return results;
}

/** Hook on the joint-review report: an approved sales order sheet meets the monthly plan. */
export async function onOrderApprovedForPlans(tx: Db, actor: Actor, event: TransitionEvent): Promise<void> {
  if (event.to !== 'approved') return;
  const [order] = await tx
    .select()
    .from(prodOrders)
    .where(and(eq(prodOrders.orgId, event.document.orgId), eq(prodOrders.reviewDocumentId, event.document.id)));
  if (!order) return;
  const lines = await tx
    .select()
    .from(prodOrderLines)
    .where(and(eq(prodOrderLines.orgId, order.orgId), eq(prodOrderLines.orderId, order.id)));
  await absorbOrderLines(
    tx,
    event.workflows,
    actor,
    lines,
    event.document.updatedAt,
    `销售计划单 ${order.salesSheetNumber ?? order.number}（${order.customer}）`,
  );
}

/** After a customer change: the changed line is checked again. */
export async function recheckOrderLine(db: Db, workflows: Workflows, actor: Actor, orderLineId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select()
      .from(prodOrderLines)
      .where(and(eq(prodOrderLines.orgId, actor.orgId), eq(prodOrderLines.id, orderLineId)));
    if (!line) return [];
    const [order] = await tx
      .select()
      .from(prodOrders)
      .where(and(eq(prodOrders.orgId, actor.orgId), eq(prodOrders.id, line.orderId)));
    return absorbOrderLines(tx, workflows, actor, [line], now, `客户变更（${order.salesSheetNumber ?? order.number}）`);
  });
}

export async function findAbsorptions(db: Db, orgId: string, planId: string) {
  return db
    .select({ a: prodOrderAbsorptions, orderId: prodOrders.id, salesSheetNumber: prodOrders.salesSheetNumber, customer: prodOrders.customer })
    .from(prodOrderAbsorptions)
    .innerJoin(prodOrderLines, and(eq(prodOrderLines.orgId, prodOrderAbsorptions.orgId), eq(prodOrderLines.id, prodOrderAbsorptions.orderLineId)))
    .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderLines.orgId), eq(prodOrders.id, prodOrderLines.orderId)))
    .where(and(eq(prodOrderAbsorptions.orgId, orgId), eq(prodOrderAbsorptions.planId, planId)));
}
