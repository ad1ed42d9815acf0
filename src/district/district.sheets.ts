import { defineSheet, type SheetLocale, type SheetRow } from '#core/excel';
import { HOUR_BAND_LABELS, HOUR_BANDS } from '#training';
import type { TeacherLine } from './district.contract';
import { type DistrictRead, summariseSchool, teacherLines, behindLines } from './rollup.service';

// Issue 12: the roll-up's tables as Excel, one sheet each, headers in the reader's language.

const col = (key: string, zh: string, en: string, type: 'string' | 'number' | 'integer' = 'string', width = 12) => ({ key, header: { zh, en }, type, width });
const bandCols = HOUR_BANDS.map((b) => col(b, HOUR_BAND_LABELS[b].zh, HOUR_BAND_LABELS[b].en, 'integer', 12));

export const DISTRICT_TABLES = ['overview', 'teachers', 'subjects', 'behind'] as const;
export type DistrictTable = (typeof DISTRICT_TABLES)[number];

const overviewSheet = () =>
  defineSheet({
    name: '学区总览',
    columns: [
      col('school', '学校', 'School', 'string', 22),
      col('teachers', '教师数', 'Teachers', 'integer'),
      col('averageHours', '人均学时', 'Average hours', 'number'),
      col('qualified', '合格', 'Qualified', 'integer'),
      col('unqualified', '不合格', 'Unqualified', 'integer'),
      col('qualifiedShare', '合格率', 'Share qualified', 'string'),
      col('behind', '进度落后', 'Behind', 'integer'),
      ...bandCols,
    ],
  });

const teacherCols = [
  col('school', '学校', 'School', 'string', 22),
  col('name', '姓名', 'Name'),
  col('staffNo', '工号', 'Staff no.'),
  col('subject', '学科/教研组', 'Subject / group', 'string', 14),
  col('hours', '本学年学时', 'Hours this year', 'number'),
  col('credits', '本学年学分', 'Credits this year', 'number'),
  col('requiredCredits', '应得学分', 'Credits required', 'number'),
  col('band', '学时分段', 'Hour band', 'string', 14),
  col('verdict', '年度考核', 'Yearly verdict'),
  col('reasons', '不合格原因', 'Reasons', 'string', 40),
  col('cycleHours', '周期累计学时', 'Cycle hours so far', 'number', 14),
  col('cycleRequired', '周期要求学时', 'Cycle hours required', 'number', 14),
  col('expectedByNow', '按进度应达', 'Expected by now', 'number', 12),
  col('behind', '进度落后', 'Behind', 'string', 18),
];
const teachersSheet = (name: string) => defineSheet({ name, columns: teacherCols });

const subjectsSheet = () =>
  defineSheet({
    name: '学科学时分段',
    columns: [
      col('school', '学校', 'School', 'string', 22),
      col('subject', '学科/教研组', 'Subject / group', 'string', 14),
      col('teachers', '教师数', 'Teachers', 'integer'),
      ...bandCols,
    ],
  });

const tx = (locale: SheetLocale, t: { zh: string; en: string }) => (locale === 'en' ? t.en : t.zh);

function teacherRow(l: TeacherLine, locale: SheetLocale): SheetRow {
  const en = locale === 'en';
  const behind = l.behindReasons
    .map((r) => (r === 'year' ? (en ? 'below the yearly minimum' : '本学年低于最低学时') : en ? 'behind the cycle pace' : '周期累计低于进度'))
    .join(en ? '; ' : '；');
  return {
    school: l.schoolName,
    name: l.name,
    staffNo: l.staffNo,
    subject: l.subject,
    hours: l.hours,
    credits: l.credits,
    requiredCredits: l.requiredCredits,
    band: tx(locale, HOUR_BAND_LABELS[l.band]),
    verdict: l.verdict === 'qualified' ? (en ? 'Qualified' : '合格') : en ? 'Unqualified' : '不合格',
    reasons: l.reasons.map((r) => tx(locale, r)).join('\n'),
    cycleHours: l.cycleHours,
    cycleRequired: l.cycleRequired,
    expectedByNow: l.expectedByNow,
    behind: l.isBehind ? behind : en ? 'No' : '否',
  };
}

/** One table of the roll-up as a sheet definition and its rows. */
export function districtSheet(table: DistrictTable, read: DistrictRead, locale: SheetLocale) {
  switch (table) {
    case 'overview':
      return {
        def: overviewSheet(),
        rows: read.schools.map(summariseSchool).map((s) => ({
          school: s.schoolName,
          teachers: s.teachers,
          averageHours: s.averageHours,
          qualified: s.qualified,
          unqualified: s.unqualified,
          qualifiedShare: `${Math.round(s.qualifiedShare * 1000) / 10}%`,
          behind: s.behind,
          ...s.bands,
        })),
      };
    case 'teachers':
      return { def: teachersSheet('教师学时'), rows: teacherLines(read).map((l) => teacherRow(l, locale)) };
    case 'behind':
      return { def: teachersSheet('进度落后教师'), rows: behindLines(read).map((l) => teacherRow(l, locale)) };
    case 'subjects':
      return {
        def: subjectsSheet(),
        rows: read.schools
          .map(summariseSchool)
          .flatMap((s) => s.bySubject.map((b) => ({ school: s.schoolName, subject: b.subject, teachers: b.teachers, ...b.bands }))),
      };
  }
}

export const DISTRICT_TABLE_FILES: Record<DistrictTable, { zh: string; en: string }> = {
  overview: { zh: '学区总览', en: 'district-overview' },
  teachers: { zh: '教师学时', en: 'teacher-hours' },
  subjects: { zh: '学科学时分段', en: 'hour-bands-by-subject' },
  behind: { zh: '进度落后教师', en: 'teachers-behind' },
};
