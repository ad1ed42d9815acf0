import { afterEach, describe, expect, it, vi } from 'vitest';
import { BAND_LABELS, currentSchoolYear, HOUR_BANDS, schoolYearOptions } from './district.types';

// Issue 16: the district pages' school year (September to August).
describe('district school year (district.types.ts)', () => {
  afterEach(() => vi.useRealTimers());

  it('issue 16: a school year runs from September to the next August', () => {
    expect(currentSchoolYear(new Date(2026, 8, 1))).toBe('2026-2027');
    expect(currentSchoolYear(new Date(2026, 11, 7))).toBe('2026-2027');
    expect(currentSchoolYear(new Date(2027, 7, 31))).toBe('2026-2027');
    expect(currentSchoolYear(new Date(2027, 0, 1))).toBe('2026-2027');
    expect(currentSchoolYear(new Date(2026, 7, 31))).toBe('2025-2026');
  });

  it('issue 16: offers the current school year and the four before it, newest first', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 7));
    expect(schoolYearOptions()).toEqual(['2026-2027', '2025-2026', '2024-2025', '2023-2024', '2022-2023']);
  });

  it('issue 16: every hour band has a label in both languages', () => {
    expect(HOUR_BANDS.map((b) => BAND_LABELS[b].zh)).toEqual(['≤36 学时', '37–72 学时', '73–108 学时', '≥109 学时']);
  });
});
