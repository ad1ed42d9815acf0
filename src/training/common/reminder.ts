import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Db } from '#core/db';
import { type NotificationInput, notifyUsers } from '#core/notify';

export const trainingReminders = pgTable(
  'training_reminders',
  {
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    period: text('period').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.subjectId, t.period] })],
);

/** Sends a reminder at most once per kind, subject and period (a job tick may run many times). */
export async function remindOnce(
  tx: Db,
  orgId: string,
  key: { kind: string; subjectId: string; period: string },
  userIds: string[],
  n: NotificationInput,
  now: Date,
): Promise<boolean> {
  const [row] = await tx
    .insert(trainingReminders)
    .values({ orgId, ...key, sentAt: now })
    .onConflictDoNothing()
    .returning({ kind: trainingReminders.kind });
  if (!row) return false;
  await notifyUsers(tx, orgId, userIds, n);
  return true;
}
