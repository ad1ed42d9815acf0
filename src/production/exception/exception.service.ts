import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { localDateOf } from '#core/calendar';
import type { Db } from '#core/db';
import { invalidField, notFound } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission, findUserIdsWithRole, users } from '#core/org';
import { getPolicy } from '#core/policy';
import { monthEnd, monthStart, nextProductionNumber, round } from '../common/index';
import { prodWorkshops } from '../master/index';
import { EXCEPTION_LABELS, exceptionLink } from './exception.labels';
import type { ExceptionFilter, ExceptionSummary, ReportExceptionInput } from './exception.contract';
import { ReportExceptionBody } from './exception.contract';
import { loadImpactLines } from './exception-impact.service';
import { judgeImpact } from './exception.rules';
import { type ExceptionRow, prodExceptionEvents, prodExceptions, prodExceptionWorkshops } from './exception.schema';
import { assertActsForWorkshop, getWorkshopFor } from './workshop-scope';

/** Another organisation's exception is simply not found. */
export async function getExceptionRow(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<ExceptionRow> {
  const q = db
    .select()
    .from(prodExceptions)
    .where(and(eq(prodExceptions.orgId, orgId), eq(prodExceptions.id, id)));
  const [row] = options.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('生产异常', 'Production exception');
  return row;
}

const GRACE_MS = 10 * 60_000;

/**
 * PP-19: a workshop reports an exception on one phone screen (T4 第三十二条: the production
 * department hears at once). The rule judges whether it hits other workshops or the total
 * schedule; such an exception waits for its coordination meeting (T4 第三十五、五十五条).
 */
export async function reportException(db: Db, actor: Actor, raw: ReportExceptionInput, now: Date): Promise<ExceptionRow> {
  requireAccess(actor, 'production.exception.write');
  const input = ReportExceptionBody.parse(raw);
  const description = input.description.trim();
  if (description.length < 2) throw invalidField('description', '请说明发生了什么', 'say what happened');
  const workshop = await getWorkshopFor(db, actor.orgId, input.workshopId);
  await assertActsForWorkshop(db, actor, workshop);
  const affectedIds = [...new Set(input.affectedWorkshopIds)].filter((id) => id !== workshop.id);
  const affected = affectedIds.length
    ? await db
        .select({ id: prodWorkshops.id, name: prodWorkshops.name })
        .from(prodWorkshops)
        .where(and(eq(prodWorkshops.orgId, actor.orgId), inArray(prodWorkshops.id, affectedIds)))
    : [];
  if (affected.length !== affectedIds.length) throw invalidField('affectedWorkshopIds', '车间不存在', 'unknown workshop');
  const startedAt = new Date(input.startedAt);
  if (startedAt.getTime() > now.getTime() + GRACE_MS) throw invalidField('startedAt', '开始时间不能晚于现在', 'cannot be in the future');
  const policy = await getPolicy(db, actor.orgId);
  const startedOn = localDateOf(startedAt, policy.calendar.utcOffsetMinutes);
  const { facts, labels } = await loadImpactLines(db, actor.orgId, workshop.id, startedOn, input.lines);
  const verdict = judgeImpact({
    workshopId: workshop.id,
    affectedWorkshops: affected,
    hoursLost: input.hoursLost,
    hoursEstimated: input.hoursEstimated,
    lines: facts,
  });
  const impactLines = verdict.lines.map((l) => ({
    planId: l.planId,
    itemId: l.itemId,
    ...labels.get(`${l.planId}|${l.itemId}`)!,
    dueOn: l.dueOn,
    slackHours: l.slackHours,
    isLate: l.isLate,
  }));
  const alwaysToVp = policy.production.exceptionsAlwaysToVp;
  return db.transaction(async (tx) => {
    const number = await nextProductionNumber(tx, actor.orgId, 'YC', Number(startedOn.slice(0, 4)));
    const [row] = await tx
      .insert(prodExceptions)
      .values({
        orgId: actor.orgId,
        number,
        kind: input.kind,
        workshopId: workshop.id,
        description,
        machineRef: input.kind === 'equipment' ? (input.machineRef ?? '').trim() : '',
        startedAt,
        startedOn,
        hoursLost: round(input.hoursLost, 1),
        hoursEstimated: round(input.hoursEstimated, 1),
        impactLines,
        affectsOtherWorkshops: verdict.affectsOtherWorkshops,
        affectsSchedule: verdict.affectsSchedule,
        needsCoordination: verdict.needsCoordination,
        judgement: { lostHours: verdict.lostHours, reasons: verdict.reasons },
        reportedBy: actor.userId,
        reportedAt: now,
        // T2 六.1.4): whatever affects production goes to the vice GM at once.
        ...(alwaysToVp ? { escalatedBy: actor.userId, escalatedAt: now, escalationNote: '依据 T2 六.1.4) 上报即报告主管副总经理' } : {}),
      })
      .returning();
    if (affected.length) await tx.insert(prodExceptionWorkshops).values(affected.map((w) => ({ orgId: actor.orgId, exceptionId: row.id, workshopId: w.id })));
    await tx.insert(prodExceptionEvents).values({ orgId: actor.orgId, exceptionId: row.id, kind: 'reported', note: '', actorId: actor.userId, at: now });
    if (alwaysToVp)
      await tx
        .insert(prodExceptionEvents)
        .values({ orgId: actor.orgId, exceptionId: row.id, kind: 'escalated', note: row.escalationNote ?? '', actorId: actor.userId, at: now });
    await writeAudit(tx, actor, {
      action: 'production.exception.report',
      entity: 'prod_exception',
      entityId: row.id,
      after: { ...row, affectedWorkshopIds: affectedIds },
    });
    const kind = EXCEPTION_LABELS[input.kind];
    const title = { zh: `生产异常 ${number}：${workshop.name} ${kind.zh}`, en: `Production exception ${number}: ${workshop.name}, ${kind.en}` };
    const body = verdict.needsCoordination
      ? {
          zh: `须召开生产协调会（T4 第三十五条）：${verdict.reasons.map((r) => r.zh).join('；')}`,
          en: `A coordination meeting is needed (T4 art. 35): ${verdict.reasons.map((r) => r.en).join('; ')}`,
        }
      : { zh: description, en: description };
    const production = (await findUserIdsWithPermission(tx, actor.orgId, 'production.plan.write')).filter((id) => id !== actor.userId);
    await notifyUsers(tx, actor.orgId, production, { kind: 'production.exception', title, body, link: exceptionLink(row.id) });
    if (alwaysToVp) {
      const vps = (await findUserIdsWithRole(tx, actor.orgId, policy.production.coordinationChairRole)).filter((id) => id !== actor.userId);
      await notifyUsers(tx, actor.orgId, vps, { kind: 'production.exception.escalated', title, body, link: exceptionLink(row.id) });
    }
    return row;
  });
}

export function toSummary(row: ExceptionRow, names: { workshop: string; reporter: string }): ExceptionSummary {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    workshopId: row.workshopId,
    workshopName: names.workshop,
    description: row.description,
    startedAt: row.startedAt.toISOString(),
    startedOn: row.startedOn,
    hoursLost: row.hoursLost,
    hoursEstimated: row.hoursEstimated,
    state: row.state,
    needsCoordination: row.needsCoordination,
    affectsOtherWorkshops: row.affectsOtherWorkshops,
    affectsSchedule: row.affectsSchedule,
    isEscalated: row.escalatedAt !== null,
    reportedByName: names.reporter,
    reportedAt: row.reportedAt.toISOString(),
    meetingId: row.meetingId,
    version: row.version,
  };
}

/** Exceptions by state, kind, workshop and month, newest first. */
export async function findExceptions(db: Db, actor: Actor, filter: ExceptionFilter): Promise<ExceptionSummary[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodExceptions.orgId, actor.orgId)];
  if (filter.state) where.push(eq(prodExceptions.state, filter.state));
  if (filter.kind) where.push(eq(prodExceptions.kind, filter.kind));
  if (filter.workshopId) where.push(eq(prodExceptions.workshopId, filter.workshopId));
  if (filter.month) where.push(gte(prodExceptions.startedOn, monthStart(filter.month)), lte(prodExceptions.startedOn, monthEnd(filter.month)));
  const rows = await db
    .select({ e: prodExceptions, workshop: prodWorkshops.name, reporter: users.displayName })
    .from(prodExceptions)
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodExceptions.orgId), eq(prodWorkshops.id, prodExceptions.workshopId)))
    .innerJoin(users, and(eq(users.orgId, prodExceptions.orgId), eq(users.id, prodExceptions.reportedBy)))
    .where(and(...where))
    .orderBy(desc(prodExceptions.startedAt), desc(prodExceptions.number))
    .limit(500);
  return rows.map(({ e, workshop, reporter }) => toSummary(e, { workshop, reporter }));
}
