import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import { checkDates, DEFAULT_CRITERIA, missingFlagWeeks, scoreBlackboard, templateItems, weekdaysBetween } from './work-plan.rules';

const S5 = POLICY_PRESETS.S2.league;

describe('league work plan (YL-2, YL-3)', () => {
  it('YL-2 the S5 themed months (policy league.themedMonths) run February to June and become plan items', () => {
    expect(S5.themedMonths.map((m) => `${m.month}:${m.theme}`)).toEqual([
      '2:习惯养成教育月',
      '3:学雷锋活动月',
      '4:传统美德教育月',
      '5:学校安全教育月',
      '6:总结实践月',
    ]);
    const items = templateItems(S5.themedMonths);
    expect(items.find((i) => i.title === '九年级团籍转出')).toMatchObject({ month: 5, theme: '学校安全教育月' });
    // issue 13 item 13: a school's own months replace S5's; an empty theme is no theme.
    expect(templateItems([{ month: 3, theme: '', activities: ['植树节志愿活动'] }])).toEqual([{ month: 3, theme: null, title: '植树节志愿活动', sort: 0 }]);
  });

  it('YL-3 one flag-raising every Monday; weeks begun without a theme are listed', () => {
    const weeks = weekdaysBetween('2026-02-25', '2026-03-20', S5.flagRaisingWeekday);
    expect(weeks).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(missingFlagWeeks(weeks, new Set(['2026-03-02']), '2026-03-10')).toEqual(['2026-03-09']);
  });

  it('issue 13 item 13: a school that raises the flag on Fridays gets its Fridays', () => {
    expect(weekdaysBetween('2026-02-25', '2026-03-20', 5)).toEqual(['2026-02-27', '2026-03-06', '2026-03-13', '2026-03-20']);
  });

  it('YL-3 blackboard checks every two weeks, scored against the published criteria', () => {
    expect(checkDates('2026-03-06', '2026-04-10', S5.blackboardEveryDays)).toEqual(['2026-03-06', '2026-03-20', '2026-04-03']);
    // issue 13 item 13: a weekly interval from the policy gives weekly checks.
    expect(checkDates('2026-03-06', '2026-03-27', 7)).toEqual(['2026-03-06', '2026-03-13', '2026-03-20', '2026-03-27']);
    const full = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.item, c.points - 2]));
    expect(scoreBlackboard(DEFAULT_CRITERIA, full)).toEqual({ total: 92 });
    expect(scoreBlackboard(DEFAULT_CRITERIA, { ...full, 按时更换: 25 })).toMatchObject({ problem: { zh: '“按时更换”须评 0–20 分' } });
  });
});
