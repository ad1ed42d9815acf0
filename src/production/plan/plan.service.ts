import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { createDocument, documents, type Workflows } from '#core/approval';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField } from '#core/errors';
import { users } from '#core/org';
import { prodWorkshops } from '../master/index';
import { ensureMonthlyPlanDeadlines } from './plan-deadlines';
import { type PeriodInput, planPeriod } from './plan-period.rules';
import { PLAN_DOC_TYPES } from './plan.query';
import { type PlanKind, type PlanRow, prodPlanLines, prodPlans } from './plan.schema';
import type { PlanSummary } from './plan.contract';

export const planLink = (id: string) => `/production/plans/${id}`;

export interface NewPlanRecord {
  period: PeriodInput;
  workshopId?: string | null;
  parentPlanId?: string | null;
  requestId?: string | null;
}

const duplicate = (kind: PlanKind) =>
  new AppError(
    'CONFLICT',
    kind === 'weekly' ? '该车间本周的周计划已存在' : '该期间的计划已存在',
    kind === 'weekly' ? 'This workshop already has a plan for that week' : 'A plan for this period already exists',
    [{ field: 'period', reason: 'exists' }],
  );

/** Creates the plan and, except for weekly plans, its approval document — in the caller's transaction. */
export async function insertPlan(tx: Db, workflows: Workflows, actor: Actor, input: NewPlanRecord, now: Date): Promise<PlanRow> {
  const p = planPeriod(input.period);
  const kind = input.period.kind;
  let documentId: string | null = null;
  if (kind !== 'weekly') {
    const doc = await createDocument(
      tx,
      workflows,
      actor,
      {
        docType: PLAN_DOC_TYPES[kind],
        title: p.title.zh,
        body: { kind, periodStart: p.periodStart, periodEnd: p.periodEnd, content: `${p.title.zh}（明细见生产计划页面）` },
      },
      now,
    );
    documentId = doc.id;
  }
  const [row] = await tx
    .insert(prodPlans)
    .values({
      orgId: actor.orgId,
      kind,
      documentId,
      title: p.title.zh,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      bucket: p.bucket,
      workshopId: input.workshopId ?? null,
      parentPlanId: input.parentPlanId ?? null,
      requestId: input.requestId ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await writeAudit(tx, actor, {
    action: 'production.plan.create',
    entity: 'prod_plan',
    entityId: row.id,
    after: { kind, title: row.title, periodStart: row.periodStart, periodEnd: row.periodEnd, documentId },
  });
  if (kind === 'monthly') {
    const [me] = await tx
      .select({ departmentId: users.departmentId })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
    if (me) await ensureMonthlyPlanDeadlines(tx, actor, p.periodStart.slice(0, 7), { userId: actor.userId, departmentId: me.departmentId }, planLink(row.id));
  }
  return row;
}

export type PlanCreateInput = { kind: 'annual'; year: number } | { kind: 'quarterly'; year: number; quarter: number } | { kind: 'monthly'; month: string };

export async function createPlan(db: Db, workflows: Workflows, actor: Actor, input: PlanCreateInput, now: Date): Promise<PlanRow> {
  requireAccess(actor, 'production.plan.write');
  requireAccess(actor, 'document.write');
  const period = planPeriod(input);
  const [existing] = await db
    .select({ id: prodPlans.id })
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.kind, input.kind), eq(prodPlans.periodStart, period.periodStart)));
  if (existing) throw duplicate(input.kind);
  try {
    return await db.transaction((tx) => insertPlan(tx, workflows, actor, { period: input }, now));
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(input.kind);
    throw e;
  }
}

export interface PlanFilter {
  kind?: PlanKind;
  from?: string;
  to?: string;
  workshopId?: string;
  limit?: number;
}

export async function findPlans(db: Db, actor: Actor, filter: PlanFilter = {}): Promise<PlanSummary[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodPlans.orgId, actor.orgId)];
  if (filter.kind) where.push(eq(prodPlans.kind, filter.kind));
  if (filter.from) where.push(gte(prodPlans.periodEnd, filter.from));
  if (filter.to) where.push(lte(prodPlans.periodStart, filter.to));
  if (filter.workshopId) where.push(eq(prodPlans.workshopId, filter.workshopId));
  const totals = db
    .select({
      planId: prodPlanLines.planId,
      n: sql<number>`count(*)::int`.as('n'),
      total: sql<number>`coalesce(sum(${prodPlanLines.total}), 0)::float8`.as('total'),
    })
    .from(prodPlanLines)
    .where(eq(prodPlanLines.orgId, actor.orgId))
    .groupBy(prodPlanLines.planId)
    .as('totals');
  const rows = await db
    .select({ p: prodPlans, doc: documents, workshopName: prodWorkshops.name, n: totals.n, total: totals.total })
    .from(prodPlans)
    .leftJoin(documents, and(eq(documents.orgId, prodPlans.orgId), eq(documents.id, prodPlans.documentId)))
    .leftJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodPlans.orgId), eq(prodWorkshops.id, prodPlans.workshopId)))
    .leftJoin(totals, eq(totals.planId, prodPlans.id))
    .where(and(...where))
    .orderBy(desc(prodPlans.periodStart), prodPlans.kind)
    .limit(Math.min(filter.limit ?? 200, 1000));
  return rows.map(({ p, doc, workshopName, n, total }) => ({
    id: p.id,
    kind: p.kind,
    title: p.title,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    workshopId: p.workshopId,
    workshopName,
    documentId: p.documentId,
    number: doc?.number ?? null,
    state: doc ? doc.state : p.confirmedAt ? 'confirmed' : 'draft',
    revision: doc?.revision ?? null,
    effectiveRevision: doc?.effectiveRevision ?? null,
    capacityStatus: p.capacityStatus,
    lineCount: n ?? 0,
    total: total ?? 0,
    updatedAt: p.updatedAt,
    link: planLink(p.id),
  }));
}

export function assertPeriodInput(input: PlanCreateInput): void {
  if (input.kind === 'quarterly' && (input.quarter < 1 || input.quarter > 4)) throw invalidField('quarter', '季度须为 1–4', 'quarter must be 1–4');
}
