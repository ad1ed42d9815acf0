import { describe, expect, it } from 'vitest';
import { makeCalendar } from '#core/calendar';
import { POLICY_PRESETS } from '#core/policy';
import { expandStandingSchedule } from './schedule.rules';

const groups = [
  { id: 'g-cn', name: '语文教研组' },
  { id: 'g-ma', name: '数学教研组' },
  { id: 'g-zh', name: '综合教研组' },
];
const slots = POLICY_PRESETS.S1.training.standingSchedule;

describe('standing weekly schedule (ST-2)', () => {
  it('ST-2 generates Monday political study for all, Wednesday Chinese, Thursday maths and Friday research per group', () => {
    const calendar = makeCalendar([6, 7], []);
    const week = expandStandingSchedule(slots, { from: '2026-03-02', to: '2026-03-08' }, calendar, groups, 480);
    expect(week.occurrences.map((o) => `${o.date} ${o.slotCode} ${o.groupId ?? 'all'}`)).toEqual([
      '2026-03-02 political all',
      '2026-03-04 chinese g-cn',
      '2026-03-05 maths g-ma',
      '2026-03-06 research g-cn',
      '2026-03-06 research g-ma',
      '2026-03-06 research g-zh',
    ]);
    const monday = week.occurrences[0];
    // 16:30 Beijing time is 08:30 UTC.
    expect(monday.startsAt.toISOString()).toBe('2026-03-02T08:30:00.000Z');
    expect(monday.endsAt.toISOString()).toBe('2026-03-02T09:30:00.000Z');
    expect(week.occurrences[3].title.zh).toBe('校本教研（语文教研组）');
  });

  it('ST-2 skips holidays and reports them, and keeps make-up working days', () => {
    const calendar = makeCalendar(
      [6, 7],
      [
        { date: '2026-04-06', name: '清明节', isWorkday: false },
        { date: '2026-04-03', name: '清明节', isWorkday: false },
      ],
    );
    const r = expandStandingSchedule(slots, { from: '2026-04-01', to: '2026-04-07' }, calendar, groups, 480);
    expect(r.skipped).toEqual([
      { date: '2026-04-03', slotCode: 'research', reason: { zh: '节假日：清明节', en: 'Holiday: 清明节' } },
      { date: '2026-04-06', slotCode: 'political', reason: { zh: '节假日：清明节', en: 'Holiday: 清明节' } },
    ]);
    expect(r.occurrences.map((o) => o.date)).toEqual(['2026-04-01', '2026-04-02']);
  });

  it('ST-2 gives every occurrence a stable key so generating twice adds nothing', () => {
    const calendar = makeCalendar([6, 7], []);
    const a = expandStandingSchedule(slots, { from: '2026-03-02', to: '2026-03-31' }, calendar, groups, 480);
    const b = expandStandingSchedule(slots, { from: '2026-03-02', to: '2026-03-31' }, calendar, groups, 480);
    expect(a.occurrences.map((o) => o.generationKey)).toEqual(b.occurrences.map((o) => o.generationKey));
    expect(new Set(a.occurrences.map((o) => o.generationKey)).size).toBe(a.occurrences.length);
  });

  it('ST-2 reports a slot whose group the school lacks instead of inventing one', () => {
    const r = expandStandingSchedule(slots, { from: '2026-03-02', to: '2026-03-08' }, makeCalendar([6, 7], []), [groups[0]], 480);
    expect(r.problems[0].zh).toContain('数学教研组');
    expect(r.occurrences.some((o) => o.slotCode === 'maths')).toBe(false);
  });
});
