import { and, desc, eq, gte } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { addDays, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { findStandings } from '../assessment';
import { findMyAttendance } from '../attendance';
import { schoolYearOf, termOf, weekStartOf } from '../common';
import { getTeacherCredits } from '../credit';
import { evaluationRounds, evaluations } from '../evaluation';
import { findLeaveRequests } from '../leave';
import { findAssignments, findFourOnesProgress } from '../practice';
import { findSessions } from '../session';
import { getSelfStudy } from '../study';
import { getMyTeacher } from '../teacher';

/**
 * The teacher's phone home page: today's sessions with sign-in, the week ahead, credits
 * toward the year, leave, and what is waiting (assignments, this week's self-study,
 * outlines to write as trainer, lists to keep as recorder, the four ones, evaluations).
 */
export async function getMyHome(db: Db, actor: Actor, now: Date) {
  requireAccess(actor, 'training.self');
  const me = await getMyTeacher(db, actor);
  const today = await orgToday(db, actor.orgId, now);
  const schoolYear = schoolYearOf(today);
  const sessions = await findSessions(db, actor, { from: today, to: addDays(today, 7), forTeacherGroupId: me.groupId }, now);
  const mine = await findMyAttendance(
    db,
    actor,
    sessions.map((s) => s.id),
  );
  const withMine = sessions.map((s) => ({ ...s, myRecord: mine.get(s.id) ?? null }));
  const [credits, leave, tasks, selfStudy, fourOnes, policy, standings] = await Promise.all([
    getTeacherCredits(db, actor, me.id, schoolYear, now),
    findLeaveRequests(db, actor, { isMine: true }),
    findAssignments(db, actor, { schoolYear }, now),
    getSelfStudy(db, actor, me.id, now),
    findFourOnesProgress(db, actor, schoolYear),
    getPolicy(db, actor.orgId),
    findStandings(db, actor.orgId, schoolYear, now, me.id),
  ]);
  const openRounds = await db
    .select()
    .from(evaluationRounds)
    .where(
      and(
        eq(evaluationRounds.orgId, actor.orgId),
        eq(evaluationRounds.schoolYear, schoolYear),
        eq(evaluationRounds.term, termOf(today)),
        gte(evaluationRounds.closesOn, today),
      ),
    )
    .orderBy(desc(evaluationRounds.opensOn));
  const given = openRounds.length
    ? await db
        .select({ roundId: evaluations.roundId, source: evaluations.source })
        .from(evaluations)
        .where(and(eq(evaluations.orgId, actor.orgId), eq(evaluations.evaluatorKey, actor.userId)))
    : [];
  const week = selfStudy.weeks.find((w) => w.weekStart === weekStartOf(today));
  return {
    teacher: me,
    today,
    schoolYear,
    todaySessions: withMine.filter((s) => s.sessionDate === today),
    weekSessions: withMine.filter((s) => s.sessionDate > today),
    credits: { total: credits.totalCredits, required: credits.required, progress: credits.progress, isMet: credits.isMet, hours: credits.totalHours },
    // Absences against the limit and projected credits, before any verdict (issue 13 item 4).
    standing: standings[0]?.standing ?? null,
    leave: leave.slice(0, 10),
    tasks: {
      assignments: tasks.filter((t) => t.myStatus === 'open' || t.myStatus === 'returned' || t.myStatus === 'missing'),
      selfStudyThisWeek: {
        articleExcerpts: week?.articleExcerpts ?? 0,
        informationExcerpts: week?.informationExcerpts ?? 0,
        required: policy.training.weeklySelfStudy,
        isMet: week?.isMet ?? false,
      },
      outlinesToWrite: withMine.filter((s) => s.trainerTeacherId === me.id && s.outlineStatus === 'due'),
      sessionsToRecord: withMine.filter((s) => s.recorderTeacherId === me.id && s.sessionDate === today),
      fourOnes: fourOnes.find((f) => f.teacherId === me.id)?.progress ?? null,
      evaluations: openRounds
        .filter((r) => r.opensOn <= today && !given.some((g) => g.roundId === r.id && g.source === 'self'))
        .map((r) => ({ roundId: r.id, title: r.title, closesOn: r.closesOn })),
    },
  };
}
