import { describe, expect, it } from 'vitest';
import { checkCreditParts, creditPartsOf, isAttendanceLocked, outlineStatusOf, sessionPhaseOf } from './session.rules';

const startsAt = new Date('2026-03-02T08:30:00Z');
const endsAt = new Date('2026-03-02T09:30:00Z');

describe('sessions', () => {
  it('ST-3 an outline written before the start is on time, after it late, and none at the start missing', () => {
    expect(outlineStatusOf({ outlineAt: new Date('2026-03-01T10:00:00Z'), startsAt }, new Date('2026-03-05T00:00:00Z'))).toBe('written');
    expect(outlineStatusOf({ outlineAt: new Date('2026-03-02T08:31:00Z'), startsAt }, new Date('2026-03-05T00:00:00Z'))).toBe('late');
    expect(outlineStatusOf({ outlineAt: null, startsAt }, new Date('2026-03-02T08:00:00Z'))).toBe('due');
    expect(outlineStatusOf({ outlineAt: null, startsAt }, new Date('2026-03-02T08:30:00Z'))).toBe('missing');
  });

  it('ST-4 sign-in opens half an hour before the start and closes at the end', () => {
    const s = { state: 'scheduled' as const, startsAt, endsAt };
    expect(sessionPhaseOf(s, new Date('2026-03-02T07:59:00Z'))).toBe('upcoming');
    expect(sessionPhaseOf(s, new Date('2026-03-02T08:00:00Z'))).toBe('open');
    expect(sessionPhaseOf(s, endsAt)).toBe('open');
    expect(sessionPhaseOf(s, new Date('2026-03-02T09:30:01Z'))).toBe('ended');
    expect(sessionPhaseOf({ ...s, state: 'cancelled' }, startsAt)).toBe('cancelled');
  });

  it('ST-4 locks the records the policy number of days after the end', () => {
    expect(isAttendanceLocked({ endsAt }, new Date('2026-03-09T09:30:00Z'), 7)).toBe(false);
    expect(isAttendanceLocked({ endsAt }, new Date('2026-03-09T09:30:01Z'), 7)).toBe(true);
  });

  it('ST-6 a session may carry several credit types that add up to its length', () => {
    const session = { category: 'theory' as const, creditParts: [], startsAt, endsAt };
    expect(creditPartsOf(session)).toEqual([{ category: 'theory', minutes: 60 }]);
    expect(
      checkCreditParts(
        [
          { category: 'theory', minutes: 30 },
          { category: 'informationTechnology', minutes: 30 },
        ],
        60,
      ),
    ).toBeNull();
    expect(checkCreditParts([{ category: 'theory', minutes: 30 }], 60)?.zh).toContain('须等于培训时长');
    expect(
      checkCreditParts(
        [
          { category: 'theory', minutes: 30 },
          { category: 'theory', minutes: 30 },
        ],
        60,
      )?.en,
    ).toBe('each category may appear once');
  });
});
