import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '#core/db';
import type { Policy } from '#core/policy';
import { findAttendanceRows } from '../attendance';
import { type Term, termRange, weekStartOf } from '../common';
import { evaluationRounds, evaluations, weightedScoreOf } from '../evaluation';
import { assignments, submissions } from '../practice';
import { findSessionRows } from '../session';
import { studyNotes, summariseSelfStudy, weeksBetween } from '../study';
import type { TeacherRow } from '../teacher';
import { type TermFacts, weeksOwedSince } from './honours.rules';

/** The records of a term for every teacher, loaded in a handful of queries. */
export async function loadTermFacts(
  db: Db,
  orgId: string,
  teachers: TeacherRow[],
  schoolYear: string,
  term: Term,
  today: string,
  now: Date,
  policy: Policy['training'],
): Promise<TermFacts[]> {
  const range = termRange(schoolYear, term);
  const until = range.to < today ? range.to : today;
  const sessions = (await findSessionRows(db, orgId, range)).filter((s) => s.state === 'scheduled' && s.endsAt <= now);
  const centralised = new Set(sessions.filter((s) => s.isCentralised).map((s) => s.id));
  const tasks = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.orgId, orgId), eq(assignments.schoolYear, schoolYear), eq(assignments.term, term)));
  const [attendance, subs, notes, rounds] = await Promise.all([
    findAttendanceRows(
      db,
      orgId,
      sessions.map((s) => s.id),
    ),
    tasks.length
      ? db
          .select()
          .from(submissions)
          .where(
            and(
              eq(submissions.orgId, orgId),
              inArray(
                submissions.assignmentId,
                tasks.map((t) => t.id),
              ),
            ),
          )
      : Promise.resolve([]),
    db
      .select({ teacherId: studyNotes.teacherId, kind: studyNotes.kind, weekStart: studyNotes.weekStart, source: studyNotes.source })
      .from(studyNotes)
      .where(and(eq(studyNotes.orgId, orgId), gte(studyNotes.weekStart, weekStartOf(range.from)), lte(studyNotes.weekStart, until))),
    db
      .select()
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.orgId, orgId), eq(evaluationRounds.schoolYear, schoolYear), eq(evaluationRounds.term, term))),
  ]);
  const forms = rounds.length
    ? await db
        .select()
        .from(evaluations)
        .where(and(eq(evaluations.orgId, orgId), eq(evaluations.roundId, rounds[0].id)))
    : [];
  const weeks = until >= range.from ? weeksBetween(weekStartOf(range.from), weekStartOf(until)) : [];
  return teachers.map((t) => {
    const mine = attendance.filter((a) => a.teacherId === t.id);
    const due = tasks.filter((a) => a.dueOn <= today && (!a.groupId || a.groupId === t.groupId));
    const mySubs = subs.filter((s) => s.teacherId === t.id);
    const myNotes = notes.filter((n) => n.teacherId === t.id);
    const selfStudy = summariseSelfStudy(myNotes, weeksOwedSince(weeks, t.joinedOn), weekStartOf(today), policy.weeklySelfStudy);
    return {
      teacherId: t.id,
      groupId: t.groupId,
      unexcusedAbsences: mine.filter((a) => a.status === 'absent' && centralised.has(a.sessionId)).length,
      sessionsExpected: mine.filter((a) => a.status !== 'excused').length,
      sessionsPresent: mine.filter((a) => a.status === 'on_time' || a.status === 'late' || a.status === 'left_early').length,
      assignmentsDue: due.length,
      assignmentsMissing: due.filter((a) => !mySubs.some((s) => s.assignmentId === a.id)).length,
      assignmentsLate: due.filter((a) => mySubs.some((s) => s.assignmentId === a.id && s.isLate)).length,
      selfStudyWeeksDue: selfStudy.weeksDue,
      selfStudyWeeksMet: selfStudy.weeksMet,
      records: myNotes.filter((n) => n.kind === 'study_note' || n.kind === 'record_book').length,
      evaluationScore: weightedScoreOf(
        forms.filter((f) => f.teacherId === t.id),
        policy.evaluationWeights,
      ).score,
    };
  });
}
