import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, notFound, versionConflict } from '#core/errors';
import { getPolicy } from '#core/policy';
import { templateItems } from './work-plan.rules';
import { type LeaguePlanItemRow, type LeaguePlanRow, leaguePlanItems, leaguePlans } from './work-plan.schema';

export interface PlanWithItems extends LeaguePlanRow {
  items: LeaguePlanItemRow[];
  /** Month → theme, for the month headers. */
  themes: Record<number, string | null>;
}

export async function getLeaguePlan(db: Db, actor: Actor, schoolYear: string, term: 1 | 2): Promise<PlanWithItems | null> {
  requireAccess(actor, 'league.read');
  const [plan] = await db
    .select()
    .from(leaguePlans)
    .where(and(eq(leaguePlans.orgId, actor.orgId), eq(leaguePlans.schoolYear, schoolYear), eq(leaguePlans.term, term)));
  if (!plan) return null;
  const items = await db
    .select()
    .from(leaguePlanItems)
    .where(and(eq(leaguePlanItems.orgId, actor.orgId), eq(leaguePlanItems.planId, plan.id)))
    .orderBy(asc(leaguePlanItems.month), asc(leaguePlanItems.sort));
  const themes: Record<number, string | null> = {};
  for (const i of items) if (i.theme && !themes[i.month]) themes[i.month] = i.theme;
  return { ...plan, items, themes };
}

/** YL-2: a term plan; the spring term may start from the policy's themed months (S5 四), else it is built item by item. */
export async function createLeaguePlan(
  db: Db,
  actor: Actor,
  input: { schoolYear: string; term: 1 | 2; title: string; guiding?: string; goals?: string; useTemplate: boolean },
): Promise<PlanWithItems> {
  requireAccess(actor, 'league.manage');
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写计划标题', 'is required');
  const existing = await getLeaguePlan(db, actor, input.schoolYear, input.term);
  if (existing) throw new AppError('CONFLICT', '本学期已有团委工作计划', 'This term has a plan already', [{ field: 'term', reason: 'exists' }]);
  const items = input.useTemplate && input.term === 2 ? templateItems((await getPolicy(db, actor.orgId)).league.themedMonths) : [];
  await db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(leaguePlans)
      .values({
        orgId: actor.orgId,
        schoolYear: input.schoolYear,
        term: input.term,
        title,
        guiding: input.guiding?.trim() ?? '',
        goals: input.goals?.trim() ?? '',
      })
      .returning();
    if (items.length) await tx.insert(leaguePlanItems).values(items.map((i) => ({ orgId: actor.orgId, planId: plan.id, ...i })));
    await writeAudit(tx, actor, { action: 'league.plan.create', entity: 'league.plan', entityId: plan.id, after: plan });
  });
  return (await getLeaguePlan(db, actor, input.schoolYear, input.term))!;
}

export async function addPlanItem(
  db: Db,
  actor: Actor,
  planId: string,
  input: { month: number; theme?: string | null; title: string },
): Promise<LeaguePlanItemRow> {
  requireAccess(actor, 'league.manage');
  const [plan] = await db
    .select({ id: leaguePlans.id })
    .from(leaguePlans)
    .where(and(eq(leaguePlans.orgId, actor.orgId), eq(leaguePlans.id, planId)));
  if (!plan) throw notFound('团委工作计划', 'League plan');
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写活动内容', 'is required');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leaguePlanItems)
      .values({ orgId: actor.orgId, planId, month: input.month, theme: input.theme?.trim() || null, title, sort: 99 })
      .returning();
    await writeAudit(tx, actor, { action: 'league.plan.item', entity: 'league.plan', entityId: planId, after: row });
    return row;
  });
}

/** YL-2: an activity is done (with the day and a note) or dropped. */
export async function updatePlanItem(
  db: Db,
  actor: Actor,
  id: string,
  input: { state: 'planned' | 'done' | 'dropped'; doneOn?: string | null; note?: string | null; version: number },
): Promise<LeaguePlanItemRow> {
  requireAccess(actor, 'league.manage');
  const [before] = await db
    .select()
    .from(leaguePlanItems)
    .where(and(eq(leaguePlanItems.orgId, actor.orgId), eq(leaguePlanItems.id, id)));
  if (!before) throw notFound('活动', 'Activity');
  if (before.version !== input.version) throw versionConflict();
  if (input.state === 'done' && !input.doneOn) throw invalidField('doneOn', '请填写完成日期', 'the day it was done');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(leaguePlanItems)
      .set({
        state: input.state,
        doneOn: input.state === 'done' ? input.doneOn : null,
        note: input.note?.trim() || null,
        version: sql`${leaguePlanItems.version} + 1`,
      })
      .where(and(eq(leaguePlanItems.orgId, actor.orgId), eq(leaguePlanItems.id, id), eq(leaguePlanItems.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, { action: 'league.plan.item.update', entity: 'league.plan', entityId: before.planId, before, after });
    return after;
  });
}
