import { and, eq, inArray, or } from 'drizzle-orm';
import { type Actor, hasPermission } from '#core/access';
import { findAttachments } from '#core/archive';
import type { Db } from '#core/db';
import { notFound } from '#core/errors';
import { getPolicy } from '#core/policy';
import { findAssessments, findMyAssessments } from '../assessment';
import { attendanceSummaryOf, findAttendanceRows } from '../attendance';
import { requireTrainingRead, schoolYearRange } from '../common';
import { creditClaims, getTeacherCredits } from '../credit';
import { evaluationRounds, evaluations, weightedScoreOf } from '../evaluation';
import { trainingLeaveRequests } from '../leave';
import { backboneHours } from '../backbone';
import { mentorPairs, mentorRecords } from '../mentor';
import { assignments, fourOnes, submissions } from '../practice';
import { findSessionRows } from '../session';
import { studyNotes } from '../study';
import { termHonours } from '../term';
import { findTeacherOfUser, getTeacher } from '../teacher';

/**
 * ST-8 (S2 五.4): the teacher development archive, assembled from the records of the year:
 * collective and subject training, records, reflections, self-study notes, observation
 * notes, lesson plans and papers handed in, mentoring, backbone track, evaluation, honours,
 * the verdict, and the files in the person's archive.
 */
export async function getTeacherArchive(db: Db, actor: Actor, teacherId: string, schoolYear: string, now: Date) {
  requireTrainingRead(actor);
  if (!hasPermission(actor, 'training.read')) {
    const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
    if (me?.id !== teacherId) throw notFound('教师', 'Teacher');
  }
  const teacher = await getTeacher(db, actor, teacherId);
  const range = schoolYearRange(schoolYear);
  const org = actor.orgId;
  const sessions = await findSessionRows(db, org, range);
  const attendance = (
    await findAttendanceRows(
      db,
      org,
      sessions.map((s) => s.id),
    )
  ).filter((a) => a.teacherId === teacherId);
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const [credits, leave, claims, notes, ones, subs, pairs, hours, rounds, honours, policy] = await Promise.all([
    getTeacherCredits(db, actor, teacherId, schoolYear, now),
    db
      .select()
      .from(trainingLeaveRequests)
      .where(and(eq(trainingLeaveRequests.orgId, org), eq(trainingLeaveRequests.teacherId, teacherId))),
    db
      .select()
      .from(creditClaims)
      .where(and(eq(creditClaims.orgId, org), eq(creditClaims.teacherId, teacherId), eq(creditClaims.schoolYear, schoolYear))),
    db
      .select()
      .from(studyNotes)
      .where(and(eq(studyNotes.orgId, org), eq(studyNotes.teacherId, teacherId))),
    db
      .select()
      .from(fourOnes)
      .where(and(eq(fourOnes.orgId, org), eq(fourOnes.teacherId, teacherId), eq(fourOnes.schoolYear, schoolYear))),
    db
      .select({ s: submissions, title: assignments.title, kind: assignments.kind, dueOn: assignments.dueOn, schoolYear: assignments.schoolYear })
      .from(submissions)
      .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
      .where(and(eq(submissions.orgId, org), eq(submissions.teacherId, teacherId))),
    db
      .select()
      .from(mentorPairs)
      .where(and(eq(mentorPairs.orgId, org), or(eq(mentorPairs.mentorId, teacherId), eq(mentorPairs.menteeId, teacherId)))),
    db
      .select()
      .from(backboneHours)
      .where(and(eq(backboneHours.orgId, org), eq(backboneHours.teacherId, teacherId))),
    db
      .select()
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.orgId, org), eq(evaluationRounds.schoolYear, schoolYear))),
    db
      .select()
      .from(termHonours)
      .where(and(eq(termHonours.orgId, org), eq(termHonours.teacherId, teacherId), eq(termHonours.schoolYear, schoolYear), eq(termHonours.state, 'confirmed'))),
    getPolicy(db, org),
  ]);
  const pairRecords = pairs.length
    ? await db
        .select()
        .from(mentorRecords)
        .where(
          and(
            eq(mentorRecords.orgId, org),
            inArray(
              mentorRecords.pairId,
              pairs.map((p) => p.id),
            ),
          ),
        )
    : [];
  const forms = rounds.length
    ? await db
        .select()
        .from(evaluations)
        .where(and(eq(evaluations.orgId, org), eq(evaluations.teacherId, teacherId)))
    : [];
  const assessment = hasPermission(actor, 'training.read')
    ? (await findAssessments(db, actor, schoolYear)).find((a) => a.teacherId === teacherId)
    : (await findMyAssessments(db, actor)).find((a) => a.schoolYear === schoolYear);
  const files = teacher.userId ? await findAttachments(db, actor, { ownerUserId: teacher.userId }).catch(() => []) : [];
  const inYear = (d: string) => d >= range.from && d <= range.to;
  return {
    teacher,
    schoolYear,
    sessions: attendance
      .map((a) => {
        const s = sessionById.get(a.sessionId)!;
        return {
          sessionId: s.id,
          date: s.sessionDate,
          title: s.title,
          category: s.category,
          isCentralised: s.isCentralised,
          status: a.status,
          lateMinutes: a.lateMinutes,
          leftEarlyMinutes: a.leftEarlyMinutes,
          source: a.source,
        };
      })
      .sort((a, b) => a.date.localeCompare(b.date)),
    attendance: attendanceSummaryOf(attendance),
    credits,
    leave: leave
      .filter((l) => sessionById.has(l.sessionId))
      .map((l) => ({ ...l, sessionTitle: sessionById.get(l.sessionId)!.title, sessionDate: sessionById.get(l.sessionId)!.sessionDate })),
    claims,
    notes: notes.filter((n) => inYear(n.weekStart)),
    fourOnes: ones,
    submissions: subs.filter((s) => s.schoolYear === schoolYear).map((s) => ({ ...s.s, title: s.title, kind: s.kind, dueOn: s.dueOn })),
    mentoring: pairs
      .filter((p) => p.schoolYear === schoolYear)
      .map((p) => ({
        ...p,
        role: p.mentorId === teacherId ? ('mentor' as const) : ('mentee' as const),
        records: pairRecords.filter((r) => r.pairId === p.id),
      })),
    backbone: hours,
    evaluations: rounds.map((r) => ({
      roundId: r.id,
      title: r.title,
      term: r.term,
      ...weightedScoreOf(
        forms.filter((f) => f.roundId === r.id),
        policy.training.evaluationWeights,
      ),
    })),
    honours,
    assessment: assessment ?? null,
    files,
  };
}

export type TeacherArchive = Awaited<ReturnType<typeof getTeacherArchive>>;
