import { and, asc, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { type Actor, requireAccess, userIdOf } from '../access';
import { recordFinding } from '../assessment';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { invalidField } from '../errors';
import { findUserIdsWithRole, users } from '../org';
import { getPolicy } from '../policy';
import { isIsoDate } from './calendar.rules';
import { type DeadlineRow, type DeadlineState, deadlines } from './calendar.schema';
import { deadlineStatus, deadlineTimes } from './deadline.rules';

export interface DeadlineRule {
  /** The clause a missed deadline cites, e.g. 'T2 五.1.2)'. */
  clause: string;
  requirementId?: string;
  /** Stable rule code of the finding, e.g. 'production.plan.late-issue'. */
  ruleCode: string;
  /** Penalty of the finding (PP-27), when the rule has one. */
  penalty?: number | null;
  /** Verdict of the finding; 'penalty' when there is a penalty, else 'missed-deadline'. */
  verdict?: string;
  /** false: a missed deadline only notifies, without a finding. */
  recordsFinding?: boolean;
}

export interface NewDeadline {
  subjectType: string;
  subjectId: string;
  title: { zh: string; en: string };
  ownerUserId: string;
  ownerDepartmentId?: string | null;
  /** The due day (local calendar day); the deadline ends with that day. */
  dueOn: string;
  /** Overrides the policy's reminder and escalation times. */
  remindAt?: Date | null;
  escalateAt?: Date | null;
  /** Who hears about the miss; default: holders of the policy's escalation role. */
  escalateTo?: string[];
  link?: string;
  rule: DeadlineRule;
}

/** Registers a deadline inside the caller's transaction; reminders and findings follow from the scheduler. */
export async function createDeadline(tx: Db, actor: Actor, input: NewDeadline): Promise<DeadlineRow> {
  if (!isIsoDate(input.dueOn)) throw invalidField('dueOn', '截止日期无效', 'not a valid due date');
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, input.ownerUserId)));
  if (!owner) throw invalidField('ownerUserId', '责任人不存在', 'unknown owner');
  const policy = await getPolicy(tx, actor.orgId);
  const times = deadlineTimes(input.dueOn, { ...policy.deadlines, utcOffsetMinutes: policy.calendar.utcOffsetMinutes });
  const escalateTo = input.escalateTo ?? (await findUserIdsWithRole(tx, actor.orgId, policy.deadlines.escalateToRole)).filter((id) => id !== input.ownerUserId);
  const penalty = input.rule.penalty ?? null;
  const [row] = await tx
    .insert(deadlines)
    .values({
      orgId: actor.orgId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      titleZh: input.title.zh,
      titleEn: input.title.en,
      link: input.link ?? null,
      ownerUserId: input.ownerUserId,
      ownerDepartmentId: input.ownerDepartmentId ?? null,
      dueOn: input.dueOn,
      dueAt: times.dueAt,
      remindAt: input.remindAt === undefined ? times.remindAt : input.remindAt,
      escalateAt: input.escalateAt === undefined ? times.escalateAt : input.escalateAt,
      escalateTo: [...new Set(escalateTo)],
      clause: input.rule.clause,
      requirementId: input.rule.requirementId ?? null,
      ruleCode: input.rule.ruleCode,
      penaltyAmount: penalty,
      verdict: input.rule.verdict ?? (penalty ? 'penalty' : 'missed-deadline'),
      recordsFinding: input.rule.recordsFinding ?? true,
      createdBy: userIdOf(actor),
    })
    .returning();
  await writeAudit(tx, actor, { action: 'deadline.create', entity: 'deadline', entityId: row.id, after: row });
  return row;
}

/** Records the finding of a missed deadline (dedupe key deadline:<id>) and returns its id. */
export async function recordMissedDeadline(tx: Db, actor: Actor, row: DeadlineRow): Promise<string | null> {
  if (!row.recordsFinding) return null;
  const [owner] = await tx
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, row.orgId), eq(users.id, row.ownerUserId)));
  const link = row.link ?? undefined;
  const created = await recordFinding(tx, actor, {
    ruleCode: row.ruleCode,
    clause: row.clause,
    requirementId: row.requirementId ?? 'CORE-6',
    subjectUserId: row.ownerUserId,
    subjectDepartmentId: row.ownerDepartmentId,
    subjectLabel: owner?.name ?? row.titleZh,
    period: row.dueOn.slice(0, 7),
    verdict: row.verdict,
    amount: row.penaltyAmount,
    summary: {
      zh: `逾期未完成：${row.titleZh}（截止 ${row.dueOn}，依据 ${row.clause}）`,
      en: `Missed deadline: ${row.titleEn} (due ${row.dueOn}, ${row.clause})`,
    },
    evidence: [
      { entity: 'deadline', entityId: row.id, label: `${row.titleZh}（截止 ${row.dueOn}）`, link: '/deadlines' },
      { entity: row.subjectType, entityId: row.subjectId, label: row.titleZh, ...(link ? { link } : {}) },
    ],
    dedupeKey: `deadline:${row.id}`,
  });
  return created?.id ?? null;
}

/**
 * Marks the subject's deadlines done. Pass ctx.clock() as `now`: finishing after the due
 * instant still counts as a miss, so the finding is recorded here if the scheduler has not.
 */
export async function completeDeadline(tx: Db, actor: Actor, subjectType: string, subjectId: string, now: Date = new Date()): Promise<number> {
  const rows = await tx
    .select()
    .from(deadlines)
    .where(
      and(
        eq(deadlines.orgId, actor.orgId),
        eq(deadlines.subjectType, subjectType),
        eq(deadlines.subjectId, subjectId),
        inArray(deadlines.state, ['open', 'missed']),
      ),
    )
    .for('update');
  for (const row of rows) {
    const isLate = now >= row.dueAt && !row.missedAt;
    const findingId = isLate ? await recordMissedDeadline(tx, actor, row) : null;
    const [after] = await tx
      .update(deadlines)
      .set({
        state: 'done',
        completedAt: now,
        missedAt: isLate ? now : row.missedAt,
        findingId: findingId ?? row.findingId,
        version: row.version + 1,
      })
      .where(and(eq(deadlines.orgId, row.orgId), eq(deadlines.id, row.id)))
      .returning();
    await writeAudit(tx, actor, {
      action: 'deadline.complete',
      entity: 'deadline',
      entityId: row.id,
      before: { state: row.state },
      after: { state: after.state, completedAt: now, late: isLate || !!row.missedAt },
    });
  }
  return rows.length;
}

/** Withdraws the subject's open deadlines (the subject was cancelled); no finding follows. */
export async function cancelDeadline(tx: Db, actor: Actor, subjectType: string, subjectId: string): Promise<number> {
  const rows = await tx
    .update(deadlines)
    .set({ state: 'cancelled' })
    .where(and(eq(deadlines.orgId, actor.orgId), eq(deadlines.subjectType, subjectType), eq(deadlines.subjectId, subjectId), eq(deadlines.state, 'open')))
    .returning({ id: deadlines.id });
  for (const r of rows)
    await writeAudit(tx, actor, { action: 'deadline.cancel', entity: 'deadline', entityId: r.id, before: { state: 'open' }, after: { state: 'cancelled' } });
  return rows.length;
}

export interface DeadlineFilters {
  /** mine: where I am the owner; org: the whole organisation (needs assessment.read). */
  scope?: 'mine' | 'org';
  state?: DeadlineState | 'overdue';
  subjectType?: string;
  subjectId?: string;
  limit?: number;
}

/** Pass ctx.clock() as `now`: it decides what counts as overdue. */
export async function findDeadlines(db: Db, actor: Actor, filters: DeadlineFilters = {}, now: Date = new Date()) {
  const where: SQL[] = [eq(deadlines.orgId, actor.orgId)];
  if ((filters.scope ?? 'mine') === 'mine') where.push(eq(deadlines.ownerUserId, actor.userId));
  else requireAccess(actor, 'assessment.read');
  if (filters.state === 'overdue') where.push(inArray(deadlines.state, ['open', 'missed']), lt(deadlines.dueAt, now));
  else if (filters.state) where.push(eq(deadlines.state, filters.state));
  if (filters.subjectType) where.push(eq(deadlines.subjectType, filters.subjectType));
  if (filters.subjectId) where.push(eq(deadlines.subjectId, filters.subjectId));
  const rows = await db
    .select({ d: deadlines, ownerName: users.displayName })
    .from(deadlines)
    .innerJoin(users, and(eq(users.orgId, deadlines.orgId), eq(users.id, deadlines.ownerUserId)))
    .where(and(...where))
    .orderBy(filters.state === 'done' ? desc(deadlines.dueAt) : asc(deadlines.dueAt))
    .limit(Math.min(filters.limit ?? 200, 1000));
  return rows.map(({ d, ownerName }) => ({
    ...d,
    ownerName,
    status: deadlineStatus(d, now),
  }));
}
