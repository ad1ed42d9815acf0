import { describe, expect, it } from 'vitest';
import { standingOf } from './standing.rules';

const policy = { unexcusedAbsenceLimit: 3, creditsPerYear: 12 };
const base = { absences: 0, credits: 6, creditsStillPossible: 10, sessionsHeld: 10, sessionsAhead: 10 };

describe('the teacher’s standing before the verdict (issue 13 item 4)', () => {
  it('ST-7 issue 13 item 4: two unexcused absences of three warn “one more and the year is unqualified”', () => {
    const s = standingOf({ ...base, absences: 2 }, policy);
    expect(s.absencesLeft).toBe(1);
    expect(s.warnings.map((w) => w.code)).toEqual(['absence_limit_next']);
    expect(standingOf({ ...base, absences: 3 }, policy).warnings[0].code).toBe('absence_limit_reached');
    expect(standingOf({ ...base, absences: 1 }, policy).warnings).toEqual([]);
  });

  it('ST-6 issue 13 item 4: credits behind the pace of the year warn; projected credits are earned plus still possible', () => {
    const s = standingOf({ ...base, credits: 4 }, policy);
    expect(s.paceCredits).toBe(6);
    expect(s.projectedCredits).toBe(14);
    expect(s.isBehindPace).toBe(true);
    expect(s.warnings.map((w) => w.code)).toEqual(['behind_pace']);
    expect(standingOf({ ...base, credits: 1, creditsStillPossible: 5 }, policy).warnings.map((w) => w.code)).toEqual(['cannot_reach']);
    expect(standingOf({ ...base, credits: 12 }, policy).isBehindPace).toBe(false);
  });
});
