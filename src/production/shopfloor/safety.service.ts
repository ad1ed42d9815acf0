import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { addDays, orgToday } from '#core/calendar';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, notFound, versionConflict } from '#core/errors';
import { users } from '#core/org';
import { loadWorkshopCapacity } from '../master/index';
import { assertActsForWorkshop, findMyWorkshopId, getWorkshopFor } from '../exception/index';
import { openRectification } from './rectification.service';
import {
  ChecklistBody,
  type ChecklistForm,
  type ChecklistInput,
  type DueList,
  SafetyItemBody,
  type SafetyItemInput,
  type SafetyItemUpdate,
  SafetyItemUpdateBody,
  type SafetyItemView,
} from './shopfloor.contract';
import { checklistItemsFor, dueWorkshops, evaluateChecklist } from './shopfloor.rules';
import { prodSafetyChecks, prodSafetyItems, type SafetyCheckRow, type SafetyItemRow } from './shopfloor.schema';
import { checkViews, workshopPeople } from './shopfloor.views';

// T4 第四十一条: 各车间主任和班长应每天按照安全生产检查表规定的内容进行检查，发现问题及时记录和整改，
// 本车间无法整改的应立即上报. The list's items are data the production department keeps.

const itemView = (r: SafetyItemRow): SafetyItemView => ({
  id: r.id,
  workshopId: r.workshopId,
  text: r.text,
  sort: r.sort,
  isActive: r.isActive,
  version: r.version,
});

export async function findSafetyItems(db: Db, actor: Actor): Promise<SafetyItemView[]> {
  requireAccess(actor, 'production.read');
  const rows = await db
    .select()
    .from(prodSafetyItems)
    .where(eq(prodSafetyItems.orgId, actor.orgId))
    .orderBy(asc(prodSafetyItems.sort), asc(prodSafetyItems.createdAt));
  return rows.map(itemView);
}

export async function addSafetyItem(db: Db, actor: Actor, raw: SafetyItemInput): Promise<SafetyItemView> {
  requireAccess(actor, 'production.process.write');
  const input = SafetyItemBody.parse(raw);
  const text = input.text.trim();
  if (text.length < 2) throw invalidField('text', '请填写检查内容', 'the item text is required');
  if (input.workshopId) await getWorkshopFor(db, actor.orgId, input.workshopId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(prodSafetyItems)
      .values({ orgId: actor.orgId, workshopId: input.workshopId ?? null, text, sort: input.sort })
      .returning();
    await writeAudit(tx, actor, { action: 'production.safety-item.add', entity: 'prod_safety_item', entityId: row.id, after: row });
    return itemView(row);
  });
}

/** Items are retired (isActive false), never deleted: past checklists keep their text anyway. */
export async function updateSafetyItem(db: Db, actor: Actor, id: string, raw: SafetyItemUpdate): Promise<SafetyItemView> {
  requireAccess(actor, 'production.process.write');
  const input = SafetyItemUpdateBody.parse(raw);
  const text = input.text.trim();
  if (text.length < 2) throw invalidField('text', '请填写检查内容', 'the item text is required');
  if (input.workshopId) await getWorkshopFor(db, actor.orgId, input.workshopId);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(prodSafetyItems)
      .where(and(eq(prodSafetyItems.orgId, actor.orgId), eq(prodSafetyItems.id, id)));
    if (!before) throw notFound('检查项', 'Checklist item');
    const [row] = await tx
      .update(prodSafetyItems)
      .set({ workshopId: input.workshopId ?? null, text, sort: input.sort, isActive: input.isActive, version: sql`${prodSafetyItems.version} + 1` })
      .where(and(eq(prodSafetyItems.orgId, actor.orgId), eq(prodSafetyItems.id, id), eq(prodSafetyItems.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.safety-item.update', entity: 'prod_safety_item', entityId: id, before, after: row });
    return itemView(row);
  });
}

async function activeItems(db: Db, orgId: string, workshopId: string) {
  return checklistItemsFor(await db.select().from(prodSafetyItems).where(eq(prodSafetyItems.orgId, orgId)), workshopId);
}

/** The phone screen: today's items of the person's workshop, and their own checklist if done. */
export async function getChecklistForm(db: Db, actor: Actor, workshopId: string | undefined, now: Date): Promise<ChecklistForm> {
  requireAccess(actor, 'production.read');
  const id = workshopId ?? (await findMyWorkshopId(db, actor));
  if (!id) throw invalidField('workshopId', '请选择车间', 'choose a workshop');
  const workshop = await getWorkshopFor(db, actor.orgId, id);
  const today = await orgToday(db, actor.orgId, now);
  const [items, mine, people] = await Promise.all([
    activeItems(db, actor.orgId, id),
    db
      .select()
      .from(prodSafetyChecks)
      .where(
        and(
          eq(prodSafetyChecks.orgId, actor.orgId),
          eq(prodSafetyChecks.workshopId, id),
          eq(prodSafetyChecks.checkedOn, today),
          eq(prodSafetyChecks.checkedBy, actor.userId),
        ),
      ),
    workshopPeople(db, actor.orgId, workshop.departmentId),
  ]);
  return {
    today,
    workshop: { id: workshop.id, name: workshop.name },
    items: items.map((i) => ({ id: i.id, text: i.text })),
    mine: (await checkViews(db, actor.orgId, mine))[0] ?? null,
    people,
  };
}

/** Records today's checklist; every problem opens a rectification, one the workshop cannot fix is escalated at once. */
export async function recordSafetyCheck(db: Db, actor: Actor, raw: ChecklistInput, now: Date): Promise<SafetyCheckRow> {
  requireAccess(actor, 'production.shopfloor.write');
  const input = ChecklistBody.parse(raw);
  const workshop = await getWorkshopFor(db, actor.orgId, input.workshopId);
  await assertActsForWorkshop(db, actor, workshop);
  const today = await orgToday(db, actor.orgId, now);
  const { issues, results, problems } = evaluateChecklist(await activeItems(db, actor.orgId, workshop.id), input.results);
  if (issues.length)
    throw new AppError(
      'VALIDATION_FAILED',
      issues.map((i) => i.zh).join('；'),
      issues.map((i) => i.en).join('; '),
      issues.map((i) => ({ field: i.field, reason: i.en })),
    );
  const owners = [...new Set(input.results.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : [])))];
  const known = new Set(
    owners.length
      ? (
          await db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.orgId, actor.orgId), inArray(users.id, owners)))
        ).map((u) => u.id)
      : [],
  );
  const stranger = input.results.findIndex((r) => !!r.ownerUserId && !known.has(r.ownerUserId));
  if (stranger >= 0) throw invalidField(`results[${stranger}].ownerUserId`, '责任人不存在', 'unknown owner');
  const late = input.results.findIndex((r) => !r.ok && !!r.dueOn && r.dueOn < today);
  if (late >= 0) throw invalidField(`results[${late}].dueOn`, '整改期限不能早于今天', 'cannot be before today');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(prodSafetyChecks)
        .values({
          orgId: actor.orgId,
          workshopId: workshop.id,
          checkedOn: today,
          results,
          problemCount: problems.length,
          checkedBy: actor.userId,
          checkedAt: now,
        })
        .returning();
      for (const p of problems) {
        await openRectification(tx, actor, {
          source: 'safety',
          checkId: row.id,
          workshop,
          itemText: p.text,
          problem: p.note,
          ownerUserId: p.ownerUserId ?? actor.userId,
          dueOn: p.dueOn ?? addDays(today, 1),
          escalateNote: p.cannotFix ? '本车间无法整改，立即上报（T4 第四十一条）' : null,
          now,
        });
      }
      await writeAudit(tx, actor, { action: 'production.safety-check.record', entity: 'prod_safety_check', entityId: row.id, after: row });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', '您今天已填写过本车间的安全检查表', 'You have already filled in today’s checklist for this workshop');
    throw err;
  }
}

/** Which workshops working today have no checklist yet. */
export async function findDueChecklists(db: Db, actor: Actor, now: Date): Promise<DueList> {
  requireAccess(actor, 'production.read');
  const today = await orgToday(db, actor.orgId, now);
  const [capacity, checks] = await Promise.all([
    loadWorkshopCapacity(db, actor.orgId, today, today),
    db
      .select({ workshopId: prodSafetyChecks.workshopId, checkedByName: users.displayName })
      .from(prodSafetyChecks)
      .innerJoin(users, and(eq(users.orgId, prodSafetyChecks.orgId), eq(users.id, prodSafetyChecks.checkedBy)))
      .where(and(eq(prodSafetyChecks.orgId, actor.orgId), eq(prodSafetyChecks.checkedOn, today))),
  ]);
  return {
    today,
    workshops: dueWorkshops(
      capacity.map((c) => ({ id: c.workshop.id, name: c.workshop.name, isWorkingDay: (c.hours[0] ?? 0) > 0 })),
      checks,
    ),
  };
}
