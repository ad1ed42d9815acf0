import { describe, expect, it } from 'vitest';
import { isSchoolYear, schoolYearOf, schoolYearRange, termOf, termRange, weekStartOf } from './school-year.rules';

describe('school years and terms', () => {
  it('ST-6 counts a school year from September to August', () => {
    expect(schoolYearOf('2025-09-01')).toBe('2025-2026');
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(schoolYearRange('2025-2026')).toEqual({ from: '2025-09-01', to: '2026-08-31' });
  });

  it('ST-1 splits the year into an autumn and a spring term', () => {
    expect(termOf('2025-12-01')).toBe(1);
    expect(termOf('2026-01-20')).toBe(1);
    expect(termOf('2026-03-02')).toBe(2);
    expect(termRange('2025-2026', 1)).toEqual({ from: '2025-09-01', to: '2026-01-31' });
    expect(termRange('2027-2028', 2)).toEqual({ from: '2028-02-01', to: '2028-08-31' });
  });

  it('checks the spelling of a school year and finds the Monday of a week', () => {
    expect(isSchoolYear('2025-2026')).toBe(true);
    expect(isSchoolYear('2025-2027')).toBe(false);
    expect(isSchoolYear('25-26')).toBe(false);
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02');
    expect(weekStartOf('2026-03-02')).toBe('2026-03-02');
  });
});
