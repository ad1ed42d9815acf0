import { type Actor, hasPermission } from '#core/access';
import type { Db } from '#core/db';
import { notFound } from '#core/errors';
import { getPolicy } from '#core/policy';
import { type AttendanceRow, findAttendanceRows } from '../attendance';
import { requireTrainingRead, schoolYearRange } from '../common';
import { creditPartsOf, durationMinutesOf, findSessionRows, type SessionRow } from '../session';
import { findTeacherOfUser, findTeachers, getTeacher } from '../teacher';
import type { ClaimRow } from './claim.schema';
import { findRecognisedClaims } from './claim.service';
import { type ClaimCreditInput, type CreditReport, computeCredits, type SessionCreditInput } from './credit.rules';
import type { CreditSummaryData } from './credit.contract';

/** Everything a school year's credits and assessment rest on, loaded once for all teachers. */
export interface YearRecords {
  schoolYear: string;
  /** Held sessions of the year that have ended (cancelled ones left out). */
  sessions: SessionRow[];
  attendance: AttendanceRow[];
  claims: ClaimRow[];
}

export async function loadYearRecords(db: Db, orgId: string, schoolYear: string, now: Date): Promise<YearRecords> {
  const sessions = (await findSessionRows(db, orgId, schoolYearRange(schoolYear))).filter((s) => s.state === 'scheduled' && s.endsAt <= now);
  const [attendance, claims] = await Promise.all([
    findAttendanceRows(
      db,
      orgId,
      sessions.map((s) => s.id),
    ),
    findRecognisedClaims(db, orgId, schoolYear),
  ]);
  return { schoolYear, sessions, attendance, claims };
}

export function creditInputsOf(teacherId: string, records: YearRecords): { sessions: SessionCreditInput[]; claims: ClaimCreditInput[] } {
  const byId = new Map(records.sessions.map((s) => [s.id, s]));
  const sessions = records.attendance
    .filter((a) => a.teacherId === teacherId && byId.has(a.sessionId))
    .map((a) => {
      const s = byId.get(a.sessionId)!;
      return {
        sessionId: s.id,
        date: s.sessionDate,
        title: s.title,
        parts: creditPartsOf(s),
        durationMinutes: durationMinutesOf(s),
        status: a.status,
        lateMinutes: a.lateMinutes,
        leftEarlyMinutes: a.leftEarlyMinutes,
      };
    });
  const claims = records.claims
    .filter((c) => c.teacherId === teacherId)
    .map((c) => ({ claimId: c.id, date: c.endedOn, title: c.title, category: c.category, hours: c.recognisedHours ?? c.hours }));
  return { sessions, claims };
}

async function assertCanReadTeacher(db: Db, actor: Actor, teacherId: string): Promise<void> {
  requireTrainingRead(actor);
  if (hasPermission(actor, 'training.read')) return;
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (me?.id !== teacherId) throw notFound('教师', 'Teacher');
}

/** ST-6: a teacher's credits of the year, line by line with the reasons. */
export async function getTeacherCredits(
  db: Db,
  actor: Actor,
  teacherId: string,
  schoolYear: string,
  now: Date,
): Promise<CreditReport & { teacherId: string; teacherName: string; schoolYear: string }> {
  await assertCanReadTeacher(db, actor, teacherId);
  const teacher = await getTeacher(db, actor, teacherId);
  const policy = await getPolicy(db, actor.orgId);
  const records = await loadYearRecords(db, actor.orgId, schoolYear, now);
  const input = creditInputsOf(teacherId, records);
  return { ...computeCredits(input.sessions, input.claims, policy.training), teacherId, teacherName: teacher.name, schoolYear };
}

export type CreditSummary = CreditSummaryData;

export async function findCreditSummaries(db: Db, actor: Actor, schoolYear: string, now: Date): Promise<CreditSummary[]> {
  if (!hasPermission(actor, 'training.read')) requireTrainingRead(actor);
  const [teachers, policy, records] = await Promise.all([
    findTeachers(db, actor, { isActive: true }),
    getPolicy(db, actor.orgId),
    loadYearRecords(db, actor.orgId, schoolYear, now),
  ]);
  const visible = hasPermission(actor, 'training.read') ? teachers : teachers.filter((t) => t.userId === actor.userId);
  return visible.map((t) => {
    const input = creditInputsOf(t.id, records);
    const r = computeCredits(input.sessions, input.claims, policy.training);
    return {
      teacherId: t.id,
      name: t.name,
      staffNo: t.staffNo,
      groupName: t.groupName,
      totalHours: r.totalHours,
      totalCredits: r.totalCredits,
      required: r.required,
      isMet: r.isMet,
      progress: r.progress,
    };
  });
}
