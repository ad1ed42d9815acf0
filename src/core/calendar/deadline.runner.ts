import { and, asc, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { systemActor } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import type { AppContext } from '../http';
import { notifyUsers } from '../notify';
import { isOrganisationActive, users } from '../org';
import { type DeadlineRow, deadlines } from './calendar.schema';
import { recordMissedDeadline } from './deadline.service';

export interface DeadlineRunResult {
  reminded: number;
  missed: number;
  escalated: number;
}

type Phase = 'remind' | 'miss' | 'escalate';

const actorFor = (orgId: string) => systemActor(orgId);

// Each phase leases a batch with FOR UPDATE SKIP LOCKED and stamps it in the same
// transaction: a second runner skips the locked rows, and once they commit the stamp
// takes them out of its scan, so nothing is sent twice.
export function leaseDue(tx: Db, phase: Phase, now: Date, limit: number) {
  const where =
    phase === 'remind'
      ? and(eq(deadlines.state, 'open'), isNull(deadlines.remindedAt), lte(deadlines.remindAt, now), gt(deadlines.dueAt, now))
      : phase === 'miss'
        ? and(eq(deadlines.state, 'open'), lte(deadlines.dueAt, now))
        : and(inArray(deadlines.state, ['open', 'missed']), isNull(deadlines.escalatedAt), lte(deadlines.escalateAt, now));
  const order = phase === 'remind' ? deadlines.remindAt : phase === 'miss' ? deadlines.dueAt : deadlines.escalateAt;
  // Issue 12: a disabled organisation's deadlines wait until it is re-enabled.
  return tx
    .select()
    .from(deadlines)
    .where(and(where, isOrganisationActive(deadlines.orgId)))
    .orderBy(asc(order))
    .limit(limit)
    .for('update', { skipLocked: true });
}

async function ownerName(tx: Db, row: DeadlineRow): Promise<string> {
  const [u] = await tx
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, row.orgId), eq(users.id, row.ownerUserId)));
  return u?.name ?? '';
}

const where = (row: DeadlineRow) => and(eq(deadlines.orgId, row.orgId), eq(deadlines.id, row.id));

async function remind(tx: Db, row: DeadlineRow, now: Date) {
  await notifyUsers(tx, row.orgId, [row.ownerUserId], {
    kind: 'deadline.reminder',
    title: { zh: `即将截止：${row.titleZh}`, en: `Due soon: ${row.titleEn}` },
    body: { zh: `截止日期 ${row.dueOn}（依据 ${row.clause}）`, en: `Due on ${row.dueOn} (${row.clause})` },
    link: row.link ?? '/deadlines',
  });
  await tx.update(deadlines).set({ remindedAt: now }).where(where(row));
}

async function miss(tx: Db, row: DeadlineRow, now: Date) {
  const actor = actorFor(row.orgId);
  const findingId = await recordMissedDeadline(tx, actor, row);
  await tx
    .update(deadlines)
    .set({ state: 'missed', missedAt: now, findingId, version: row.version + 1 })
    .where(where(row));
  await notifyUsers(tx, row.orgId, [row.ownerUserId], {
    kind: 'deadline.missed',
    title: { zh: `已逾期：${row.titleZh}`, en: `Overdue: ${row.titleEn}` },
    body: { zh: `截止日期 ${row.dueOn} 已过（依据 ${row.clause}）`, en: `The due date ${row.dueOn} has passed (${row.clause})` },
    link: row.link ?? '/deadlines',
  });
  await writeAudit(tx, actor, {
    action: 'deadline.missed',
    entity: 'deadline',
    entityId: row.id,
    before: { state: row.state },
    after: { state: 'missed', findingId },
  });
}

async function escalate(tx: Db, row: DeadlineRow, now: Date) {
  const name = await ownerName(tx, row);
  await notifyUsers(tx, row.orgId, row.escalateTo, {
    kind: 'deadline.escalated',
    title: { zh: `逾期上报：${row.titleZh}`, en: `Escalated: ${row.titleEn} is overdue` },
    body: { zh: `责任人 ${name}，截止 ${row.dueOn}，依据 ${row.clause}`, en: `Owner ${name}, due ${row.dueOn}, ${row.clause}` },
    link: row.link ?? '/deadlines',
  });
  await tx.update(deadlines).set({ escalatedAt: now }).where(where(row));
}

const HANDLERS: Record<Phase, (tx: Db, row: DeadlineRow, now: Date) => Promise<void>> = { remind, miss, escalate };

async function runPhase(db: Db, phase: Phase, now: Date, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await leaseDue(tx, phase, now, batchSize);
      for (const row of rows) await HANDLERS[phase](tx, row, now);
      return rows.length;
    });
    total += n;
    if (n < batchSize) return total;
  }
}

/** The scheduler job: reminders before the due day, a finding when it passes, escalation after. */
export async function runDueDeadlines(ctx: Pick<AppContext, 'db' | 'clock'>, options: { batchSize?: number } = {}): Promise<DeadlineRunResult> {
  const now = ctx.clock();
  const batchSize = options.batchSize ?? 100;
  // Misses first: a deadline already past its due instant gets no "due soon" reminder.
  const missed = await runPhase(ctx.db, 'miss', now, batchSize);
  const reminded = await runPhase(ctx.db, 'remind', now, batchSize);
  const escalated = await runPhase(ctx.db, 'escalate', now, batchSize);
  return { reminded, missed, escalated };
}
