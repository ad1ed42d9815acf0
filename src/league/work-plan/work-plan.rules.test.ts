import { describe, expect, it } from 'vitest';
import { biweeklyDates, DEFAULT_CRITERIA, missingFlagWeeks, mondaysBetween, S5_MONTHS, scoreBlackboard } from './work-plan.rules';

describe('league work plan (YL-2, YL-3)', () => {
  it('YL-2 the S5 template has the five themed education months, February to June', () => {
    expect(S5_MONTHS.map((m) => `${m.month}:${m.theme}`)).toEqual(['2:习惯养成教育月', '3:学雷锋活动月', '4:传统美德教育月', '5:学校安全教育月', '6:总结实践月']);
    expect(S5_MONTHS.find((m) => m.month === 5)?.activities).toContain('九年级团籍转出');
  });

  it('YL-3 one flag-raising every Monday; weeks begun without a theme are listed', () => {
    const weeks = mondaysBetween('2026-02-25', '2026-03-20');
    expect(weeks).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(missingFlagWeeks(weeks, new Set(['2026-03-02']), '2026-03-10')).toEqual(['2026-03-09']);
  });

  it('YL-3 blackboard checks every two weeks, scored against the published criteria', () => {
    expect(biweeklyDates('2026-03-06', '2026-04-10')).toEqual(['2026-03-06', '2026-03-20', '2026-04-03']);
    const full = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.item, c.points - 2]));
    expect(scoreBlackboard(DEFAULT_CRITERIA, full)).toEqual({ total: 92 });
    expect(scoreBlackboard(DEFAULT_CRITERIA, { ...full, 按时更换: 25 })).toMatchObject({ problem: { zh: '“按时更换”须评 0–20 分' } });
  });
});
