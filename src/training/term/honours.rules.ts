type Text = { zh: string; en: string };

export interface TermFacts {
  teacherId: string;
  groupId: string | null;
  unexcusedAbsences: number;
  sessionsExpected: number;
  sessionsPresent: number;
  assignmentsDue: number;
  assignmentsMissing: number;
  assignmentsLate: number;
  selfStudyWeeksDue: number;
  selfStudyWeeksMet: number;
  /** Session notes and 《校本培训记录册》 entries of the term (S1 奖惩 三 "认真做好学习记录"). */
  records: number;
  evaluationScore: number | null;
}

export interface HonourProposal {
  kind: 'commendation' | 'criticism';
  teacherId: string;
  reasons: Text[];
}

/**
 * ST-10 (S1 奖惩): meeting every requirement earns the term-end commendation; missing
 * training without leave, assignments not handed in on time, or self-study left mostly
 * undone earns public criticism (and rules out "excellent teacher"). Requirements the
 * records cannot show (upper-level training, applying what was learnt) are left to the office.
 */
export function proposeHonours(facts: TermFacts[]): HonourProposal[] {
  const out: HonourProposal[] = [];
  for (const f of facts) {
    const problems: Text[] = [];
    if (f.unexcusedAbsences > 0)
      problems.push({
        zh: `无故缺席校本培训 ${f.unexcusedAbsences} 次（奖惩 三）`,
        en: `Missed training without leave ${f.unexcusedAbsences} times (奖惩 三)`,
      });
    if (f.assignmentsMissing > 0)
      problems.push({ zh: `${f.assignmentsMissing} 项培训作业未交（奖惩 二）`, en: `${f.assignmentsMissing} assignments not handed in (奖惩 二)` });
    if (f.assignmentsLate > 0)
      problems.push({ zh: `${f.assignmentsLate} 项培训作业逾期提交（奖惩 二）`, en: `${f.assignmentsLate} assignments handed in late (奖惩 二)` });
    if (f.selfStudyWeeksDue > 0 && f.selfStudyWeeksMet * 2 < f.selfStudyWeeksDue) {
      problems.push({
        zh: `自学摘录仅 ${f.selfStudyWeeksMet}/${f.selfStudyWeeksDue} 周完成（奖惩 四）`,
        en: `Self-study done in ${f.selfStudyWeeksMet} of ${f.selfStudyWeeksDue} weeks (奖惩 四)`,
      });
    }
    if (problems.length) {
      out.push({ kind: 'criticism', teacherId: f.teacherId, reasons: problems });
      continue;
    }
    const isComplete = f.selfStudyWeeksMet >= f.selfStudyWeeksDue && f.records > 0;
    if (isComplete) {
      out.push({
        kind: 'commendation',
        teacherId: f.teacherId,
        reasons: [
          {
            zh: `按时参加校本培训 ${f.sessionsPresent}/${f.sessionsExpected} 次，无无故缺席（奖惩 三）`,
            en: `Attended ${f.sessionsPresent} of ${f.sessionsExpected} sessions, no unexcused absence (奖惩 三)`,
          },
          { zh: `培训作业 ${f.assignmentsDue} 项全部按时提交（奖惩 二）`, en: `All ${f.assignmentsDue} assignments on time (奖惩 二)` },
          { zh: `每周自学摘录全部完成，学习记录 ${f.records} 篇（奖惩 三、四）`, en: `Self-study every week, ${f.records} study records (奖惩 三、四)` },
        ],
      });
    }
  }
  return out;
}

/** A term score for choosing advanced individuals among those commended: attendance, then evaluation. */
export const termScoreOf = (f: TermFacts): number =>
  Math.round(((f.sessionsExpected ? f.sessionsPresent / f.sessionsExpected : 1) * 60 + (f.evaluationScore ?? 80) * 0.4) * 100) / 100;

export interface GroupStanding {
  groupId: string;
  teachers: number;
  attendanceRate: number;
  commended: number;
  criticised: number;
  score: number;
}

/** ST-11 (S2 六.(四)): the groups ranked by attendance and honours, for choosing the advanced group. */
export function rankGroups(facts: TermFacts[], proposals: HonourProposal[]): GroupStanding[] {
  const groups = [...new Set(facts.map((f) => f.groupId).filter((g): g is string => !!g))];
  return groups
    .map((groupId) => {
      const members = facts.filter((f) => f.groupId === groupId);
      const expected = members.reduce((n, f) => n + f.sessionsExpected, 0);
      const present = members.reduce((n, f) => n + f.sessionsPresent, 0);
      const ids = new Set(members.map((m) => m.teacherId));
      const commended = proposals.filter((p) => p.kind === 'commendation' && ids.has(p.teacherId)).length;
      const criticised = proposals.filter((p) => p.kind === 'criticism' && ids.has(p.teacherId)).length;
      const attendanceRate = expected ? Math.round((present / expected) * 1000) / 1000 : 0;
      const score = Math.round((attendanceRate * 70 + (members.length ? ((commended - criticised) / members.length) * 30 : 0)) * 100) / 100;
      return { groupId, teachers: members.length, attendanceRate, commended, criticised, score };
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * Issue 13 item 6: which ranked group may be proposed as 先进教研组 (S2 六.(四)). S1 奖惩
 * says a teacher who is criticised cannot be rated excellent; a group's excellence rests
 * on its members, so a group with anyone criticised is not proposed, and at least the
 * policy's share of its members must have earned the term-end commendation.
 */
export function isAdvancedGroupEligible(g: GroupStanding, policy: { advancedGroupMinCommendedShare: number }): boolean {
  if (g.teachers === 0 || g.criticised > 0) return false;
  return g.commended / g.teachers >= policy.advancedGroupMinCommendedShare;
}

/** Issue 13 item 6: a teacher who joined during the term owes self-study only from the week they joined. */
export function weeksOwedSince(weeks: string[], joinedOn: string | null): string[] {
  if (!joinedOn) return weeks;
  const d = new Date(`${joinedOn}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  return weeks.filter((w) => w >= monday);
}
