import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '#core/db';
import type { Policy } from '#core/policy';
import { isPresentStatus } from '../attendance';
import { schoolYearRange } from '../common';
import { computeCredits, creditInputsOf, type CreditReport, type YearRecords } from '../credit';
import { creditPartsOf, durationMinutesOf, findSessionRows } from '../session';
import { studyNotes } from '../study';
import type { RiskFacts, YearFacts } from './assessment.rules';

/** Notes per teacher and kind over the year (the records and reflections of S2 七). */
export async function countNotesByTeacher(db: Db, orgId: string, schoolYear: string, teacherIds: string[]) {
  if (teacherIds.length === 0) return new Map<string, Record<string, number>>();
  const range = schoolYearRange(schoolYear);
  const rows = await db
    .select({ teacherId: studyNotes.teacherId, kind: studyNotes.kind, n: sql<number>`count(*)::int` })
    .from(studyNotes)
    .where(
      and(eq(studyNotes.orgId, orgId), inArray(studyNotes.teacherId, teacherIds), gte(studyNotes.weekStart, range.from), lte(studyNotes.weekStart, range.to)),
    )
    .groupBy(studyNotes.teacherId, studyNotes.kind);
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) out.set(r.teacherId, { ...(out.get(r.teacherId) ?? {}), [r.kind]: r.n });
  return out;
}

/** The facts the yearly verdict rests on, for one teacher, from records loaded once for all. */
export function yearFactsOf(
  teacherId: string,
  records: YearRecords,
  notes: Record<string, number> | undefined,
  policy: Policy['training'],
): YearFacts & { report: CreditReport } {
  const input = creditInputsOf(teacherId, records);
  const report = computeCredits(input.sessions, input.claims, policy);
  const sessions = new Map(records.sessions.map((s) => [s.id, s]));
  const mine = records.attendance.filter((a) => a.teacherId === teacherId);
  const absences = mine
    .filter((a) => a.status === 'absent' && sessions.get(a.sessionId)?.isCentralised)
    .map((a) => {
      const s = sessions.get(a.sessionId)!;
      return { sessionId: s.id, title: s.title, date: s.sessionDate };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  const n = notes ?? {};
  return {
    absences,
    credits: report.totalCredits,
    evidence: {
      // Present however recorded: the recorder's entry for a teacher without a phone counts (issue 13 item 5).
      signIns: mine.filter((a) => isPresentStatus(a.status)).length,
      records: (n.study_note ?? 0) + (n.record_book ?? 0),
      reflections: n.reflection ?? 0,
      sharing: n.observation ?? 0,
    },
    report,
  };
}

/** What the rest of the year can still give each teacher: hours of the scheduled sessions not yet held. */
export async function creditsStillPossible(
  db: Db,
  orgId: string,
  schoolYear: string,
  now: Date,
  policy: Policy['training'],
): Promise<(groupId: string | null) => number> {
  const upcoming = (await findSessionRows(db, orgId, schoolYearRange(schoolYear))).filter((s) => s.state === 'scheduled' && s.endsAt > now);
  return (groupId) => {
    const theirs = upcoming.filter((s) => s.audience === 'all' || s.groupId === groupId);
    const r = computeCredits(
      theirs.map((s) => ({
        sessionId: s.id,
        date: s.sessionDate,
        title: s.title,
        parts: creditPartsOf(s),
        durationMinutes: durationMinutesOf(s),
        status: 'on_time' as const,
        lateMinutes: 0,
        leftEarlyMinutes: 0,
      })),
      [],
      { ...policy, creditsPerYear: 0 },
    );
    return r.totalCredits;
  };
}

export type { RiskFacts };
