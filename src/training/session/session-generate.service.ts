import { randomBytes } from 'node:crypto';
import { type Actor, requireAccess, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import { loadBusinessCalendar } from '#core/calendar';
import type { Db } from '#core/db';
import { invalidState } from '#core/errors';
import { findDepartments } from '#core/org';
import { getPolicy } from '#core/policy';
import { getPlan, markSessionsGenerated } from '../plan';
import { expandStandingSchedule } from './schedule.rules';
import { trainingSessions } from './session.schema';
import type { Workflows } from '#core/approval';
import type { GenerationResultData } from './session.contract';

export type GenerationResult = GenerationResultData;

/**
 * ST-2: an approved plan's period filled with the standing weekly schedule of the policy,
 * from `from` (default: today) to the plan's end. Holidays are skipped; generating again
 * adds only what is missing (one generation key per slot, group and day).
 */
export async function generatePlanSessions(
  db: Db,
  workflows: Workflows,
  actor: Actor,
  planId: string,
  now: Date,
  options: { from?: string } = {},
): Promise<GenerationResult> {
  requireAccess(actor, 'training.session.manage');
  // The term's timetable spans every group: the office's work (issue 13 item 3).
  requireAccess(actor, 'training.school.manage');
  const plan = await getPlan(db, workflows, actor, planId);
  if (plan.state !== 'approved' && plan.state !== 'issued') {
    throw invalidState('培训计划经校长批准后才能生成培训场次', 'Sessions are generated once the principal has approved the plan');
  }
  const policy = await getPolicy(db, actor.orgId);
  const today = new Date(now.getTime() + policy.calendar.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  const from = [plan.startsOn, options.from ?? today].sort()[1];
  const to = plan.endsOn;
  const calendar = await loadBusinessCalendar(db, actor.orgId);
  const groups = (await findDepartments(db, actor)).filter((d) => d.kind === 'teaching_group');
  const expansion = expandStandingSchedule(policy.training.standingSchedule, { from, to }, calendar, groups, policy.calendar.utcOffsetMinutes);
  const result = await db.transaction(async (tx) => {
    const rows = expansion.occurrences.map((o) => ({
      orgId: actor.orgId,
      planId,
      generationKey: o.generationKey,
      slotCode: o.slotCode,
      title: actor.locale === 'en' ? o.title.en : o.title.zh,
      category: o.category,
      sessionDate: o.date,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      audience: o.audience,
      groupId: o.groupId,
      isCentralised: true,
      qrSecret: randomBytes(32).toString('hex'),
      createdBy: userIdOf(actor),
      createdAt: now,
      updatedAt: now,
    }));
    let created = 0;
    // A term is a few hundred rows: insert in slices to keep each statement small.
    for (let i = 0; i < rows.length; i += 200) {
      const inserted = await tx
        .insert(trainingSessions)
        .values(rows.slice(i, i + 200))
        .onConflictDoNothing()
        .returning({ id: trainingSessions.id });
      created += inserted.length;
    }
    await markSessionsGenerated(tx, actor.orgId, planId, now);
    await writeAudit(tx, actor, {
      action: 'training.session.generate',
      entity: 'training.plan',
      entityId: planId,
      after: { from, to, created, existing: rows.length - created, skipped: expansion.skipped.length },
    });
    return { created, existing: rows.length - created };
  });
  return { ...result, skipped: expansion.skipped, problems: expansion.problems, from, to };
}
