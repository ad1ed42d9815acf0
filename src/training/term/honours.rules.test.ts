import { describe, expect, it } from 'vitest';
import { proposeHonours, rankGroups, type TermFacts, termScoreOf } from './honours.rules';

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
