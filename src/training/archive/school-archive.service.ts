import { and, eq } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { findAssessments } from '../assessment';
import { countSessionAttendance } from '../attendance';
import { schoolYearRange } from '../common';
import { findCreditSummaries } from '../credit';
import { findLeaveRequests } from '../leave';
import { findMentorPairs } from '../mentor';
import { findPlans } from '../plan';
import { activities, assignments } from '../practice';
import { findSessions } from '../session';
import { termHonours, termSummaries } from '../term';
import { backboneShareOf } from '../backbone';
import { findTeachers } from '../teacher';

/**
 * ST-8 (S2 五.3): the school training archive of a year: duties (the leadership group),
 * rules (the policy in force), plans, sessions with outlines and minutes, attendance,
 * leave on file, credits, verdicts, honours, activities, assignments and summaries.
 */
export async function getSchoolArchive(db: Db, actor: Actor, schoolYear: string, now: Date) {
  requireAccess(actor, 'training.read');
  const range = schoolYearRange(schoolYear);
  const org = actor.orgId;
  const [teachers, policy, plans, sessions, leave, credits, assessments, pairs, acts, tasks, honours, summaries] = await Promise.all([
    findTeachers(db, actor),
    getPolicy(db, org),
    findPlans(db, actor, { schoolYear }),
    findSessions(db, actor, { from: range.from, to: range.to, includeCancelled: true }, now),
    findLeaveRequests(db, actor, { from: range.from, to: range.to }),
    findCreditSummaries(db, actor, schoolYear, now),
    findAssessments(db, actor, schoolYear),
    findMentorPairs(db, actor, { schoolYear }),
    db
      .select()
      .from(activities)
      .where(and(eq(activities.orgId, org), eq(activities.schoolYear, schoolYear))),
    db
      .select()
      .from(assignments)
      .where(and(eq(assignments.orgId, org), eq(assignments.schoolYear, schoolYear))),
    db
      .select()
      .from(termHonours)
      .where(and(eq(termHonours.orgId, org), eq(termHonours.schoolYear, schoolYear), eq(termHonours.state, 'confirmed'))),
    db
      .select()
      .from(termSummaries)
      .where(and(eq(termSummaries.orgId, org), eq(termSummaries.schoolYear, schoolYear))),
  ]);
  const counts = await countSessionAttendance(
    db,
    org,
    sessions.map((s) => s.id),
  );
  const teacherName = new Map(teachers.map((t) => [t.id, t.name]));
  return {
    schoolYear,
    leadershipGroup: teachers.filter((t) => t.leadershipRole).map((t) => ({ name: t.name, role: t.leadershipRole, title: t.title })),
    rules: {
      creditsPerYear: policy.training.creditsPerYear,
      unexcusedAbsenceLimit: policy.training.unexcusedAbsenceLimit,
      standingSchedule: policy.training.standingSchedule,
    },
    plans,
    sessions: sessions.map((s) => ({ ...s, attendance: counts.get(s.id) ?? { present: 0, absent: 0, excused: 0 } })),
    leave,
    credits,
    assessments,
    mentoring: pairs,
    activities: acts,
    assignments: tasks,
    honours: honours.map((h) => ({ ...h, teacherName: h.teacherId ? (teacherName.get(h.teacherId) ?? null) : null })),
    summaries,
    backbone: backboneShareOf(teachers, policy.training.backboneTargetShare),
  };
}

export type SchoolArchive = Awaited<ReturnType<typeof getSchoolArchive>>;
