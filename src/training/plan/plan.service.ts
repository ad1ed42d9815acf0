import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { createDocument, type DocumentView, documents, getDocument, updateDocument, type Workflows } from '#core/approval';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, notFound, versionConflict } from '#core/errors';
import { requireTrainingRead } from '../common';
import { findTeacherNames } from '../teacher';
import { checkPlanShape, planDocumentBody, type PlanShape } from './plan.rules';
import { type PlanItem, type PlanRow, trainingPlans } from './plan.schema';
import type { PlanChange, PlanDetailData, PlanInput, PlanViewData } from './plan.contract';

export type PlanView = PlanViewData;

export type PlanDetail = PlanDetailData;

const shapeOf = (input: PlanInput): PlanShape => ({ ...input, term: input.term ?? null });

function assertShape(shape: PlanShape): void {
  const [first] = checkPlanShape(shape);
  if (first)
    throw new AppError('VALIDATION_FAILED', `${first.field}：${first.message.zh}`, `${first.field}: ${first.message.en}`, [
      { field: first.field, reason: first.message.en },
    ]);
}

async function ownerNamesOf(db: Db, orgId: string, items: PlanItem[]): Promise<Map<string, string>> {
  return findTeacherNames(
    db,
    orgId,
    items.map((i) => i.ownerTeacherId).filter((x): x is string => !!x),
  );
}

async function assertOwners(db: Db, orgId: string, items: PlanItem[]): Promise<Map<string, string>> {
  const names = await ownerNamesOf(db, orgId, items);
  items.forEach((item, i) => {
    if (item.ownerTeacherId && !names.has(item.ownerTeacherId)) {
      throw new AppError('VALIDATION_FAILED', `items.${i}.ownerTeacherId：负责人不在教师名单中`, `items.${i}.ownerTeacherId: unknown teacher`, [
        { field: `items.${i}.ownerTeacherId`, reason: 'unknown teacher' },
      ]);
    }
  });
  return names;
}

/** Drafts a plan and its document of type training.plan (the approval engine carries its state). */
export async function createPlan(db: Db, workflows: Workflows, actor: Actor, input: PlanInput, now: Date): Promise<PlanDetail> {
  requireAccess(actor, 'training.plan.write');
  const shape = shapeOf(input);
  assertShape(shape);
  const names = await assertOwners(db, actor.orgId, input.items);
  const id = await db.transaction(async (tx) => {
    const doc = await createDocument(tx, workflows, actor, { docType: 'training.plan', title: input.title, body: planDocumentBody(shape, names) }, now);
    const [row] = await tx
      .insert(trainingPlans)
      .values({
        orgId: actor.orgId,
        id: doc.id,
        kind: shape.kind,
        schoolYear: shape.schoolYear,
        term: shape.term,
        startsOn: shape.startsOn,
        endsOn: shape.endsOn,
        goals: shape.goals.trim(),
        items: shape.items,
        ownerUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'training.plan.create', entity: 'training.plan', entityId: row.id, after: row });
    return row.id;
  });
  return getPlan(db, workflows, actor, id);
}

/** Edits a draft: the plan row and the document body change together. */
export async function updatePlan(db: Db, workflows: Workflows, actor: Actor, id: string, change: PlanChange, now: Date): Promise<PlanDetail> {
  requireAccess(actor, 'training.plan.write');
  const before = await getPlanRow(db, actor.orgId, id);
  if (before.version !== change.version) throw versionConflict();
  const shape = shapeOf(change);
  assertShape(shape);
  const names = await assertOwners(db, actor.orgId, change.items);
  await db.transaction(async (tx) => {
    // The engine refuses edits of anything but a draft and checks the document's version.
    await updateDocument(tx, workflows, actor, id, { version: change.documentVersion, title: change.title, body: planDocumentBody(shape, names) }, now);
    const [after] = await tx
      .update(trainingPlans)
      .set({
        kind: shape.kind,
        schoolYear: shape.schoolYear,
        term: shape.term,
        startsOn: shape.startsOn,
        endsOn: shape.endsOn,
        goals: shape.goals.trim(),
        items: shape.items,
        updatedAt: now,
        version: sql`${trainingPlans.version} + 1`,
      })
      .where(and(eq(trainingPlans.orgId, actor.orgId), eq(trainingPlans.id, id), eq(trainingPlans.version, change.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, { action: 'training.plan.update', entity: 'training.plan', entityId: id, before, after });
  });
  return getPlan(db, workflows, actor, id);
}

export async function getPlanRow(db: Db, orgId: string, id: string): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(trainingPlans)
    .where(and(eq(trainingPlans.orgId, orgId), eq(trainingPlans.id, id)));
  if (!row) throw notFound('培训计划', 'Training plan');
  return row;
}

export async function getPlan(db: Db, workflows: Workflows, actor: Actor, id: string): Promise<PlanDetail> {
  requireTrainingRead(actor);
  const row = await getPlanRow(db, actor.orgId, id);
  // Teachers read plans without document rights: they get the plan, not the approval controls.
  const canSeeDocument = hasPermission(actor, 'document.read');
  const [doc] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, actor.orgId), eq(documents.id, id)));
  const document = canSeeDocument ? await getDocument(db, workflows, actor, id) : null;
  const names = await ownerNamesOf(db, actor.orgId, row.items);
  return {
    ...row,
    title: doc.title,
    number: doc.number,
    state: doc.state,
    revision: doc.revision,
    documentVersion: doc.version,
    ownerNames: Object.fromEntries(names),
    document,
  };
}

export async function findPlans(db: Db, actor: Actor, filter: { schoolYear?: string } = {}): Promise<PlanView[]> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(trainingPlans.orgId, actor.orgId)];
  if (filter.schoolYear) where.push(eq(trainingPlans.schoolYear, filter.schoolYear));
  const rows = await db
    .select({
      p: trainingPlans,
      title: documents.title,
      number: documents.number,
      state: documents.state,
      revision: documents.revision,
      documentVersion: documents.version,
    })
    .from(trainingPlans)
    .innerJoin(documents, and(eq(documents.orgId, trainingPlans.orgId), eq(documents.id, trainingPlans.id)))
    .where(and(...where))
    .orderBy(desc(trainingPlans.schoolYear), desc(trainingPlans.startsOn));
  return rows.map((r) => ({
    ...r.p,
    title: r.title,
    number: r.number,
    state: r.state,
    revision: r.revision,
    documentVersion: r.documentVersion,
    ownerNames: {},
  }));
}

/** A plan in force: approved, or approved and issued. */
export const isPlanInForce = (state: DocumentView['state']): boolean => state === 'approved' || state === 'issued';

export async function markSessionsGenerated(tx: Db, orgId: string, id: string, now: Date): Promise<void> {
  await tx
    .update(trainingPlans)
    .set({ sessionsGeneratedAt: now })
    .where(and(eq(trainingPlans.orgId, orgId), eq(trainingPlans.id, id)));
}
