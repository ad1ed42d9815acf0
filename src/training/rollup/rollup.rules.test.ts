import { describe, expect, it } from 'vitest';
import { bandOf, bandsBy, behindList, countBands, cycleOf, cycleProgress, yearElapsed } from './rollup.rules';

const policy = { cycleYears: 5, cycleHours: 360, yearlyMinHours: 72, cycleStartYear: 2026 };

describe('issue 12 district roll-up rules', () => {
  it('issue 12 national bands of annual hours: ≤ 36, 37–72, 73–108, ≥ 109 with no gap between bounds', () => {
    expect([0, 36, 36.5, 37, 72, 72.01, 73, 108, 108.5, 109, 400].map(bandOf)).toEqual([
      'le36',
      'le36',
      'h37to72',
      'h37to72',
      'h37to72',
      'h73to108',
      'h73to108',
      'h73to108',
      'ge109',
      'ge109',
      'ge109',
    ]);
    expect(countBands([10, 40, 80, 120, 130])).toEqual({ le36: 1, h37to72: 1, h73to108: 1, ge109: 2 });
  });

  it('issue 12 bands by subject count each subject’s teachers', () => {
    const rows = [
      { s: '语文', h: 10 },
      { s: '数学', h: 80 },
      { s: '语文', h: 75 },
    ];
    expect(
      bandsBy(
        rows,
        (r) => r.s,
        (r) => r.h,
      ),
    ).toEqual([
      { key: '语文', teachers: 2, bands: { le36: 1, h37to72: 0, h73to108: 1, ge109: 0 } },
      { key: '数学', teachers: 1, bands: { le36: 0, h37to72: 0, h73to108: 1, ge109: 0 } },
    ]);
  });

  it('issue 12 the five-year cycle holding a school year, forwards and backwards from the start year', () => {
    expect(cycleOf('2026-2027', policy)).toEqual({ years: ['2026-2027', '2027-2028', '2028-2029', '2029-2030', '2030-2031'], index: 0 });
    expect(cycleOf('2028-2029', policy).index).toBe(2);
    expect(cycleOf('2031-2032', policy)).toMatchObject({ index: 0, years: expect.arrayContaining(['2035-2036']) });
    expect(cycleOf('2025-2026', policy)).toMatchObject({ index: 4, years: ['2021-2022', '2022-2023', '2023-2024', '2024-2025', '2025-2026'] });
    expect(cycleOf('2026-2027', { cycleYears: 3, cycleStartYear: 2024 })).toEqual({ years: ['2024-2025', '2025-2026', '2026-2027'], index: 2 });
  });

  it('issue 12 cycle progress: 360 学时 over five years with 72 a year; behind on the year or on the pace', () => {
    const onPace = cycleProgress({ '2026-2027': 80, '2027-2028': 75 }, '2027-2028', policy);
    expect(onPace).toEqual({ cycleHours: 155, requiredHours: 360, expectedByNow: 144, remainingHours: 205, yearHours: 75, isBehind: false, reasons: [] });
    // A weak second year behind a strong first: below the yearly minimum, still on the pace.
    expect(cycleProgress({ '2026-2027': 120, '2027-2028': 40 }, '2027-2028', policy).reasons).toEqual(['year']);
    // A year of the next cycle does not count; a year before the one looked at does.
    const behind = cycleProgress({ '2026-2027': 30, '2027-2028': 73, '2031-2032': 200 }, '2027-2028', policy);
    expect(behind).toMatchObject({ cycleHours: 103, expectedByNow: 144, isBehind: true, reasons: ['cycle'] });
    expect(cycleProgress({}, '2026-2027', { ...policy, yearlyMinHours: 0 }).isBehind).toBe(false);
    // The pace never asks more than the cycle total.
    expect(cycleProgress({}, '2030-2031', { ...policy, yearlyMinHours: 100 }).expectedByNow).toBe(360);
  });

  it('issue 12 the behind list keeps only teachers behind, the furthest behind first', () => {
    const row = (name: string, hours: Record<string, number>) => ({ name, progress: cycleProgress(hours, '2026-2027', policy) });
    const list = behindList([row('甲', { '2026-2027': 80 }), row('乙', { '2026-2027': 50 }), row('丙', { '2026-2027': 10 })]);
    expect(list.map((r) => r.name)).toEqual(['丙', '乙']);
  });
});

describe('issue 12: a school year in progress is judged against its pace', () => {
  const policy = { cycleYears: 5, cycleHours: 360, yearlyMinHours: 72, cycleStartYear: 2026 };
  it('issue 12: the share of the school year passed is 0 before it, 1 after it, and the days between', () => {
    expect(yearElapsed('2026-2027', '2026-08-31')).toBe(0);
    expect(yearElapsed('2026-2027', '2027-08-31')).toBe(1);
    expect(yearElapsed('2026-2027', '2027-09-01')).toBe(1);
    expect(yearElapsed('2026-2027', '2026-09-01')).toBeCloseTo(1 / 365, 6);
    expect(yearElapsed('2026-2027', '2027-03-01')).toBeCloseTo(182 / 365, 6);
  });

  it('issue 12: in December 41 学时 is on pace for a 72-学时 year; 10 is behind; a finished year keeps the full minimum', () => {
    const december = yearElapsed('2026-2027', '2026-12-07');
    expect(cycleProgress({ '2026-2027': 41 }, '2026-2027', policy, december).isBehind).toBe(false);
    const behind = cycleProgress({ '2026-2027': 10 }, '2026-2027', policy, december);
    expect(behind.reasons).toEqual(['year', 'cycle']);
    expect(behind.expectedByNow).toBeCloseTo(72 * december, 1);
    expect(cycleProgress({ '2026-2027': 41 }, '2026-2027', policy, 1).reasons).toEqual(['year', 'cycle']);
  });
});
