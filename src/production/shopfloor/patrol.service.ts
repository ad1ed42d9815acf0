import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { localDateOf, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { invalidField } from '#core/errors';
import { users } from '#core/org';
import { getPolicy } from '#core/policy';
import { assertActsForWorkshop, getWorkshopFor } from '../exception/index';
import { openRectification } from './rectification.service';
import { type OperationRecordInput, OperationRecordBody, PatrolBody, type PatrolInput, type PatrolView } from './shopfloor.contract';
import { type OperationRecordRow, type PatrolRow, prodOperationRecords, prodPatrols, prodRectifications } from './shopfloor.schema';
import { patrolViews } from './shopfloor.views';

// T4 第三十七条 各车间主任应按时进行巡检: a patrol with its findings, each a rectification with an
// owner and a due date. T4 第三十九条: operators' self and mutual checks and operation records.

export async function recordPatrol(db: Db, actor: Actor, raw: PatrolInput, now: Date): Promise<PatrolRow> {
  requireAccess(actor, 'production.shopfloor.write');
  const input = PatrolBody.parse(raw);
  const workshop = await getWorkshopFor(db, actor.orgId, input.workshopId);
  await assertActsForWorkshop(db, actor, workshop);
  const inspectedAt = input.inspectedAt ? new Date(input.inspectedAt) : now;
  if (inspectedAt.getTime() > now.getTime() + 10 * 60_000) throw invalidField('inspectedAt', '巡检时间不能晚于现在', 'cannot be in the future');
  const policy = await getPolicy(db, actor.orgId);
  const today = await orgToday(db, actor.orgId, now);
  input.findings.forEach((f, i) => {
    if (f.problem.trim().length < 2) throw invalidField(`findings[${i}].problem`, '请写明发现的问题', 'describe the problem');
    if (f.dueOn < today) throw invalidField(`findings[${i}].dueOn`, '整改期限不能早于今天', 'cannot be before today');
  });
  const owners = [...new Set(input.findings.map((f) => f.ownerUserId))];
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
  const unknown = input.findings.findIndex((f) => !known.has(f.ownerUserId));
  if (unknown >= 0) throw invalidField(`findings[${unknown}].ownerUserId`, '责任人不存在', 'unknown owner');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(prodPatrols)
      .values({
        orgId: actor.orgId,
        workshopId: workshop.id,
        inspectedAt,
        inspectedOn: localDateOf(inspectedAt, policy.calendar.utcOffsetMinutes),
        note: input.note.trim(),
        findingCount: input.findings.length,
        inspectorId: actor.userId,
      })
      .returning();
    for (const f of input.findings) {
      await openRectification(tx, actor, {
        source: 'patrol',
        patrolId: row.id,
        workshop,
        problem: f.problem.trim(),
        ownerUserId: f.ownerUserId,
        dueOn: f.dueOn,
        now,
      });
    }
    await writeAudit(tx, actor, { action: 'production.patrol.record', entity: 'prod_patrol', entityId: row.id, after: row });
    return row;
  });
}

export async function findPatrols(db: Db, actor: Actor, filter: { workshopId?: string; limit?: number }, now: Date): Promise<PatrolView[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodPatrols.orgId, actor.orgId)];
  if (filter.workshopId) where.push(eq(prodPatrols.workshopId, filter.workshopId));
  const rows = await db
    .select()
    .from(prodPatrols)
    .where(and(...where))
    .orderBy(desc(prodPatrols.inspectedAt))
    .limit(filter.limit ?? 100);
  const findings = rows.length
    ? await db
        .select()
        .from(prodRectifications)
        .where(
          and(
            eq(prodRectifications.orgId, actor.orgId),
            inArray(
              prodRectifications.patrolId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  return patrolViews(db, actor, rows, findings, await orgToday(db, actor.orgId, now));
}

/** A quick phone record of one process step in one shift: a self check, a mutual check or the operation itself. */
export async function recordOperation(db: Db, actor: Actor, raw: OperationRecordInput, now: Date): Promise<OperationRecordRow> {
  requireAccess(actor, 'production.shopfloor.write');
  const input = OperationRecordBody.parse(raw);
  const workshop = await getWorkshopFor(db, actor.orgId, input.workshopId);
  await assertActsForWorkshop(db, actor, workshop);
  const step = input.step.trim();
  if (!step) throw invalidField('step', '请填写工序', 'the process step is required');
  const note = input.note.trim();
  if (input.result === 'problem' && note.length < 2) throw invalidField('note', '发现问题请写明情况', 'describe the problem');
  if (input.kind === 'mutual' && !input.checkedUserId) throw invalidField('checkedUserId', '互检请选择被检查的人员', 'choose whose work was checked');
  if (input.checkedUserId) {
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, input.checkedUserId)));
    if (!u) throw invalidField('checkedUserId', '人员不存在', 'unknown person');
  }
  const today = await orgToday(db, actor.orgId, now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(prodOperationRecords)
      .values({
        orgId: actor.orgId,
        workshopId: workshop.id,
        recordedOn: today,
        shift: input.shift,
        step,
        kind: input.kind,
        result: input.result,
        note,
        checkedUserId: input.checkedUserId ?? null,
        recordedBy: actor.userId,
        recordedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'production.operation.record', entity: 'prod_operation_record', entityId: row.id, after: row });
    return row;
  });
}

export async function findOperationRecords(db: Db, orgId: string, workshopId: string, limit = 30) {
  return db
    .select()
    .from(prodOperationRecords)
    .where(and(eq(prodOperationRecords.orgId, orgId), eq(prodOperationRecords.workshopId, workshopId)))
    .orderBy(desc(prodOperationRecords.recordedAt))
    .limit(limit);
}
