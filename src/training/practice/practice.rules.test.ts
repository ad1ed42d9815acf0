import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import { activityCoverageOf, fourOnesProgressOf, submissionStatusOf } from './practice.rules';

describe('four ones, assignments and semester activities', () => {
  it('ST-14 the four ones are met when each item is done as often as the policy asks', () => {
    const policy = POLICY_PRESETS.T5.training.fourOnes;
    const p = fourOnesProgressOf([{ item: 'book' }, { item: 'demo_lesson' }, { item: 'lesson_evaluation' }], policy);
    expect(p.items.map((i) => [i.item, i.isMet])).toEqual([
      ['book', true],
      ['demo_lesson', true],
      ['lesson_evaluation', true],
      ['narrative', false],
    ]);
    expect(p.isMet).toBe(false);
    expect(fourOnesProgressOf([{ item: 'book' }, { item: 'demo_lesson' }, { item: 'lesson_evaluation' }, { item: 'narrative' }], policy).isMet).toBe(true);
  });

  it('ST-15 an assignment is open until its due day, then missing; a submission shows late, accepted or returned', () => {
    expect(submissionStatusOf('2026-03-20', null, '2026-03-20')).toBe('open');
    expect(submissionStatusOf('2026-03-20', null, '2026-03-21')).toBe('missing');
    expect(submissionStatusOf('2026-03-20', { isLate: true, reviewState: 'submitted' }, '2026-03-25')).toBe('late');
    expect(submissionStatusOf('2026-03-20', { isLate: false, reviewState: 'accepted' }, '2026-03-25')).toBe('accepted');
    expect(submissionStatusOf('2026-03-20', { isLate: false, reviewState: 'returned' }, '2026-03-25')).toBe('returned');
  });

  it('ST-16 each semester needs every kind of activity at least once (policy)', () => {
    const c = activityCoverageOf(
      [{ kind: 'experience_exchange' }, { kind: 'case_analysis' }, { kind: 'observation' }],
      POLICY_PRESETS.S1.training.activitiesPerSemester,
    );
    expect(c.kinds.filter((k) => !k.isMet).map((k) => k.kind)).toEqual(['lesson_design']);
    expect(c.isMet).toBe(false);
  });
});
