import { afterEach, describe, expect, it, vi } from 'vitest';
import { setOrgUtcOffset } from '../../ui/time';
import { BAND_LABELS, currentSchoolYear, HOUR_BANDS, schoolYearOptions } from './district.types';

// Issue 16: the district pages' school year (September to August), on the organisation's calendar.
describe('district school year (district.types.ts)', () => {
  afterEach(() => {
    vi.useRealTimers();
    setOrgUtcOffset(480);
  });

  it('issue 16: a school year runs from September to the next August', () => {
    expect(currentSchoolYear(new Date('2026-09-01T04:00:00Z'))).toBe('2026-2027');
    expect(currentSchoolYear(new Date('2026-12-07T04:00:00Z'))).toBe('2026-2027');
    expect(currentSchoolYear(new Date('2027-01-01T04:00:00Z'))).toBe('2026-2027');
    expect(currentSchoolYear(new Date('2027-08-31T04:00:00Z'))).toBe('2026-2027');
    expect(currentSchoolYear(new Date('2026-08-31T04:00:00Z'))).toBe('2025-2026');
  });

  it('issue 16: the new year starts at midnight of 1 September in the organisation’s zone, not the browser’s', () => {
    // 17:00 UTC on 31 August is 01:00 on 1 September in Beijing.
    expect(currentSchoolYear(new Date('2026-08-31T17:00:00Z'))).toBe('2026-2027');
    expect(currentSchoolYear(new Date('2026-08-31T15:59:00Z'))).toBe('2025-2026');
    setOrgUtcOffset(-300);
    expect(currentSchoolYear(new Date('2026-09-01T03:00:00Z'))).toBe('2025-2026');
  });

  it('issue 16: offers the current school year and the four before it, newest first', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T04:00:00Z'));
    expect(schoolYearOptions()).toEqual(['2026-2027', '2025-2026', '2024-2025', '2023-2024', '2022-2023']);
  });

  it('issue 16: every hour band has a label in both languages', () => {
    expect(HOUR_BANDS.map((b) => BAND_LABELS[b].zh)).toEqual(['≤36 学时', '37–72 学时', '73–108 学时', '≥109 学时']);
  });
});
