import { and, eq } from 'drizzle-orm';
import { systemActor } from '#core/access';
import type { Db } from '#core/db';
import { localDateOf } from '#core/calendar';
import { getPolicy } from '#core/policy';
import { type AssessmentReason, assessYear, countNotesByTeacher, trainingAssessments, type Verdict, yearFactsOf } from '../assessment';
import { computeCredits, creditInputsOf, loadYearRecords } from '../credit';
import { findTeachers } from '../teacher';
import { bandOf, type CyclePolicy, type CycleProgress, cycleOf, cycleProgress, type HourBand, yearElapsed } from './rollup.rules';

// The district's read of one school's training (issue 12). Read only: it writes nothing in
// the school (the caller audits the read on both sides) and reads only the school it is given;
// which schools a district may read is the district module's business (accepted links).

export interface TeacherRollup {
  teacherId: string;
  name: string;
  staffNo: string;
  /** The teaching-research group (教研组) and the subject on the teacher's record. */
  groupName: string | null;
  subject: string | null;
  hours: number;
  credits: number;
  requiredCredits: number;
  band: HourBand;
  verdict: Verdict;
  /** confirmed / computed: the school's stored yearly assessment; live: worked out from the records now. */
  verdictSource: 'confirmed' | 'computed' | 'live';
  reasons: AssessmentReason[];
  /** Hours per school year of the cycle, up to the year looked at. */
  hoursByYear: Record<string, number>;
  progress: CycleProgress;
}

export interface SchoolRollup {
  schoolYear: string;
  cycleYears: string[];
  teachers: TeacherRollup[];
}

/**
 * Every active teacher of one school in one school year: hours and credits, the yearly verdict
 * with its reasons, the band of the year's hours and the progress through the district's cycle.
 */
export async function readSchoolTrainingRollup(db: Db, schoolOrgId: string, schoolYear: string, now: Date, cycle: CyclePolicy): Promise<SchoolRollup> {
  const school = systemActor(schoolOrgId);
  const { years, index } = cycleOf(schoolYear, cycle);
  const counted = years.slice(0, index + 1);
  const [teachers, policy, stored] = await Promise.all([
    findTeachers(db, school, { isActive: true }),
    getPolicy(db, schoolOrgId),
    db
      .select({
        teacherId: trainingAssessments.teacherId,
        verdict: trainingAssessments.verdict,
        reasons: trainingAssessments.reasons,
        state: trainingAssessments.state,
      })
      .from(trainingAssessments)
      .where(and(eq(trainingAssessments.orgId, schoolOrgId), eq(trainingAssessments.schoolYear, schoolYear))),
  ]);
  // The year looked at is judged against its pace while it is still running (the school's own day).
  const elapsed = yearElapsed(schoolYear, localDateOf(now, policy.calendar.utcOffsetMinutes));
  const recordsByYear = new Map(await Promise.all(counted.map(async (y) => [y, await loadYearRecords(db, schoolOrgId, y, now)] as const)));
  const notes = await countNotesByTeacher(
    db,
    schoolOrgId,
    schoolYear,
    teachers.map((t) => t.id),
  );
  const storedBy = new Map(stored.map((s) => [s.teacherId, s]));
  const thisYear = recordsByYear.get(schoolYear)!;
  const rows = teachers.map((t): TeacherRollup => {
    const hoursByYear: Record<string, number> = {};
    for (const [y, records] of recordsByYear) {
      const input = creditInputsOf(t.id, records);
      hoursByYear[y] = computeCredits(input.sessions, input.claims, policy.training).totalHours;
    }
    const facts = yearFactsOf(t.id, thisYear, notes.get(t.id), policy.training);
    const saved = storedBy.get(t.id);
    const live = saved ? undefined : assessYear(facts, policy.training);
    const hours = facts.report.totalHours;
    return {
      teacherId: t.id,
      name: t.name,
      staffNo: t.staffNo,
      groupName: t.groupName,
      subject: t.subject,
      hours,
      credits: facts.report.totalCredits,
      requiredCredits: facts.report.required,
      band: bandOf(hours),
      verdict: saved?.verdict ?? live!.verdict,
      verdictSource: saved ? saved.state : 'live',
      reasons: saved?.reasons ?? live!.reasons,
      hoursByYear,
      progress: cycleProgress(hoursByYear, schoolYear, cycle, elapsed),
    };
  });
  return { schoolYear, cycleYears: years, teachers: rows };
}
