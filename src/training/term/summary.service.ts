import { and, eq, sql } from 'drizzle-orm';
import { type Actor, requireAccess, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { versionConflict } from '#core/errors';
import { getPolicy } from '#core/policy';
import { countAttendance, findAttendanceRows } from '../attendance';
import { type Term, termRange } from '../common';
import { activities, activityCoverageOf } from '../practice';
import { findSessionRows, outlineStatusOf } from '../session';
import { findTeachers } from '../teacher';
import { loadTermFacts } from './term-facts.service';
import { type TermSummaryRow, termSummaries } from './term.schema';
import { orgToday } from '#core/calendar';
import type { z } from 'zod';
import type { TermSummaryBody } from './term.contract';

/** The term in figures, computed from the records each time (they feed the written summary). */
export async function computeTermFigures(db: Db, actor: Actor, schoolYear: string, term: Term, now: Date) {
  const range = termRange(schoolYear, term);
  const [sessions, policy, today, teachers] = await Promise.all([
    findSessionRows(db, actor.orgId, range),
    getPolicy(db, actor.orgId),
    orgToday(db, actor.orgId, now),
    findTeachers(db, actor, { isActive: true }),
  ]);
  const held = sessions.filter((s) => s.state === 'scheduled' && s.endsAt <= now);
  const attendance = await findAttendanceRows(
    db,
    actor.orgId,
    held.map((s) => s.id),
  );
  const counts = countAttendance(attendance.map((a) => a.status));
  const facts = await loadTermFacts(db, actor.orgId, teachers, schoolYear, term, today, now, policy.training);
  const acts = await db
    .select()
    .from(activities)
    .where(and(eq(activities.orgId, actor.orgId), eq(activities.schoolYear, schoolYear), eq(activities.term, term)));
  const coverage = activityCoverageOf(acts, policy.training.activitiesPerSemester);
  return {
    sessionsHeld: held.length,
    sessionsCancelled: sessions.filter((s) => s.state === 'cancelled').length,
    outlinesOnTime: held.filter((s) => outlineStatusOf(s, now) === 'written').length,
    outlinesLateOrMissing: held.filter((s) => ['late', 'missing'].includes(outlineStatusOf(s, now))).length,
    minutesWritten: held.filter((s) => s.minutes).length,
    attendanceRate: counts.rate,
    late: counts.late,
    leftEarly: counts.leftEarly,
    absent: counts.absent,
    excused: counts.excused,
    teachers: teachers.length,
    assignmentsDue: facts.reduce((n, f) => n + f.assignmentsDue, 0),
    assignmentsMissing: facts.reduce((n, f) => n + f.assignmentsMissing, 0),
    selfStudyWeeksMetShare: facts.reduce((n, f) => n + f.selfStudyWeeksDue, 0)
      ? Math.round((facts.reduce((n, f) => n + f.selfStudyWeeksMet, 0) / facts.reduce((n, f) => n + f.selfStudyWeeksDue, 0)) * 1000) / 1000
      : null,
    activities: acts.length,
    activityKindsMissing: coverage.kinds.filter((k) => !k.isMet).map((k) => k.kind),
  };
}

export type TermFigures = Awaited<ReturnType<typeof computeTermFigures>>;

export async function getTermSummary(
  db: Db,
  actor: Actor,
  schoolYear: string,
  term: Term,
  now: Date,
): Promise<{ summary: TermSummaryRow | null; figures: TermFigures }> {
  requireAccess(actor, 'training.read');
  const [summary] = await db
    .select()
    .from(termSummaries)
    .where(and(eq(termSummaries.orgId, actor.orgId), eq(termSummaries.schoolYear, schoolYear), eq(termSummaries.term, term)));
  return { summary: summary ?? null, figures: await computeTermFigures(db, actor, schoolYear, term, now) };
}

/** ST-17: the office writes achievements, problems and improvements; the figures are kept with it. */
export async function saveTermSummary(db: Db, actor: Actor, input: z.infer<typeof TermSummaryBody>, now: Date): Promise<TermSummaryRow> {
  requireAccess(actor, 'training.assess');
  const figures = await computeTermFigures(db, actor, input.schoolYear, input.term, now);
  const texts = { achievements: input.achievements.trim(), problems: input.problems.trim(), improvements: input.improvements.trim() };
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(termSummaries)
      .where(and(eq(termSummaries.orgId, actor.orgId), eq(termSummaries.schoolYear, input.schoolYear), eq(termSummaries.term, input.term)));
    let row: TermSummaryRow | undefined;
    if (!before) {
      if (input.version !== undefined) throw versionConflict();
      [row] = await tx
        .insert(termSummaries)
        .values({ orgId: actor.orgId, schoolYear: input.schoolYear, term: input.term, ...texts, figures, updatedBy: userIdOf(actor), updatedAt: now })
        .returning();
    } else {
      if (input.version !== before.version) throw versionConflict();
      [row] = await tx
        .update(termSummaries)
        .set({ ...texts, figures, updatedBy: userIdOf(actor), updatedAt: now, version: sql`${termSummaries.version} + 1` })
        .where(and(eq(termSummaries.orgId, actor.orgId), eq(termSummaries.id, before.id), eq(termSummaries.version, before.version)))
        .returning();
      if (!row) throw versionConflict();
    }
    await writeAudit(tx, actor, {
      action: 'training.summary.save',
      entity: 'training.summary',
      entityId: row.id,
      before: before ? { ...before, figures: undefined } : undefined,
      after: { ...texts },
    });
    return row;
  });
}
