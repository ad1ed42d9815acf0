import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import { evaluationLinkToken, isEvaluationTokenValid, parseEvaluationToken, scoreOfForm, weightedScoreOf } from './evaluation.rules';

const full = { ethics: 5, teaching: 4, participation: 5, growth: 4, care: 5 };

describe('multi-source evaluation (ST-9)', () => {
  it('ST-9 a form scores the mean of its 1–5 ratings out of 100 and names what is missing', () => {
    expect(scoreOfForm(full)).toEqual({ score: 92 });
    expect(scoreOfForm({ ...full, care: 6, teaching: 0 })).toEqual({ missing: ['teaching', 'care'] });
  });

  it('ST-9 combines the five sources with the policy weights, rescaling when a source is missing', () => {
    const weights = POLICY_PRESETS.S1.training.evaluationWeights;
    const r = weightedScoreOf(
      [
        { source: 'self', score: 90 },
        { source: 'peers', score: 80 },
        { source: 'peers', score: 70 },
        { source: 'administrators', score: 85 },
        { source: 'students', score: 95 },
      ],
      weights,
    );
    expect(r.bySource.find((s) => s.source === 'peers')).toMatchObject({ count: 2, average: 75, usedWeight: 0.25 });
    expect(r.bySource.find((s) => s.source === 'parents')).toMatchObject({ count: 0, average: null, usedWeight: 0 });
    expect(r.score).toBe(86.25);
    expect(weightedScoreOf([], weights).score).toBeNull();
  });

  it('ST-9 an anonymous link is bound to its round and teacher; a changed one is refused', () => {
    const round = { id: '11111111-2222-4333-8444-555555555555', linkSecret: 's'.repeat(64) };
    const token = evaluationLinkToken(round, '99999999-8888-4777-8666-555555555555');
    const parsed = parseEvaluationToken(token)!;
    expect(parsed).toMatchObject({ roundId: round.id, teacherId: '99999999-8888-4777-8666-555555555555' });
    expect(isEvaluationTokenValid(parsed, round.linkSecret)).toBe(true);
    expect(isEvaluationTokenValid({ ...parsed, teacherId: '99999999-8888-4777-8666-555555555556' }, round.linkSecret)).toBe(false);
    expect(parseEvaluationToken('nonsense')).toBeNull();
  });
});
