import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { localDateOf } from '#core/calendar';
import type { Db } from '#core/db';
import { notFound } from '#core/errors';
import { getPolicy } from '#core/policy';
import { bandsBy, behindList, countBands, type CyclePolicy, readSchoolTrainingRollup, type SchoolRollup, schoolYearOf, type TeacherRollup } from '#training';
import { findLinkedSchools, requireKind, visitorActor } from './link.service';
import type { SchoolSummary, TeacherLine } from './district.contract';

// Issue 12: the district office's read of its ACCEPTED schools' training. Every read writes
// one audit entry in the district and one in each school read (who, from which district, what).

export type RollupView = 'overview' | 'teachers' | 'subjects' | 'behind' | 'export';
export const ROLLUP_VIEW_LABELS: Record<RollupView, { zh: string; en: string }> = {
  overview: { zh: '学区总览', en: 'District overview' },
  teachers: { zh: '教师学时', en: 'Teacher hours' },
  subjects: { zh: '学科学时分段', en: 'Hour bands by subject' },
  behind: { zh: '进度落后教师', en: 'Teachers behind' },
  export: { zh: '导出 Excel', en: 'Excel export' },
};

export interface SchoolRead {
  school: { id: string; name: string; code: string };
  rollup: SchoolRollup;
}

export interface DistrictRead {
  schoolYear: string;
  cycle: CyclePolicy & { years: string[] };
  schools: SchoolRead[];
}

export async function readDistrictRollup(
  db: Db,
  actor: Actor,
  input: { schoolYear?: string; schoolOrgId?: string; view: RollupView },
  now: Date,
): Promise<DistrictRead> {
  requireAccess(actor, 'district.read');
  const me = await requireKind(db, actor, 'district');
  const policy = await getPolicy(db, actor.orgId);
  const zoneToday = localDateOf(now, policy.calendar.utcOffsetMinutes);
  const schoolYear = input.schoolYear ?? schoolYearOf(zoneToday);
  const linked = await findLinkedSchools(db, actor.orgId);
  // A school the district is not linked to (or whose link is not accepted) does not exist for it.
  const schools = input.schoolOrgId ? linked.filter((s) => s.id === input.schoolOrgId) : linked;
  if (input.schoolOrgId && schools.length === 0) throw notFound('学校', 'School');
  const cycle: CyclePolicy = policy.district;
  const reads: SchoolRead[] = [];
  for (const school of schools) reads.push({ school, rollup: await readSchoolTrainingRollup(db, school.id, schoolYear, now, cycle) });
  await db.transaction(async (tx) => {
    for (const { school, rollup } of reads) {
      const entry = {
        action: 'district.rollup.read',
        entity: 'district_school',
        entityId: school.id,
        after: { view: ROLLUP_VIEW_LABELS[input.view].zh, district: me.name, school: school.name, schoolYear, teachers: rollup.teachers.length },
      };
      await writeAudit(tx, actor, entry);
      await writeAudit(tx, visitorActor(actor, me.name, school.id), entry);
    }
  });
  return { schoolYear, cycle: { ...cycle, years: reads[0]?.rollup.cycleYears ?? [] }, schools: reads };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const subjectOf = (t: TeacherRollup) => t.subject?.trim() || t.groupName || '未填写';

export function summariseSchool({ school, rollup }: SchoolRead): SchoolSummary {
  const ts = rollup.teachers;
  const qualified = ts.filter((t) => t.verdict === 'qualified').length;
  return {
    schoolOrgId: school.id,
    schoolName: school.name,
    teachers: ts.length,
    averageHours: ts.length ? round1(ts.reduce((s, t) => s + t.hours, 0) / ts.length) : 0,
    qualified,
    unqualified: ts.length - qualified,
    qualifiedShare: ts.length ? Math.round((qualified / ts.length) * 1000) / 1000 : 0,
    behind: ts.filter((t) => t.progress.isBehind).length,
    bands: countBands(ts.map((t) => t.hours)),
    bySubject: bandsBy(ts, subjectOf, (t) => t.hours).map((b) => ({ subject: b.key, teachers: b.teachers, bands: b.bands })),
  };
}

function lineOf(school: SchoolRead['school'], t: TeacherRollup): TeacherLine {
  return {
    schoolOrgId: school.id,
    schoolName: school.name,
    teacherId: t.teacherId,
    name: t.name,
    staffNo: t.staffNo,
    subject: subjectOf(t),
    groupName: t.groupName,
    hours: t.hours,
    credits: t.credits,
    requiredCredits: t.requiredCredits,
    band: t.band,
    verdict: t.verdict,
    verdictSource: t.verdictSource,
    reasons: t.reasons.map((r) => r.summary),
    cycleHours: t.progress.cycleHours,
    cycleRequired: t.progress.requiredHours,
    expectedByNow: t.progress.expectedByNow,
    isBehind: t.progress.isBehind,
    behindReasons: t.progress.reasons,
  };
}

export function teacherLines(read: DistrictRead): TeacherLine[] {
  return read.schools.flatMap(({ school, rollup }) => rollup.teachers.map((t) => lineOf(school, t)));
}

/** The teachers falling behind, the furthest behind the pace first, across the schools read. */
export function behindLines(read: DistrictRead): TeacherLine[] {
  const all = read.schools.flatMap(({ school, rollup }) => rollup.teachers.map((t) => ({ school, t, progress: t.progress })));
  return behindList(all).map(({ school, t }) => lineOf(school, t));
}
