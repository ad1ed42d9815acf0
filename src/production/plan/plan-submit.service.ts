import { type Actor, requireAccess } from '#core/access';
import { applyTransition, updateDocument, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { invalidState } from '#core/errors';
import type { CapacityView } from '../capacity/index';
import { planDocumentBody } from './plan-body.rules';
import { computePlanCapacityOf, findCountermeasures, withCapacityOnce } from './plan-capacity.service';
import { findItemLabels } from './plan-view.service';
import { findPlanDocument, findWorkingLines, getPlanRow } from './plan.query';
import { orgToday as localToday } from '#core/calendar';

/**
 * Submits a plan from its own screen: the approval document first gets the plan's summary
 * (what an approver reads on a phone and what the revision diff compares), then goes up the
 * chain; the capacity guard (PP-9) decides whether it may.
 */
export async function submitPlan(db: Db, workflows: Workflows, actor: Actor, planId: string, input: { version: number; opinion?: string | null }, now: Date) {
  requireAccess(actor, 'document.write');
  const plan = await getPlanRow(db, actor.orgId, planId);
  const doc = await findPlanDocument(db, plan);
  if (!doc) throw invalidState('周计划由车间确认，不走审批', 'A weekly plan is confirmed by its workshop, not approved');
  const today = await localToday(db, actor.orgId, now);
  await db.transaction(async (tx) =>
    withCapacityOnce(tx, async () => {
      const lines = await findWorkingLines(tx, actor.orgId, plan.id);
      const labels = await findItemLabels(
        tx,
        actor.orgId,
        lines.map((l) => l.itemId),
      );
      const capacity: CapacityView = await computePlanCapacityOf(tx, plan, today, lines);
      const body = planDocumentBody(plan, lines, labels, capacity, await findCountermeasures(tx, actor.orgId, plan.id));
      if (doc.state === 'draft') {
        const updated = await updateDocument(tx, workflows, actor, doc.id, { version: input.version, body }, now);
        await applyTransition(tx, workflows, actor, doc.id, 'submit', { version: updated.version, opinion: input.opinion }, now);
      } else {
        await applyTransition(tx, workflows, actor, doc.id, 'submit', { version: input.version, opinion: input.opinion }, now);
      }
    }),
  );
}
