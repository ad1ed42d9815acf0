import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { orgInstant, orgTime, orgUtcOffset, setOrgUtcOffset } from './time';

// Issue 16: web modules that carry logic get component tests. Times are the organisation's (CORE-6).
describe('organisation time zone (web/src/ui/time.ts)', () => {
  afterEach(() => setOrgUtcOffset(480));

  it('issue 16: shows an instant as Beijing wall-clock time by default, whatever the browser zone', () => {
    expect(orgUtcOffset()).toBe(480);
    expect(orgTime('2026-03-02T01:00:00Z').format('YYYY-MM-DD HH:mm')).toBe('2026-03-02 09:00');
    // Late evening UTC is already the next day in Beijing.
    expect(orgTime('2026-03-01T20:30:00Z').format('YYYY-MM-DD HH:mm')).toBe('2026-03-02 04:30');
  });

  it('issue 16: follows the zone the organisation policy sets (setOrgUtcOffset)', () => {
    setOrgUtcOffset(-300);
    expect(orgTime('2026-03-02T01:00:00Z').format('YYYY-MM-DD HH:mm')).toBe('2026-03-01 20:00');
    setOrgUtcOffset(0);
    expect(orgTime(new Date('2026-03-02T01:00:00Z')).format('HH:mm')).toBe('01:00');
  });

  it('issue 16: reads a picked wall-clock time as the organisation’s and sends the right instant', () => {
    const picked = dayjs('2026-09-01T09:00:00');
    expect(orgInstant(picked)).toBe('2026-09-01T01:00:00.000Z');
    setOrgUtcOffset(-300);
    expect(orgInstant(picked)).toBe('2026-09-01T14:00:00.000Z');
  });

  it('issue 16: a picked time round-trips through orgInstant and orgTime unchanged', () => {
    setOrgUtcOffset(330);
    const picked = dayjs('2026-12-31T23:45:00');
    expect(orgTime(orgInstant(picked)).format('YYYY-MM-DD HH:mm')).toBe('2026-12-31 23:45');
  });
});
