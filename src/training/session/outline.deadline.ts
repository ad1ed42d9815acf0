import { and, eq } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { cancelDeadline, completeDeadline, createDeadline } from '#core/calendar';
import type { Db } from '#core/db';
import { trainingTeachers } from '../teacher';
import type { SessionRow } from './session.schema';

const SUBJECT = 'training.session.outline';

/**
 * ST-3: the trainer's outline becomes a deadline of the core calendar (reminder before,
 * escalation and a finding after). The session's own flag is stricter: after the start is late.
 */
export async function trackOutlineDeadline(tx: Db, actor: Actor, s: SessionRow, options: { replaces?: boolean } = {}): Promise<void> {
  if (options.replaces) await cancelDeadline(tx, actor, SUBJECT, s.id);
  if (!s.trainerTeacherId || s.outlineAt || s.state !== 'scheduled') return;
  const [trainer] = await tx
    .select({ userId: trainingTeachers.userId })
    .from(trainingTeachers)
    .where(and(eq(trainingTeachers.orgId, s.orgId), eq(trainingTeachers.id, s.trainerTeacherId)));
  if (!trainer?.userId) return;
  await createDeadline(tx, actor, {
    subjectType: SUBJECT,
    subjectId: s.id,
    title: { zh: `培训提纲：${s.title}（${s.sessionDate}）`, en: `Training outline: ${s.title} (${s.sessionDate})` },
    ownerUserId: trainer.userId,
    dueOn: s.sessionDate,
    link: `/training/sessions/${s.id}`,
    rule: { clause: 'S1 学习制度 3', requirementId: 'ST-3', ruleCode: 'training.outline.late', recordsFinding: true },
  });
}

export async function completeOutlineDeadline(tx: Db, actor: Actor, sessionId: string, now: Date): Promise<void> {
  await completeDeadline(tx, actor, SUBJECT, sessionId, now);
}
