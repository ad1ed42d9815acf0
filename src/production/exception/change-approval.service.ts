import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { documents, type TransitionEvent, type Workflows } from '#core/approval';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField, invalidState } from '#core/errors';
import { roles, users } from '#core/org';
import { getPolicy } from '#core/policy';
import { prodOrderChanges, prodOrders } from '../demand/index';
import { findPlanByDocument, findPlanDocument, getPlanRow, recheckOrderLine } from '../plan/index';
import { type ChangeCauses, MarkChangeCauseBody, type MarkChangeCauseInput } from './plan-route.contract';
import { withApproverStep } from './plan-route.rules';
import { prodPlanChangeCauses } from './plan-route.schema';

// T3 第十五条 (PP-28): a monthly plan adjusted because a customer changed the contract is
// approved by the GM (the policy's production.customerChangeApproverRole), even where the
// monthly chain is the vice GM alone. The revision is marked as such — automatically when
// the customer change re-opens the plan, or by the planner — and on submission the chain
// gains the approver's step when it lacks it.

async function roleName(db: Db, orgId: string, code: string): Promise<string> {
  const [r] = await db
    .select({ name: roles.nameZh })
    .from(roles)
    .where(and(eq(roles.orgId, orgId), eq(roles.code, code)));
  return r?.name ?? code;
}

/** After a customer change: the line is checked against the plan, and a re-opened plan is marked. */
export async function recheckAfterCustomerChange(db: Db, workflows: Workflows, actor: Actor, orderLineId: string, now: Date) {
  return db.transaction(async (tx) => {
    const results = await recheckOrderLine(tx, workflows, actor, orderLineId, now);
    const [change] = await tx
      .select({ id: prodOrderChanges.id })
      .from(prodOrderChanges)
      .where(and(eq(prodOrderChanges.orgId, actor.orgId), eq(prodOrderChanges.orderLineId, orderLineId), eq(prodOrderChanges.state, 'applied')))
      .orderBy(desc(prodOrderChanges.decidedAt))
      .limit(1);
    for (const r of results) {
      if (r.decision !== 'adjusted' || !r.planId || !r.revision || r.revision < 2) continue;
      await tx
        .insert(prodPlanChangeCauses)
        .values({
          orgId: actor.orgId,
          planId: r.planId,
          revision: r.revision,
          orderChangeId: change?.id ?? null,
          note: '客户变更使月度计划重新调整',
          createdBy: actor.userId,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
    return results;
  });
}

async function currentRevision(db: Db, orgId: string, planId: string) {
  const plan = await getPlanRow(db, orgId, planId);
  const doc = await findPlanDocument(db, plan);
  return { plan, doc };
}

/** The planner names the customer change behind the adjustment being prepared. */
export async function markCustomerChangeCause(db: Db, actor: Actor, planId: string, raw: MarkChangeCauseInput, now: Date) {
  requireAccess(actor, 'production.plan.write');
  const input = MarkChangeCauseBody.parse(raw);
  const { plan, doc } = await currentRevision(db, actor.orgId, planId);
  if (plan.kind !== 'monthly' || !doc || doc.revision < 2 || !['draft', 'rejected'].includes(doc.state)) {
    throw invalidState('只有正在调整的月度计划可以标明因客户变更调整', 'Only a monthly plan being adjusted can be marked as adjusted for a customer change');
  }
  const note = input.note.trim();
  if (input.orderChangeId) {
    const [change] = await db
      .select({ id: prodOrderChanges.id })
      .from(prodOrderChanges)
      .where(and(eq(prodOrderChanges.orgId, actor.orgId), eq(prodOrderChanges.id, input.orderChangeId), eq(prodOrderChanges.state, 'applied')));
    if (!change) throw invalidField('orderChangeId', '客户变更不存在或未执行', 'unknown or unapplied customer change');
  } else if (note.length < 2) throw invalidField('note', '请说明客户变更的内容', 'describe the customer change');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(prodPlanChangeCauses)
      .values({ orgId: actor.orgId, planId, revision: doc.revision, orderChangeId: input.orderChangeId ?? null, note, createdBy: actor.userId, createdAt: now })
      .onConflictDoNothing()
      .returning();
    await writeAudit(tx, actor, {
      action: 'production.plan.customer-change-cause',
      entity: 'prod_plan',
      entityId: planId,
      after: row ?? { revision: doc.revision, orderChangeId: input.orderChangeId },
    });
    return row;
  });
}

export async function findCustomerChangeCauses(db: Db, actor: Actor, planId: string): Promise<ChangeCauses> {
  requireAccess(actor, 'production.read');
  const { plan, doc } = await currentRevision(db, actor.orgId, planId);
  const policy = await getPolicy(db, actor.orgId);
  const rows = await db
    .select({ c: prodPlanChangeCauses, by: users.displayName })
    .from(prodPlanChangeCauses)
    .leftJoin(users, and(eq(users.orgId, prodPlanChangeCauses.orgId), eq(users.id, prodPlanChangeCauses.createdBy)))
    .where(and(eq(prodPlanChangeCauses.orgId, actor.orgId), eq(prodPlanChangeCauses.planId, planId)))
    .orderBy(asc(prodPlanChangeCauses.createdAt));
  const changes = await db
    .select({
      id: prodOrderChanges.id,
      reason: prodOrderChanges.reason,
      number: prodOrders.salesSheetNumber,
      orderNumber: prodOrders.number,
      customer: prodOrders.customer,
    })
    .from(prodOrderChanges)
    .innerJoin(prodOrders, and(eq(prodOrders.orgId, prodOrderChanges.orgId), eq(prodOrders.id, prodOrderChanges.orderId)))
    .where(and(eq(prodOrderChanges.orgId, actor.orgId), eq(prodOrderChanges.state, 'applied')))
    .orderBy(desc(prodOrderChanges.decidedAt))
    .limit(50);
  const label = (c: (typeof changes)[number]) => `${c.number ?? c.orderNumber} ${c.customer}：${c.reason}`;
  const revision = doc?.revision ?? 1;
  return {
    approverRole: policy.production.customerChangeApproverRole,
    approverRoleName: await roleName(db, actor.orgId, policy.production.customerChangeApproverRole),
    revision,
    canMark: plan.kind === 'monthly' && !!doc && doc.revision > 1 && ['draft', 'rejected'].includes(doc.state),
    isMarked: rows.some((r) => r.c.revision === revision),
    causes: rows.map(({ c, by }) => {
      const change = changes.find((x) => x.id === c.orderChangeId);
      return {
        id: c.id,
        revision: c.revision,
        orderChangeId: c.orderChangeId,
        changeLabel: change ? label(change) : null,
        note: c.note,
        createdByName: by,
        createdAt: c.createdAt.toISOString(),
      };
    }),
    changes: changes.map((c) => ({ id: c.id, label: label(c) })),
  };
}

/** Hook on the monthly plan: a revision adjusted for a customer change goes up with the approver's step. */
export async function onCustomerChangeSubmit(tx: Db, actor: Actor, event: TransitionEvent): Promise<void> {
  if (event.action !== 'submit') return;
  const doc = event.document;
  const plan = await findPlanByDocument(tx, doc.orgId, doc.id);
  if (plan?.kind !== 'monthly') return;
  const causes = await tx
    .select({ id: prodPlanChangeCauses.id })
    .from(prodPlanChangeCauses)
    .where(and(eq(prodPlanChangeCauses.orgId, doc.orgId), eq(prodPlanChangeCauses.planId, plan.id), inArray(prodPlanChangeCauses.revision, [doc.revision])));
  if (causes.length === 0) return;
  const role = (await getPolicy(tx, doc.orgId)).production.customerChangeApproverRole;
  const { steps, isAdded } = withApproverStep(doc.chainSteps ?? [], role, await roleName(tx, doc.orgId, role));
  if (!isAdded) return;
  // Same transaction as the submission: the chain the approvers follow now ends with this step.
  await tx
    .update(documents)
    .set({ chainSteps: steps })
    .where(and(eq(documents.orgId, doc.orgId), eq(documents.id, doc.id)));
  await writeAudit(tx, actor, {
    action: 'production.plan.customer-change-approver',
    entity: 'document',
    entityId: doc.id,
    before: { steps: doc.chainSteps },
    after: { steps, clause: 'T3 第十五条' },
  });
}
