import { and, count, eq } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { addDays, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { creditsStillPossible, risksOf, yearFactsOf, countNotesByTeacher } from '../assessment';
import { closeEndedSessions } from '../attendance';
import { backboneShareOf } from '../backbone';
import { weekStartOf } from '../common';
import { creditClaims, loadYearRecords } from '../credit';
import { trainingLeaveRequests } from '../leave';
import { findSessions } from '../session';
import { findTeachers } from '../teacher';
import { attendanceByGroupAndWeek, creditDistribution } from './dashboard.rules';

/** Leave requests and credit claims waiting for the office's decision (the dashboard and the home card). */
export async function countWaitingDecisions(db: Db, orgId: string): Promise<{ leave: number; claims: number }> {
  const [leave] = await db
    .select({ n: count() })
    .from(trainingLeaveRequests)
    .where(and(eq(trainingLeaveRequests.orgId, orgId), eq(trainingLeaveRequests.state, 'pending')));
  const [claims] = await db
    .select({ n: count() })
    .from(creditClaims)
    .where(and(eq(creditClaims.orgId, orgId), eq(creditClaims.state, 'pending')));
  return { leave: leave?.n ?? 0, claims: claims?.n ?? 0 };
}

/** The office's dashboard (教导处): attendance by group and week, credits, who is at risk and why. */
export async function getOfficeDashboard(db: Db, actor: Actor, schoolYear: string, now: Date) {
  requireAccess(actor, 'training.read');
  await closeEndedSessions(db, now, { orgId: actor.orgId, limit: 1000 });
  const [teachers, policy, records, today] = await Promise.all([
    findTeachers(db, actor, { isActive: true }),
    getPolicy(db, actor.orgId),
    loadYearRecords(db, actor.orgId, schoolYear, now),
    orgToday(db, actor.orgId, now),
  ]);
  const notes = await countNotesByTeacher(
    db,
    actor.orgId,
    schoolYear,
    teachers.map((t) => t.id),
  );
  const stillPossible = await creditsStillPossible(db, actor.orgId, schoolYear, now, policy.training);
  const groupOf = new Map(teachers.map((t) => [t.id, t.groupName ?? '—']));
  const sessionWeek = new Map(records.sessions.map((s) => [s.id, weekStartOf(s.sessionDate)]));
  const heat = attendanceByGroupAndWeek(
    records.attendance
      .filter((a) => groupOf.has(a.teacherId))
      .map((a) => ({ group: groupOf.get(a.teacherId)!, weekStart: sessionWeek.get(a.sessionId)!, status: a.status })),
  );
  const perTeacher = teachers.map((t) => {
    const facts = yearFactsOf(t.id, records, notes.get(t.id), policy.training);
    const risks = risksOf({ ...facts, creditsStillPossible: stillPossible(t.groupId) }, policy.training);
    return { teacherId: t.id, name: t.name, groupName: t.groupName, credits: facts.credits, absences: facts.absences, risks };
  });
  const upcoming = await findSessions(db, actor, { from: today, to: addDays(today, 7) }, now);
  const waiting = await countWaitingDecisions(db, actor.orgId);
  const held = records.sessions;
  return {
    schoolYear,
    teachers: teachers.length,
    sessionsHeld: held.length,
    attendanceByGroupWeek: heat,
    creditDistribution: creditDistribution(
      perTeacher.map((p) => p.credits),
      policy.training.creditsPerYear,
    ),
    requiredCredits: policy.training.creditsPerYear,
    atRisk: perTeacher.filter((p) => p.risks.length > 0).sort((a, b) => b.absences.length - a.absences.length || a.credits - b.credits),
    outlines: {
      missing: upcoming.filter((s) => s.outlineStatus === 'missing').length,
      dueThisWeek: upcoming.filter((s) => s.outlineStatus === 'due').length,
      withoutTrainer: upcoming.filter((s) => !s.trainerDisplay).length,
      withoutRecorder: upcoming.filter((s) => !s.recorderName).length,
    },
    pendingLeave: waiting.leave,
    pendingClaims: waiting.claims,
    backbone: backboneShareOf(teachers, policy.training.backboneTargetShare),
  };
}
