import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import { summariseSelfStudy, weeksBetween } from './study.rules';

describe('self-study quota (ST-5)', () => {
  const weeks = weeksBetween('2026-03-02', '2026-03-16');

  it('ST-5 a week is met with one article excerpt and one information excerpt (S1 学习制度 4)', () => {
    const s = summariseSelfStudy(
      [
        { kind: 'article_excerpt', weekStart: '2026-03-02', source: '人民教育' },
        { kind: 'information_excerpt', weekStart: '2026-03-02', source: '人民教育' },
        { kind: 'article_excerpt', weekStart: '2026-03-09', source: '小学语文教师' },
        { kind: 'reflection', weekStart: '2026-03-09', source: null },
      ],
      weeks,
      '2026-03-16',
      POLICY_PRESETS.S1.training.weeklySelfStudy,
    );
    expect(weeks).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(s.weeks.map((w) => w.isMet)).toEqual([true, false, false]);
    expect(s).toMatchObject({ weeksMet: 1, weeksDue: 2, journals: ['人民教育', '小学语文教师'], journalsRequired: 1, isJournalMet: true });
  });

  it('ST-5 S4 asks for two journals', () => {
    const s = summariseSelfStudy(
      [{ kind: 'article_excerpt', weekStart: '2026-03-02', source: '人民教育' }],
      weeks,
      '2026-03-16',
      POLICY_PRESETS.S4.training.weeklySelfStudy,
    );
    expect(s).toMatchObject({ journalsRequired: 2, isJournalMet: false });
  });
});
