import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { completeDeadline, createDeadline, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission, users } from '#core/org';
import { nextProductionNumber } from '../common/index';
import type { WorkshopRow } from '../master/index';
import type { RectificationFilter, RectificationSource, RectificationView } from './shopfloor.contract';
import { type RectificationRow, prodRectifications } from './shopfloor.schema';
import { rectificationViews } from './shopfloor.views';

// A problem found on the floor, tracked to close (T4 第三十七、四十一条). It carries a deadline
// (reminders and the overdue list come from the calendar); one the workshop cannot fix is
// escalated to the production department, recorded with who and when.

export const RECTIFICATION_SUBJECT = 'production.rectification';
export const floorLink = (workshopId: string) => `/production/floor?workshopId=${workshopId}`;

export interface NewRectification {
  source: RectificationSource;
  checkId?: string;
  patrolId?: string;
  workshop: WorkshopRow;
  itemText?: string;
  problem: string;
  ownerUserId: string;
  dueOn: string;
  /** Set when the workshop cannot fix it: escalated on the spot. */
  escalateNote?: string | null;
  now: Date;
}

/** Inside the caller's transaction (a checklist or a patrol). */
export async function openRectification(tx: Db, actor: Actor, input: NewRectification): Promise<RectificationRow> {
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, input.ownerUserId)));
  if (!owner) throw invalidField('ownerUserId', '责任人不存在', 'unknown owner');
  const today = await orgToday(tx, actor.orgId, input.now);
  const number = await nextProductionNumber(tx, actor.orgId, 'ZG', Number(today.slice(0, 4)));
  const escalated = input.escalateNote
    ? { state: 'escalated' as const, escalatedBy: actor.userId, escalatedAt: input.now, escalationNote: input.escalateNote }
    : {};
  const [row] = await tx
    .insert(prodRectifications)
    .values({
      orgId: actor.orgId,
      number,
      source: input.source,
      checkId: input.checkId ?? null,
      patrolId: input.patrolId ?? null,
      workshopId: input.workshop.id,
      itemText: input.itemText ?? '',
      problem: input.problem,
      ownerUserId: input.ownerUserId,
      dueOn: input.dueOn,
      createdBy: actor.userId,
      createdAt: input.now,
      ...escalated,
    })
    .returning();
  const clause = input.source === 'safety' ? 'T4 第四十一条' : 'T4 第三十七条';
  await createDeadline(tx, actor, {
    subjectType: RECTIFICATION_SUBJECT,
    subjectId: row.id,
    title: { zh: `现场整改 ${number}：${input.workshop.name} ${input.problem}`, en: `Rectification ${number}: ${input.workshop.name}` },
    ownerUserId: input.ownerUserId,
    dueOn: input.dueOn,
    link: floorLink(input.workshop.id),
    rule: { clause, requirementId: 'PP-20', ruleCode: 'production.rectification.overdue', recordsFinding: false },
  });
  if (input.ownerUserId !== actor.userId) {
    await notifyUsers(tx, actor.orgId, [input.ownerUserId], {
      kind: 'production.rectification',
      title: { zh: `现场整改交办：${number} ${input.problem}`, en: `Rectification assigned: ${number}` },
      body: { zh: `整改期限 ${input.dueOn}`, en: `Due ${input.dueOn}` },
      link: floorLink(input.workshop.id),
    });
  }
  if (input.escalateNote) await tellProduction(tx, actor, row, input.workshop.name, input.escalateNote);
  await writeAudit(tx, actor, { action: 'production.rectification.open', entity: 'prod_rectification', entityId: row.id, after: row });
  return row;
}

async function tellProduction(tx: Db, actor: Actor, row: RectificationRow, workshopName: string, note: string) {
  const production = (await findUserIdsWithPermission(tx, actor.orgId, 'production.plan.write')).filter((u) => u !== actor.userId);
  await notifyUsers(tx, actor.orgId, production, {
    kind: 'production.rectification.escalated',
    title: { zh: `车间无法整改，已上报：${row.number} ${workshopName} ${row.problem}`, en: `Escalated rectification ${row.number}: ${workshopName}` },
    body: { zh: note, en: note },
    link: floorLink(row.workshopId),
  });
}

async function getRow(db: Db, orgId: string, id: string): Promise<RectificationRow> {
  const [row] = await db
    .select()
    .from(prodRectifications)
    .where(and(eq(prodRectifications.orgId, orgId), eq(prodRectifications.id, id)));
  if (!row) throw notFound('整改项', 'Rectification');
  return row;
}

async function viewOf(db: Db, actor: Actor, row: RectificationRow, now: Date): Promise<RectificationView> {
  return (await rectificationViews(db, actor, [row], await orgToday(db, actor.orgId, now)))[0];
}

function requireFloorAccess(actor: Actor): void {
  if (!hasPermission(actor, 'production.shopfloor.write')) requireAccess(actor, 'production.plan.write');
}

/** Closes a rectification with what was done; its deadline closes with it. */
export async function closeRectification(db: Db, actor: Actor, id: string, input: { version: number; note: string }, now: Date): Promise<RectificationView> {
  requireFloorAccess(actor);
  const row = await getRow(db, actor.orgId, id);
  const view = await viewOf(db, actor, row, now);
  if (row.state === 'done') throw invalidState('该整改项已关闭', 'This rectification is closed already');
  if (!view.canClose)
    throw new AppError(
      'FORBIDDEN',
      row.state === 'escalated' ? '已上报的整改项由生产部关闭' : '只有本车间人员、责任人或生产部可以关闭',
      'Only the workshop, the owner or the production department can close it',
    );
  const note = input.note.trim();
  if (note.length < 2) throw invalidField('note', '请填写整改结果', 'say what was done');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(prodRectifications)
      .set({ state: 'done', closedBy: actor.userId, closedAt: now, closeNote: note, version: sql`${prodRectifications.version} + 1` })
      .where(and(eq(prodRectifications.orgId, actor.orgId), eq(prodRectifications.id, id), eq(prodRectifications.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await completeDeadline(tx, actor, RECTIFICATION_SUBJECT, id, now);
    await writeAudit(tx, actor, {
      action: 'production.rectification.close',
      entity: 'prod_rectification',
      entityId: id,
      before: { state: row.state },
      after: { state: 'done', note },
    });
    return viewOf(tx, actor, after, now);
  });
}

/** 本车间无法整改的应立即上报: the production department hears of it, with who and when. */
export async function escalateRectification(db: Db, actor: Actor, id: string, input: { version: number; note: string }, now: Date): Promise<RectificationView> {
  requireAccess(actor, 'production.shopfloor.write');
  const row = await getRow(db, actor.orgId, id);
  const view = await viewOf(db, actor, row, now);
  if (row.state !== 'open') throw invalidState('只有未关闭、未上报的整改项可以上报', 'Only an open rectification can be escalated');
  if (!view.canEscalate) throw new AppError('FORBIDDEN', '只有本车间人员或责任人可以上报', 'Only the workshop or the owner can escalate it');
  const note = input.note.trim();
  if (note.length < 2) throw invalidField('note', '请说明无法整改的原因', 'say why the workshop cannot fix it');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(prodRectifications)
      .set({ state: 'escalated', escalatedBy: actor.userId, escalatedAt: now, escalationNote: note, version: sql`${prodRectifications.version} + 1` })
      .where(and(eq(prodRectifications.orgId, actor.orgId), eq(prodRectifications.id, id), eq(prodRectifications.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await tellProduction(tx, actor, after, view.workshopName, note);
    await writeAudit(tx, actor, {
      action: 'production.rectification.escalate',
      entity: 'prod_rectification',
      entityId: id,
      before: { state: row.state },
      after: { state: 'escalated', note },
    });
    return viewOf(tx, actor, after, now);
  });
}

export async function findRectifications(db: Db, actor: Actor, filter: RectificationFilter, now: Date): Promise<RectificationView[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodRectifications.orgId, actor.orgId)];
  if (filter.workshopId) where.push(eq(prodRectifications.workshopId, filter.workshopId));
  if (filter.state === 'active') where.push(inArray(prodRectifications.state, ['open', 'escalated']));
  else if (filter.state) where.push(eq(prodRectifications.state, filter.state));
  const rows = await db
    .select()
    .from(prodRectifications)
    .where(and(...where))
    .orderBy(desc(prodRectifications.createdAt), desc(prodRectifications.number))
    .limit(500);
  return rectificationViews(db, actor, rows, await orgToday(db, actor.orgId, now));
}
