import { describe, expect, it } from 'vitest';
import { isAdvancedGroupEligible, proposeHonours, rankGroups, type TermFacts, termScoreOf, weeksOwedSince } from './honours.rules';

const facts = (over: Partial<TermFacts>): TermFacts => ({
  teacherId: 't',
  groupId: 'g1',
  unexcusedAbsences: 0,
  sessionsExpected: 20,
  sessionsPresent: 20,
  assignmentsDue: 2,
  assignmentsMissing: 0,
  assignmentsLate: 0,
  selfStudyWeeksDue: 16,
  selfStudyWeeksMet: 16,
  records: 5,
  evaluationScore: 90,
  ...over,
});

describe('term-end honours (ST-10, ST-11)', () => {
  it('ST-10 commends a teacher who met every requirement, with the reasons', () => {
    const [p] = proposeHonours([facts({ teacherId: 'a' })]);
    expect(p.kind).toBe('commendation');
    expect(p.reasons.map((r) => r.zh)).toContain('培训作业 2 项全部按时提交（奖惩 二）');
  });

  it('ST-10 criticises absences without leave, missing or late assignments and neglected self-study', () => {
    const [p] = proposeHonours([facts({ teacherId: 'b', unexcusedAbsences: 1, assignmentsMissing: 1, selfStudyWeeksMet: 5 })]);
    expect(p.kind).toBe('criticism');
    expect(p.reasons.map((r) => r.zh)).toEqual(['无故缺席校本培训 1 次（奖惩 三）', '1 项培训作业未交（奖惩 二）', '自学摘录仅 5/16 周完成（奖惩 四）']);
  });

  it('ST-10 proposes nothing for a teacher who did the essentials but not everything', () => {
    expect(proposeHonours([facts({ selfStudyWeeksMet: 12 })])).toEqual([]);
  });

  it('ST-11 ranks groups by attendance and honours, and teachers by a term score', () => {
    const all = [facts({ teacherId: 'a', groupId: 'g1' }), facts({ teacherId: 'b', groupId: 'g2', sessionsPresent: 15, unexcusedAbsences: 2 })];
    const ranking = rankGroups(all, proposeHonours(all));
    expect(ranking.map((g) => g.groupId)).toEqual(['g1', 'g2']);
    expect(ranking[0]).toMatchObject({ attendanceRate: 1, commended: 1 });
    expect(termScoreOf(all[0])).toBeGreaterThan(termScoreOf(all[1]));
  });
});

describe('term-end proposals after a term played through (issue 13 item 6)', () => {
  const policy = { advancedGroupMinCommendedShare: 0.5 };
  const g = (over: Partial<Parameters<typeof isAdvancedGroupEligible>[0]>) => ({
    groupId: 'g',
    teachers: 14,
    attendanceRate: 0.9,
    commended: 8,
    criticised: 0,
    score: 70,
    ...over,
  });

  it('ST-11 issue 13 item 6: a group with 0 commended and 14 criticised is never proposed as 先进教研组', () => {
    expect(isAdvancedGroupEligible(g({ commended: 0, criticised: 14 }), policy)).toBe(false);
  });

  it('ST-11 issue 13 item 6 (S1 奖惩): one criticised member rules the group out; half commended qualifies, less does not', () => {
    expect(isAdvancedGroupEligible(g({ commended: 13, criticised: 1 }), policy)).toBe(false);
    expect(isAdvancedGroupEligible(g({ commended: 7 }), policy)).toBe(true);
    expect(isAdvancedGroupEligible(g({ commended: 6 }), policy)).toBe(false);
    expect(isAdvancedGroupEligible(g({ commended: 6 }), { advancedGroupMinCommendedShare: 0.4 })).toBe(true);
    expect(isAdvancedGroupEligible(g({ teachers: 0, commended: 0 }), policy)).toBe(false);
  });

  it('ST-10 issue 13 item 6: a teacher who joined in October owes self-study from the week they joined, not from September', () => {
    const weeks = ['2025-09-01', '2025-09-08', '2025-09-29', '2025-10-06', '2025-10-13'];
    expect(weeksOwedSince(weeks, '2025-10-08')).toEqual(['2025-10-06', '2025-10-13']);
    expect(weeksOwedSince(weeks, null)).toEqual(weeks);
    expect(weeksOwedSince(weeks, '2020-01-01')).toEqual(weeks);
  });
});
