import { and, eq } from 'drizzle-orm';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { remindOnce, schoolYearRange } from '../common';
import { loadYearRecords } from '../credit';
import { findSessionRows } from '../session';
import { type TeacherRow, trainingTeachers } from '../teacher';
import { type Standing, standingOf } from './standing.rules';
import { creditsStillPossible, yearFactsOf } from './year-facts.service';

/** Each active teacher's standing in the year, from records loaded once for the school. */
export async function findStandings(
  db: Db,
  orgId: string,
  schoolYear: string,
  now: Date,
  only?: string,
): Promise<{ teacher: TeacherRow; standing: Standing }[]> {
  const where = [eq(trainingTeachers.orgId, orgId), eq(trainingTeachers.isActive, true)];
  if (only) where.push(eq(trainingTeachers.id, only));
  const [teachers, policy, records] = await Promise.all([
    db
      .select()
      .from(trainingTeachers)
      .where(and(...where)),
    getPolicy(db, orgId),
    loadYearRecords(db, orgId, schoolYear, now),
  ]);
  const stillPossible = await creditsStillPossible(db, orgId, schoolYear, now, policy.training);
  const ahead = (await findSessionRows(db, orgId, schoolYearRange(schoolYear))).filter((s) => s.state === 'scheduled' && s.endsAt > now);
  return teachers.map((t) => {
    const facts = yearFactsOf(t.id, records, undefined, policy.training);
    const sessionsHeld = records.attendance.filter((a) => a.teacherId === t.id && a.status !== 'excused').length;
    const sessionsAhead = ahead.filter((s) => s.audience === 'all' || s.groupId === t.groupId).length;
    return {
      teacher: t,
      standing: standingOf(
        { absences: facts.absences.length, credits: facts.credits, creditsStillPossible: stillPossible(t.groupId), sessionsHeld, sessionsAhead },
        policy.training,
      ),
    };
  });
}

/**
 * Issue 13 item 4: a notification when a teacher reaches the absence limit − 1, and when the
 * year's credits fall behind the pace; each once per teacher and school year (and once per
 * absence count, so a later absence warns again).
 */
export async function warnTeachers(db: Db, orgId: string, schoolYear: string, now: Date): Promise<number> {
  const standings = await findStandings(db, orgId, schoolYear, now);
  let sent = 0;
  await db.transaction(async (tx) => {
    for (const { teacher, standing } of standings) {
      if (!teacher.userId) continue;
      for (const w of standing.warnings) {
        if (w.code === 'absence_limit_reached') continue; // the verdict itself tells them
        const period = w.code === 'absence_limit_next' ? `${schoolYear}:${standing.absences}` : schoolYear;
        const isSent = await remindOnce(
          tx,
          orgId,
          { kind: `standing.${w.code}`, subjectId: teacher.id, period },
          [teacher.userId],
          { kind: 'training.standing.warning', title: { zh: '校本培训提醒', en: 'School-based training: a warning' }, body: w.text, link: '/training/my' },
          now,
        );
        if (isSent) sent++;
      }
    }
  });
  return sent;
}
