import { describe, expect, it } from 'vitest';
import { checkCapacity } from './capacity.rules';
import { checkCountermeasureCover, type CountermeasureFacts, describeShortfall } from './countermeasure.rules';

// Brewing, 100 h a week over four weeks; the loads are set per week by the quantities (1 h a unit).
const groups = ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22'].map((start, k) => ({
  start,
  label: { zh: `第${k + 1}周`, en: `W${k + 1}` },
  buckets: [k],
}));
const check = (loads: number[]) =>
  checkCapacity({
    bucket: 'day',
    bucketCount: 4,
    groups,
    workshops: [{ id: 'BREW', code: 'NZ', name: '酿造车间', hours: [100, 100, 100, 100] }],
    ops: [{ itemId: 'base', workshopId: 'BREW', hoursPerUnit: 1, offsetDays: 0 }],
    planned: loads.map((qty, bucket) => ({ itemId: 'base', bucket, qty })),
    thresholds: { maxUtilisation: 1, minUtilisation: 0 },
  });
const cm = (over: Partial<CountermeasureFacts>): CountermeasureFacts => ({
  id: 'c',
  workshopId: 'BREW',
  bucketStart: groups[0].start,
  bucketEnd: null,
  description: '加班',
  extraHours: null,
  sharePct: null,
  ...over,
});

describe('countermeasures checked against the overload (PP-9, T4 第十九条, issue 14 item 2)', () => {
  it('PP-9 issue 14 item 2: a 1 h entry does not cover a 17.5 h overload; 17.5 h does', () => {
    const view = check([117.5, 50, 50, 50]);
    const short = checkCountermeasureCover(view, [cm({ id: 'one', extraHours: 1 })]);
    expect(short.uncovered.map((o) => [o.start, o.excessHours, o.coveredHours, o.missingHours])).toEqual([[groups[0].start, 17.5, 1, 16.5]]);
    expect(short.countermeasures).toEqual([{ id: 'one', usedHours: 1, answers: [groups[0].start], isSufficient: false }]);
    expect(describeShortfall(short.uncovered[0], 'zh')).toBe('酿造车间 第1周 负荷 118%，超出 17.5 小时，应对措施只解决 1 小时，尚差 16.5 小时');
    expect(checkCountermeasureCover(view, [cm({ extraHours: 17.5 })]).uncovered).toEqual([]);
  });

  it('PP-9 issue 14 item 2: a re-check after the v2 adjustment raised the load invalidates the old, too small answer', () => {
    const answer = cm({ id: 'old', extraHours: 17.5 });
    expect(checkCountermeasureCover(check([117.5, 50, 50, 50]), [answer]).uncovered).toEqual([]);
    const v2 = checkCountermeasureCover(check([193, 50, 50, 50]), [answer]);
    expect(v2.uncovered.map((o) => o.missingHours)).toEqual([75.5]);
    expect(v2.countermeasures[0].isSufficient).toBe(false);
  });

  it('PP-9 issue 14 item 2: one monthly answer ("加班 70 h") covers a workshop’s over weeks until its hours run out', () => {
    const month = cm({ id: 'month', bucketEnd: groups[3].start, extraHours: 70, description: '本月加班 70 h' });
    // Weeks 1, 2 and 4 over by 30, 25 and 15 h: 70 h covers them all.
    const enough = checkCountermeasureCover(check([130, 125, 80, 115]), [month]);
    expect(enough.uncovered).toEqual([]);
    expect(enough.countermeasures[0]).toMatchObject({ usedHours: 70, answers: [groups[0].start, groups[1].start, groups[3].start], isSufficient: true });
    // Week 4 at 125 %: the pool is spent on the earlier weeks, 10 h are missing in week 4.
    const short = checkCountermeasureCover(check([130, 125, 80, 125]), [month]);
    expect(short.uncovered.map((o) => [o.start, o.missingHours])).toEqual([[groups[3].start, 10]]);
    // A one-week answer is used on its own week first, the monthly pool then reaches week 4.
    const both = checkCountermeasureCover(check([130, 125, 80, 125]), [month, cm({ id: 'w1', extraHours: 10 })]);
    expect(both.uncovered).toEqual([]);
  });

  it('PP-9 issue 14 item 2: a share moved or outsourced covers that share of each spanned period’s load', () => {
    const view = check([117.5, 50, 50, 50]);
    // 15 % of 117.5 h = 17.6 h ≥ 17.5 h over; 10 % = 11.75 h is not enough.
    expect(checkCountermeasureCover(view, [cm({ sharePct: 15, description: '外协 15%' })]).uncovered).toEqual([]);
    expect(checkCountermeasureCover(view, [cm({ sharePct: 10 })]).uncovered[0].missingHours).toBe(5.75);
  });

  it('PP-9 issue 14 item 2: an answer for another workshop or week answers nothing here', () => {
    const view = check([117.5, 50, 50, 50]);
    expect(checkCountermeasureCover(view, [cm({ workshopId: 'FILL', extraHours: 100 })]).uncovered).toHaveLength(1);
    expect(checkCountermeasureCover(view, [cm({ bucketStart: groups[1].start, extraHours: 100 })]).uncovered).toHaveLength(1);
  });
});
