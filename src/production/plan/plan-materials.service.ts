import { and, eq } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidState } from '#core/errors';
import { loadPlanningFacts } from '../master/index';
import { explodeSchedule, findPlanMaterials, storePlanMaterials } from '../mrp/index';
import type { MaterialSummaryOut as MaterialSummary } from './plan.contract';
import { bucketStarts } from './plan-period.rules';
import { findLinesInForce, findPlanDocument, findWorkingLines, getPlanRow } from './plan.query';
import { type PlanRow, prodPlans } from './plan.schema';
import { orgToday as localToday } from '#core/calendar';

/**
 * PP-8 / PP-14: decomposes the plan into part (make), purchase (buy) and outsourcing plans,
 * netted against stock; the material requirements go out together with the plan.
 */
export async function decomposePlan(tx: Db, plan: PlanRow, lines: readonly { itemId: string; quantities: readonly number[] }[], today: string, now: Date) {
  const master = await loadPlanningFacts(tx, plan.orgId);
  const exploded = await explodeSchedule(master, { bucket: plan.bucket, bucketStarts: bucketStarts(plan), lines }, today);
  const summary = await storePlanMaterials(tx, plan.orgId, plan.id, exploded?.rows ?? []);
  await tx
    .update(prodPlans)
    .set({ materialsAt: now, materialsSummary: summary })
    .where(and(eq(prodPlans.orgId, plan.orgId), eq(prodPlans.id, plan.id)));
  return summary;
}

/** Runs the decomposition on demand: on the draft while planning, on the revision in force after approval. */
export async function runPlanMaterials(db: Db, actor: Actor, planId: string, now: Date) {
  requireAccess(actor, 'production.plan.write');
  const plan = await getPlanRow(db, actor.orgId, planId);
  const doc = await findPlanDocument(db, plan);
  const lines = doc?.state === 'draft' || !doc ? await findWorkingLines(db, plan.orgId, plan.id) : await findLinesInForce(db, plan, doc);
  if (!lines) throw invalidState('计划尚无生效版本', 'The plan has no revision in force yet');
  const today = await localToday(db, actor.orgId, now);
  return db.transaction(async (tx) => {
    const summary = await decomposePlan(tx, plan, lines, today, now);
    await writeAudit(tx, actor, { action: 'production.plan.materials', entity: 'prod_plan', entityId: plan.id, after: summary });
    return summary;
  });
}

export async function getPlanMaterials(db: Db, actor: Actor, planId: string) {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  return { materialsAt: plan.materialsAt, summary: plan.materialsSummary as MaterialSummary | null, rows: await findPlanMaterials(db, actor.orgId, planId) };
}
