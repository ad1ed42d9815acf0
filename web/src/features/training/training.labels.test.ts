import { afterEach, describe, expect, it, vi } from 'vitest';
import { setOrgUtcOffset } from '../../ui/time';
import { currentSchoolYear, currentTerm, schoolYearOptions } from './training.labels';

// Issue 16: the training pages' school year and term, counted as the server counts them (organisation's calendar).
describe('training school year and term (training.labels.ts)', () => {
  afterEach(() => {
    vi.useRealTimers();
    setOrgUtcOffset(480);
  });

  it('issue 16: the first term runs from September to January, the second from February to August', () => {
    expect(currentTerm(new Date('2026-09-01T04:00:00Z'))).toBe(1);
    expect(currentTerm(new Date('2027-01-20T04:00:00Z'))).toBe(1);
    expect(currentTerm(new Date('2027-02-01T04:00:00Z'))).toBe(2);
    expect(currentTerm(new Date('2027-08-31T04:00:00Z'))).toBe(2);
  });

  it('issue 16: year and term turn at midnight in the organisation’s zone, not the browser’s', () => {
    // 16:30 UTC on 31 January is 00:30 on 1 February in Beijing; on 31 August, 1 September.
    expect(currentTerm(new Date('2027-01-31T16:30:00Z'))).toBe(2);
    expect(currentSchoolYear(new Date('2026-08-31T16:30:00Z'))).toBe('2026-2027');
    expect(currentTerm(new Date('2026-08-31T16:30:00Z'))).toBe(1);
  });

  it('issue 16: offers next school year (plans are written before it starts) and the two before the current one', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T04:00:00Z'));
    expect(schoolYearOptions()).toEqual(['2027-2028', '2026-2027', '2025-2026', '2024-2025']);
  });
});
