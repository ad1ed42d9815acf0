import { schoolTimeText } from '../common';
import { labelOfCode } from './archive.labels';
import { type ArchiveSheet, buildArchiveWorkbook, col } from './archive.workbook';
import type { SchoolArchive } from './school-archive.service';
import type { TeacherArchive } from './teacher-archive.service';

type Locale = 'zh-CN' | 'en';
const STATUS: Record<string, string> = { on_time: '按时', late: '迟到', left_early: '早退', absent: '缺席', excused: '请假' };

/** ST-8: one teacher's archive of a year as a workbook of clean tables; times on the school's clock (issue 13 item 10). */
export function exportTeacherArchive(a: TeacherArchive, locale: Locale, utcOffsetMinutes: number): Promise<Buffer> {
  const verdictText = (v: string) => labelOfCode(v, locale) as string;
  const sheets: ArchiveSheet[] = [
    {
      name: { zh: '参训记录', en: 'Training attended' },
      columns: [
        col('date', '日期', 'Date', 12),
        col('title', '培训', 'Session', 24),
        col('status', '考勤', 'Attendance', 10),
        col('late', '迟到分钟', 'Late min', 10),
        col('early', '早退分钟', 'Early min', 10),
      ],
      rows: a.sessions.map((s) => ({
        date: s.date,
        title: s.title,
        status: locale === 'en' ? s.status : (STATUS[s.status] ?? s.status),
        late: s.lateMinutes,
        early: s.leftEarlyMinutes,
      })),
    },
    {
      name: { zh: '学分明细', en: 'Credits' },
      columns: [
        col('date', '日期', 'Date', 12),
        col('title', '项目', 'Item', 24),
        col('category', '类别', 'Category', 16),
        col('hours', '学时', 'Hours', 8),
        col('credits', '学分', 'Credits', 8),
        col('why', '说明', 'Why', 50),
      ],
      rows: a.credits.lines.map((l) => ({
        date: l.date,
        title: l.title,
        category: l.category,
        hours: l.hours,
        credits: l.credits,
        why: l.notes.map((n) => (locale === 'en' ? n.en : n.zh)).join('；'),
      })),
    },
    {
      name: { zh: '学习笔记与反思', en: 'Notes and reflections' },
      columns: [
        col('week', '周', 'Week', 12),
        col('kind', '类型', 'Kind', 16),
        col('title', '标题', 'Title', 24),
        col('source', '出处', 'Source', 16),
        col('content', '内容', 'Content', 60),
      ],
      rows: a.notes.map((n) => ({ week: n.weekStart, kind: n.kind, title: n.title, source: n.source, content: n.content })),
    },
    {
      name: { zh: '作业与成果', en: 'Assignments' },
      columns: [
        col('title', '作业', 'Assignment', 24),
        col('kind', '类型', 'Kind', 14),
        col('submittedAt', '提交时间', 'Handed in', 20),
        col('isLate', '逾期', 'Late', 8),
        col('review', '审阅', 'Review', 10),
      ],
      rows: a.submissions.map((s) => ({
        title: s.title,
        kind: s.kind,
        submittedAt: schoolTimeText(s.submittedAt, utcOffsetMinutes),
        isLate: s.isLate,
        review: s.reviewState,
      })),
    },
    {
      name: { zh: '四个一', en: 'Four ones' },
      columns: [col('item', '项目', 'Item', 16), col('title', '内容', 'Title', 30), col('completedOn', '完成日期', 'Done on', 12)],
      rows: a.fourOnes.map((o) => ({ item: o.item, title: o.title, completedOn: o.completedOn })),
    },
    {
      name: { zh: '校外培训', en: 'External training' },
      columns: [
        col('title', '培训', 'Training', 24),
        col('kind', '级别', 'Level', 12),
        col('hours', '申请学时', 'Hours claimed', 12),
        col('recognised', '认定学时', 'Recognised', 12),
        col('state', '状态', 'State', 10),
      ],
      rows: a.claims.map((c) => ({ title: c.title, kind: c.kind, hours: c.hours, recognised: c.recognisedHours, state: c.state })),
    },
    {
      name: { zh: '请假备案', en: 'Leave on file' },
      columns: [col('date', '日期', 'Date', 12), col('session', '培训', 'Session', 24), col('reason', '事由', 'Reason', 30), col('state', '状态', 'State', 10)],
      rows: a.leave.map((l) => ({ date: l.sessionDate, session: l.sessionTitle, reason: l.reason, state: l.state })),
    },
    {
      name: { zh: '结对与骨干', en: 'Mentoring and backbone' },
      columns: [col('kind', '类别', 'Kind', 14), col('title', '内容', 'What', 40), col('date', '日期', 'Date', 12), col('hours', '学时', 'Hours', 8)],
      rows: [
        ...a.mentoring.flatMap((p) =>
          p.records.map((r) => ({ kind: p.role === 'mentor' ? '带徒' : '拜师', title: r.content, date: r.occurredOn, hours: null })),
        ),
        ...a.backbone.map((h) => ({ kind: h.kind === 'theory' ? '骨干理论' : '骨干实践', title: h.title, date: h.occurredOn, hours: h.hours })),
      ],
    },
    {
      name: { zh: '考核与表彰', en: 'Verdict and honours' },
      columns: [col('kind', '类别', 'Kind', 14), col('result', '结果', 'Result', 14), col('why', '依据', 'Basis', 60)],
      rows: [
        ...(a.assessment
          ? [
              {
                kind: '年度考核',
                result: verdictText(a.assessment.verdict),
                why: a.assessment.reasons.map((r) => `${r.clause}：${locale === 'en' ? r.summary.en : r.summary.zh}`).join('；'),
              },
            ]
          : []),
        ...a.honours.map((h) => ({ kind: h.kind, result: `第${h.term}学期`, why: h.reasons.map((r) => (locale === 'en' ? r.en : r.zh)).join('；') })),
        ...a.evaluations.map((e) => ({ kind: '多元评价', result: e.score === null ? '' : String(e.score), why: e.title })),
      ],
    },
  ];
  return buildArchiveWorkbook(sheets, locale);
}

/** ST-8: the school's training archive of a year as a workbook of clean tables. */
export function exportSchoolArchive(a: SchoolArchive, locale: Locale): Promise<Buffer> {
  const verdictText = (v: string) => labelOfCode(v, locale) as string;
  const sheets: ArchiveSheet[] = [
    {
      name: { zh: '培训计划', en: 'Plans' },
      columns: [
        col('number', '编号', 'Number', 16),
        col('title', '标题', 'Title', 30),
        col('kind', '类型', 'Kind', 10),
        col('term', '学期', 'Term', 8),
        col('state', '状态', 'State', 10),
        col('goals', '目标', 'Goals', 40),
      ],
      rows: a.plans.map((p) => ({ number: p.number, title: p.title, kind: p.kind, term: p.term, state: p.state, goals: p.goals })),
    },
    {
      name: { zh: '培训场次', en: 'Sessions' },
      columns: [
        col('date', '日期', 'Date', 12),
        col('title', '培训', 'Session', 24),
        col('trainer', '主讲人', 'Trainer', 10),
        col('recorder', '记录员', 'Recorder', 10),
        col('outline', '提纲', 'Outline', 10),
        col('minutes', '活动记录', 'Minutes', 10),
        col('present', '到', 'Present', 6),
        col('absent', '缺', 'Absent', 6),
        col('excused', '假', 'Leave', 6),
      ],
      rows: a.sessions.map((s) => ({
        date: s.sessionDate,
        title: s.title,
        trainer: s.trainerDisplay,
        recorder: s.recorderName,
        outline: s.outlineStatus,
        minutes: s.minutes ? '有' : '无',
        present: s.attendance.present,
        absent: s.attendance.absent,
        excused: s.attendance.excused,
      })),
    },
    {
      name: { zh: '学分', en: 'Credits' },
      columns: [
        col('staffNo', '工号', 'Staff no.', 10),
        col('name', '姓名', 'Name', 10),
        col('group', '教研组', 'Group', 14),
        col('credits', '学分', 'Credits', 8),
        col('isMet', '达标', 'Met', 8),
      ],
      rows: a.credits.map((c) => ({ staffNo: c.staffNo, name: c.name, group: c.groupName, credits: c.totalCredits, isMet: c.isMet })),
    },
    {
      name: { zh: '考核结果', en: 'Verdicts' },
      columns: [
        col('staffNo', '工号', 'Staff no.', 10),
        col('name', '姓名', 'Name', 10),
        col('verdict', '等次', 'Verdict', 10),
        col('why', '依据', 'Basis', 60),
      ],
      rows: a.assessments.map((x) => ({
        staffNo: x.staffNo,
        name: x.teacherName,
        verdict: verdictText(x.verdict),
        why: x.reasons.map((r) => `${r.clause}：${locale === 'en' ? r.summary.en : r.summary.zh}`).join('；'),
      })),
    },
    {
      name: { zh: '请假备案', en: 'Leave' },
      columns: [
        col('date', '日期', 'Date', 12),
        col('teacher', '教师', 'Teacher', 10),
        col('session', '培训', 'Session', 24),
        col('reason', '事由', 'Reason', 30),
        col('state', '状态', 'State', 10),
      ],
      rows: a.leave.map((l) => ({ date: l.sessionDate, teacher: l.teacherName, session: l.sessionTitle, reason: l.reason, state: l.state })),
    },
    {
      name: { zh: '活动与作业', en: 'Activities and assignments' },
      columns: [col('type', '类别', 'Type', 10), col('kind', '类型', 'Kind', 16), col('title', '名称', 'Title', 30), col('date', '日期', 'Date', 12)],
      rows: [
        ...a.activities.map((x) => ({ type: '活动', kind: x.kind, title: x.title, date: x.heldOn })),
        ...a.assignments.map((x) => ({ type: '作业', kind: x.kind, title: x.title, date: x.dueOn })),
      ],
    },
    {
      name: { zh: '表彰与总结', en: 'Honours and summaries' },
      columns: [col('type', '类别', 'Type', 14), col('who', '对象', 'Who', 14), col('text', '内容', 'Text', 70)],
      rows: [
        ...a.honours.map((h) => ({ type: h.kind, who: h.teacherName ?? '', text: h.reasons.map((r) => (locale === 'en' ? r.en : r.zh)).join('；') })),
        ...a.summaries.map((s) => ({ type: `第${s.term}学期总结`, who: '', text: `成绩：${s.achievements}\n问题：${s.problems}\n改进：${s.improvements}` })),
      ],
    },
  ];
  return buildArchiveWorkbook(sheets, locale);
}
