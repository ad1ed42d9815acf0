import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { type DocumentRow, documents } from '#core/approval';
import type { Db } from '#core/db';
import { invalidState, notFound } from '#core/errors';
import type { LineSnapshot } from './plan-lines.rules';
import { type PlanKind, type PlanLineRow, type PlanRow, prodPlanLines, prodPlanRevisionLines, prodPlans } from './plan.schema';

export const PLAN_DOC_TYPES: Record<Exclude<PlanKind, 'weekly'>, string> = {
  annual: 'production.annual_plan',
  quarterly: 'production.quarterly_plan',
  monthly: 'production.monthly_plan',
  special: 'production.special_plan',
  temporary: 'production.temporary_plan',
};

export const isPlanDocType = (docType: string): boolean => Object.values(PLAN_DOC_TYPES).includes(docType);

/** Another organisation's plan is simply not found. */
export async function getPlanRow(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<PlanRow> {
  const q = db
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, orgId), eq(prodPlans.id, id)));
  const [row] = options.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('生产计划', 'Production plan');
  return row;
}

export async function findPlanByDocument(db: Db, orgId: string, documentId: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, orgId), eq(prodPlans.documentId, documentId)));
  return row;
}

export async function findPlanDocument(db: Db, plan: PlanRow): Promise<DocumentRow | null> {
  if (!plan.documentId) return null;
  const [doc] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, plan.orgId), eq(documents.id, plan.documentId)));
  return doc ?? null;
}

export type PlanState = DocumentRow['state'] | 'confirmed';

export function planStateOf(plan: PlanRow, doc: DocumentRow | null): PlanState {
  if (doc) return doc.state;
  return plan.confirmedAt ? 'confirmed' : 'draft';
}

/** Lines change only in a draft: an approved or issued plan changes through an adjustment (CORE-4). */
export function assertEditable(plan: PlanRow, doc: DocumentRow | null): void {
  const state = planStateOf(plan, doc);
  if (state === 'draft') return;
  if (state === 'confirmed') throw invalidState('周计划已确认，不能修改', 'The weekly plan is confirmed and can no longer change');
  if (state === 'issued' || state === 'approved') {
    throw invalidState(
      '计划已批准或已下达，不能直接修改；请先发起调整（新版本须按原审批流程重新审批）',
      'The plan is approved or issued; start an adjustment (a new revision approved through the same chain) to change it',
    );
  }
  throw invalidState(
    `计划处于“${state === 'submitted' ? '审批中' : state === 'rejected' ? '已退回' : '已关闭'}”状态，不能修改`,
    `A ${state} plan cannot be edited`,
  );
}

export async function findWorkingLines(db: Db, orgId: string, planId: string): Promise<PlanLineRow[]> {
  return db
    .select()
    .from(prodPlanLines)
    .where(and(eq(prodPlanLines.orgId, orgId), eq(prodPlanLines.planId, planId)))
    .orderBy(asc(prodPlanLines.sort));
}

export async function findRevisionLines(db: Db, orgId: string, planId: string, revision: number): Promise<LineSnapshot[]> {
  return db
    .select({
      itemId: prodPlanRevisionLines.itemId,
      forecastQty: prodPlanRevisionLines.forecastQty,
      quantities: prodPlanRevisionLines.quantities,
      total: prodPlanRevisionLines.total,
    })
    .from(prodPlanRevisionLines)
    .where(and(eq(prodPlanRevisionLines.orgId, orgId), eq(prodPlanRevisionLines.planId, planId), eq(prodPlanRevisionLines.revision, revision)));
}

/**
 * The lines people work to: the approved revision in force (while an adjustment is drafted,
 * the old one still holds); a confirmed weekly plan's own lines; null when nothing is in force.
 */
export async function findLinesInForce(db: Db, plan: PlanRow, doc: DocumentRow | null): Promise<LineSnapshot[] | null> {
  const source = linesInForceOf(plan, doc);
  if (source === 'working') return findWorkingLines(db, plan.orgId, plan.id);
  return source === null ? null : findRevisionLines(db, plan.orgId, plan.id, source.revision);
}

/** Where a plan's lines in force are: its own working lines, an approved revision, or nowhere. */
function linesInForceOf(plan: PlanRow, doc: DocumentRow | null | undefined): 'working' | { revision: number } | null {
  if (!doc) return plan.confirmedAt ? 'working' : null;
  if (doc.effectiveRevision === null || doc.state === 'closed') return null;
  return { revision: doc.effectiveRevision };
}

/**
 * `findLinesInForce` for several plans of one organisation in at most three statements instead of
 * up to three per plan (the daily report reads the monthly plans of a window that may cross a
 * month: issue 9, a report on a phone quickly).
 */
export async function findLinesInForceMany(db: Db, orgId: string, plans: readonly PlanRow[]): Promise<Map<string, LineSnapshot[] | null>> {
  const out = new Map<string, LineSnapshot[] | null>(plans.map((p) => [p.id, null]));
  const docIds = plans.flatMap((p) => (p.documentId ? [p.documentId] : []));
  const docs = docIds.length
    ? await db
        .select()
        .from(documents)
        .where(and(eq(documents.orgId, orgId), inArray(documents.id, docIds)))
    : [];
  const docOf = new Map(docs.map((d) => [d.id, d]));
  const inForce: { planId: string; revision: number }[] = [];
  const working: string[] = [];
  for (const plan of plans) {
    const source = linesInForceOf(plan, plan.documentId ? docOf.get(plan.documentId) : undefined);
    if (source === 'working') working.push(plan.id);
    else if (source) inForce.push({ planId: plan.id, revision: source.revision });
  }
  if (inForce.length) {
    const rows = await db
      .select({
        planId: prodPlanRevisionLines.planId,
        itemId: prodPlanRevisionLines.itemId,
        forecastQty: prodPlanRevisionLines.forecastQty,
        quantities: prodPlanRevisionLines.quantities,
        total: prodPlanRevisionLines.total,
      })
      .from(prodPlanRevisionLines)
      .where(
        and(
          eq(prodPlanRevisionLines.orgId, orgId),
          or(...inForce.map((f) => and(eq(prodPlanRevisionLines.planId, f.planId), eq(prodPlanRevisionLines.revision, f.revision)))),
        ),
      );
    for (const f of inForce) out.set(f.planId, []);
    for (const { planId, ...line } of rows) out.get(planId)!.push(line);
  }
  if (working.length) {
    const rows = await db
      .select()
      .from(prodPlanLines)
      .where(and(eq(prodPlanLines.orgId, orgId), inArray(prodPlanLines.planId, working)))
      .orderBy(asc(prodPlanLines.sort));
    for (const id of working) out.set(id, []);
    for (const row of rows) out.get(row.planId)!.push(row);
  }
  return out;
}
